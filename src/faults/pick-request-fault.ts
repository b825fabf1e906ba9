import { invalidRequest } from '../errors/moonshot-error.ts';
import { conditionsHold } from '../match/check-conditions.ts';
import type { RequestView } from '../match/request-view.ts';
import type { RunState } from '../state/run-state.ts';
import type { ConfigFault } from './config-fault-schema.ts';
import { chooseFault, type ChosenFault } from './choose-fault.ts';
import type { Fault } from './fault-schema.ts';
import { parseFaultHeader } from './parse-fault-header.ts';

/**
 * Gathers a request's three fault sources — the `x-mock-fault` header, the matched fixture's `fault`,
 * the server-wide `faults` — counts in `state` the calls their `when` windows read (the fixture's
 * matches, each config fault's applying requests), and picks one by precedence (header > fixture >
 * config). A malformed header is a 400 naming it.
 */
export function pickRequestFault(input: {
  state: Pick<RunState, 'useOf' | 'configFaultCalls' | 'faultRandom'>;
  header: string | undefined;
  fixture: { name: string; fault?: Fault | undefined } | undefined;
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
  if (input.fixture) {
    const use = state.useOf(input.fixture.name);
    use.matched++;
    if (input.fixture.fault) fixture = { fault: input.fixture.fault, call: use.matched };
  }
  const config = input.configFaults.map((fault, index) => {
    const applies = fault.match === undefined || conditionsHold(fault.match, input.view()) !== false;
    const call = (state.configFaultCalls[index] ?? 0) + (applies ? 1 : 0);
    state.configFaultCalls[index] = call;
    return { fault, call, applies };
  });
  return chooseFault({ header, fixture, config, random: state.faultRandom });
}
