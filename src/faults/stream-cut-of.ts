import type { Config } from '../config.ts';
import type { StreamCut } from '../transport/stream-cut.ts';
import { errorEventPayload } from './describe-fault-error.ts';
import type { Fault } from './fault-schema.ts';

/** The transport cut of a stream-breaking fault; undefined for `http` and `timeout` (not stream faults). */
export function streamCutOf(fault: Fault | undefined, config: Pick<Config, 'stallCapMs'>): StreamCut | undefined {
  switch (fault?.kind) {
    case 'disconnect':
      return { kind: 'disconnect', afterChunks: fault.after_ms === undefined ? (fault.after_chunks ?? 0) : undefined, afterMs: fault.after_ms };
    case 'error_event':
      return { kind: 'error_event', afterChunks: fault.after_chunks, payload: errorEventPayload(fault) };
    case 'stall':
      return { kind: 'stall', afterChunks: fault.after_chunks, capMs: config.stallCapMs };
    case 'malformed_chunk':
      return { kind: 'malformed_chunk', afterChunks: fault.after_chunks };
    case 'truncate':
      return { kind: 'truncate', afterChunks: fault.after_chunks };
    default:
      return undefined;
  }
}
