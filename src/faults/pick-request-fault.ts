import { invalidRequest } from '../errors/moonshot-error.ts';
import { conditionsHold } from '../fixtures/check-conditions.ts';
import type { Fixture } from '../fixtures/fixture-schema.ts';
import type { RequestView } from '../fixtures/request-view.ts';
import type { ConfigFault } from './config-fault-schema.ts';
import { chooseFault, type ChosenFault } from './choose-fault.ts';
import type { FaultState } from './fault-state.ts';
import { parseFaultHeader } from './parse-fault-header.ts';

/**
 * Gathers a request's three fault sources — the `x-mock-fault` header, the matched fixture's `fault`,
 * the server-wide `faults` — counts the calls their `when` windows read, and picks one by precedence
 * (header > fixture > config). A malformed header is a 400 naming it.
 */
export function pickRequestFault(input: {
  state: FaultState;
  header: string | undefined;
  fixture: Fixture | undefined;
  configFaults: readonly ConfigFault[];
  view: () => RequestView;
}): ChosenFault | undefined {
  const { state } = input;
  let header;
  if (input.header !== undefined) {
    const parsed = parseFaultHeader(input.header);
    if (!parsed.ok) throw invalidRequest(`x-mock-fault: ${parsed.message}`);
    header = parsed.fault;
  }
  let fixture;
  if (input.fixture?.fault) {
    const call = (state.fixtureMatches.get(input.fixture.name) ?? 0) + 1;
    state.fixtureMatches.set(input.fixture.name, call);
    fixture = { fault: input.fixture.fault, call };
  }
  const config = input.configFaults.map((fault, index) => {
    const applies = fault.match === undefined || conditionsHold(fault.match, input.view()) !== false;
    const call = (state.configMatches[index] ?? 0) + (applies ? 1 : 0);
    state.configMatches[index] = call;
    return { fault, call, applies };
  });
  return chooseFault({ header, fixture, config, random: state.random });
}
