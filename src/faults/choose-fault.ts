import type { Random } from '../random.ts';
import type { Fault } from './fault-schema.ts';
import { isInWindow } from './fault-window.ts';

/** Where the fault that fires came from. */
export type FaultSource = 'header' | 'fixture' | 'config';

/** The fault that fires for a request and where it came from. */
export interface ChosenFault {
  fault: Fault;
  source: FaultSource;
}

/**
 * The one fault a request gets, if any. Precedence: the `x-mock-fault` header (always fires; its `when`
 * is ignored) > the matched fixture's fault (if its window holds for the fixture's 1-based match count)
 * > the first config fault whose `applies` (its `match` held) and window (for its own 1-based count of
 * applying requests) hold. Windows are evaluated lazily in that order and stop at the first that fires,
 * so a `probability` draw happens only when its level is reached; config faults that do not apply draw
 * nothing. Draws therefore depend only on the seed and the request order.
 */
export function chooseFault(input: {
  header: Fault | undefined;
  fixture: { fault: Fault; call: number } | undefined;
  config: ReadonlyArray<{ fault: Fault; call: number; applies: boolean }>;
  random: Random;
}): ChosenFault | undefined {
  const { header, fixture, config, random } = input;
  if (header !== undefined) return { fault: header, source: 'header' };
  if (fixture !== undefined && isInWindow(fixture.fault.when, fixture.call, random)) {
    return { fault: fixture.fault, source: 'fixture' };
  }
  for (const entry of config) {
    if (entry.applies && isInWindow(entry.fault.when, entry.call, random)) return { fault: entry.fault, source: 'config' };
  }
  return undefined;
}
