import type { FixtureInput } from '../fixtures/fixture-schema.ts';
import { argumentSlices, splitPieces } from '../reply/compose-text.ts';
import { recordedArguments, recordedFinish, recordedReply, recordedUsage, type RecordedChoice, type RecordedReply } from './recorded-reply.ts';

/** One `data:` event of an upstream stream, parsed, with the clock time it arrived. */
export interface ArrivedChunk {
  data: unknown;
  at: number;
}

interface ChoiceParts {
  reasoning: string[];
  content: string[];
  calls: Map<number, { id?: string; name?: string; args: string[] }>;
  finish: unknown;
}

interface WireDelta {
  role?: string;
  content?: string | null;
  reasoning_content?: string | null;
  tool_calls?: Array<{ index?: number; id?: string; function?: { name?: string; arguments?: string } }>;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Deltas as written: a plain string when the emulator's own split gives the same deltas back. */
function textOf(deltas: string[], emptyAsDelta: boolean): string | string[] {
  const text = deltas.join('');
  const own = splitPieces(text);
  if (own.length === 0 && emptyAsDelta) own.push('');
  return sameList(deltas, own) ? text : deltas;
}

/**
 * The fixture reply and `stream` block of an SSE completion. Per choice (by `index`): the reasoning,
 * content and tool-call argument deltas (kept as lists unless the emulator's own split reproduces
 * them), the tool calls' ids and names, the finish reason; the usage from the `choices: []` chunk, else
 * the one inside the choice. The pace: `ttftMs` from the first chunk to the first output delta, and
 * `tokensPerSecond` over the word pieces that followed it.
 */
export function assembleStreamReply(chunks: readonly ArrivedChunk[]): { reply: RecordedReply; stream: NonNullable<FixtureInput['stream']> } {
  const parts = new Map<number, ChoiceParts>();
  let usage: unknown;
  let choiceUsage: unknown;
  let firstOutput: number | undefined;
  let lastOutput = 0;
  let laterPieces = 0;
  for (const { data, at } of chunks) {
    const chunk = data as { choices?: Array<{ index?: number; delta?: WireDelta; finish_reason?: unknown; usage?: unknown }>; usage?: unknown };
    if (chunk.usage) usage = chunk.usage;
    for (const choice of chunk.choices ?? []) {
      const index = choice.index ?? 0;
      const entry: ChoiceParts = parts.get(index) ?? { reasoning: [], content: [], calls: new Map(), finish: undefined };
      parts.set(index, entry);
      if (choice.usage) choiceUsage = choice.usage;
      if (choice.finish_reason) entry.finish = choice.finish_reason;
      const delta = choice.delta ?? {};
      let pieces = 0;
      let output = false;
      if (typeof delta.reasoning_content === 'string') {
        entry.reasoning.push(delta.reasoning_content);
        pieces += splitPieces(delta.reasoning_content).length;
        output ||= delta.reasoning_content !== '';
      }
      // The role chunk's `content: ""` is not a delta.
      if (typeof delta.content === 'string' && !(delta.content === '' && 'role' in delta)) {
        entry.content.push(delta.content);
        pieces += splitPieces(delta.content).length;
        output ||= delta.content !== '';
      }
      for (const call of delta.tool_calls ?? []) {
        const slot = entry.calls.get(call.index ?? 0) ?? { args: [] };
        entry.calls.set(call.index ?? 0, slot);
        if (call.id) slot.id = call.id;
        if (call.function?.name) slot.name = call.function.name;
        if (call.function?.arguments !== undefined) slot.args.push(call.function.arguments);
        pieces += 1;
        output = true;
      }
      if (!output) continue;
      if (firstOutput === undefined) firstOutput = at;
      else laterPieces += pieces;
      lastOutput = at;
    }
  }
  const choices = [...parts.entries()].sort(([a], [b]) => a - b).map(([, entry]) => choiceOf(entry));
  const stream: NonNullable<FixtureInput['stream']> = {};
  const start = chunks[0]?.at;
  if (firstOutput !== undefined && start !== undefined) {
    stream.ttftMs = Math.round(firstOutput - start);
    const seconds = (lastOutput - firstOutput) / 1000;
    if (seconds > 0 && laterPieces > 0) stream.tokensPerSecond = Math.round((laterPieces / seconds) * 10) / 10;
  }
  return { reply: recordedReply(choices, recordedUsage(usage ?? choiceUsage, choices.length)), stream };
}

function choiceOf(entry: ChoiceParts): RecordedChoice {
  const out: RecordedChoice = {};
  if (entry.content.length > 0 && entry.content.join('') !== '') out.content = textOf(entry.content, false);
  if (entry.reasoning.length > 0) out.reasoning_content = textOf(entry.reasoning, true);
  const calls = [...entry.calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call).filter((call) => call.name);
  if (calls.length > 0) {
    out.tool_calls = calls.map((call) => {
      const text = call.args.join('');
      const own = ['', ...argumentSlices(text)];
      return {
        ...(call.id !== undefined && { id: call.id }),
        name: call.name!,
        arguments: call.args.length === 0 || sameList(call.args, own) ? recordedArguments(text) : call.args,
      };
    });
  }
  const finish = recordedFinish(entry.finish);
  if (finish !== undefined) out.finish_reason = finish;
  return out;
}
