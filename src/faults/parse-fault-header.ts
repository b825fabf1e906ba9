import type { z } from 'zod';
import { faultSchema, type Fault } from './fault-schema.ts';

/** The parsed `x-mock-fault` header, or why it is not a fault (`message` has no `x-mock-fault:` prefix). */
export type FaultHeaderResult = { ok: true; fault: Fault } | { ok: false; message: string };

/** Kinds whose short form takes an optional `:N` (chunks before the fault). */
const AFTER_CHUNKS_KINDS = ['disconnect', 'error_event', 'stall', 'malformed_chunk', 'truncate'] as const;

const SHORT_FORM = /^([a-z_]+)(?::(\d+)(ms)?)?$/;

const USAGE =
  'expected an HTTP status (e.g. 429), timeout, disconnect[:N|:Nms], error_event[:N], stall[:N], ' +
  'malformed_chunk[:N], truncate[:N] or a JSON fault object';

/**
 * Parses the `x-mock-fault` request header: a JSON fault object (starting with `{`, validated by
 * `faultSchema`; a `when` in it is accepted but ignored by `chooseFault`), or a short form. A bare
 * status (`429`, `504`) is always an `http` fault; `timeout`; `disconnect`, `disconnect:3` (after 3
 * chunks), `disconnect:250ms`; `error_event:2`, `stall:1`, `malformed_chunk:2`, `truncate:5` (`:N` =
 * after N chunks, default 0). Short forms ignore case and surrounding spaces. Never throws: a bad
 * header gives `ok: false` with a one-line reason naming the offending field.
 */
export function parseFaultHeader(value: string): FaultHeaderResult {
  const text = value.trim();
  if (text === '') return { ok: false, message: `is empty; ${USAGE}` };
  let candidate: unknown;
  if (text.startsWith('{')) {
    try {
      candidate = JSON.parse(text);
    } catch (error) {
      return { ok: false, message: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
    }
  } else {
    const short = readShortForm(text.toLowerCase());
    if (typeof short === 'string') return { ok: false, message: short };
    candidate = short;
  }
  const result = faultSchema.safeParse(candidate);
  return result.success ? { ok: true, fault: result.data } : { ok: false, message: describeIssue(result.error.issues[0]) };
}

/** The fault object a short form stands for, or why it is not one. */
function readShortForm(text: string): Record<string, unknown> | string {
  if (/^\d+$/.test(text)) return { kind: 'http', status: Number(text) };
  const match = SHORT_FORM.exec(text);
  const kind = match?.[1];
  if (match === null || kind === undefined) return `${JSON.stringify(text)} is not a fault; ${USAGE}`;
  const [, , count, ms] = match;
  if (kind === 'timeout') return count === undefined ? { kind } : '`timeout` takes no `:N`';
  if (!AFTER_CHUNKS_KINDS.some((known) => known === kind)) return `${JSON.stringify(kind)} is not a fault kind; ${USAGE}`;
  if (count === undefined) return { kind };
  if (ms === undefined) return { kind, after_chunks: Number(count) };
  return kind === 'disconnect' ? { kind, after_ms: Number(count) } : `only \`disconnect\` takes milliseconds (\`:${count}ms\`)`;
}

/** One line for a zod issue: `path: message`, or just the message for the whole fault. */
function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (issue === undefined) return 'is not a valid fault';
  const path = issue.path.map(String).join('.');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}
