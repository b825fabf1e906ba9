import type { Completion, ReplyChoice } from '../../reply/completion.ts';
import { totalUsage, wireToolCalls } from './completion-body.ts';
import { argumentSlices, splitPieces } from '../../reply/compose-text.ts';
import { defaultStreamShape, type StreamShape } from '../../reply/stream-shape.ts';
import { logprobsOf } from '../../reply/logprobs.ts';
import { buildUsage } from './usage.ts';
import type { SseEvent } from '../../transport/wire-encoder.ts';

/** Text cut into deltas: groups of `tokensPerDelta` word pieces, or single characters. */
function textDeltas(text: string, shape: StreamShape): Array<{ text: string; pieces: number }> {
  if (shape.charSlices) return Array.from(text, (char) => ({ text: char, pieces: 1 }));
  const pieces = splitPieces(text);
  const out: Array<{ text: string; pieces: number }> = [];
  for (let i = 0; i < pieces.length; i += shape.tokensPerDelta) {
    const group = pieces.slice(i, i + shape.tokensPerDelta);
    out.push({ text: group.join(''), pieces: group.length });
  }
  return out;
}

/** The recorded deltas when they still spell `text` (a budget cut or a capture may have changed it). */
function recordedDeltas(recorded: string[] | undefined, text: string): Array<{ text: string; pieces: number }> | undefined {
  if (recorded === undefined || recorded.join('') !== text) return undefined;
  return recorded.map((delta) => ({ text: delta, pieces: splitPieces(delta).length }));
}

type Delta = { delta: object; pieces: number; logprobs?: object };

function choiceDeltas(choice: ReplyChoice, shape: StreamShape, logprobs: { top: number; key: string } | undefined): Delta[] {
  const deltas: Delta[] = [{ delta: { role: 'assistant', content: '' }, pieces: 0 }];
  const recorded = choice.deltas;
  const recordedReasoning = choice.reasoning === undefined ? undefined : recordedDeltas(recorded?.reasoning, choice.reasoning);
  if (recordedReasoning) {
    // A recording replays as it was sent, its closing empty delta included.
    for (const part of recordedReasoning) deltas.push({ delta: { reasoning_content: part.text }, pieces: part.pieces });
  } else if (choice.reasoning !== undefined) {
    if (shape.emptyReasoning) deltas.push({ delta: { reasoning_content: '' }, pieces: 0 });
    for (const part of textDeltas(choice.reasoning, shape)) deltas.push({ delta: { reasoning_content: part.text }, pieces: part.pieces });
    // Live (K3, K2.x): one empty reasoning delta closes the reasoning, before content or tool calls.
    deltas.push({ delta: { reasoning_content: '' }, pieces: 0 });
  }
  let offset = 0;
  for (const part of recordedDeltas(recorded?.content, choice.content) ?? textDeltas(choice.content, shape)) {
    const delta: Delta = { delta: { content: part.text }, pieces: part.pieces };
    if (logprobs) {
      const content = logprobsOf(part.text, logprobs.top, logprobs.key, offset);
      offset += content.length;
      delta.logprobs = { content };
    }
    deltas.push(delta);
  }
  wireToolCalls(choice).forEach((call, index) => {
    const { name, arguments: args } = call.function;
    const recordedArgs = recorded?.arguments?.[index];
    if (recordedArgs !== undefined && recordedArgs.join('') === args) {
      const [head = '', ...rest] = recordedArgs;
      deltas.push({ delta: { tool_calls: [{ index, id: call.id, type: 'function', function: { name, arguments: head } }] }, pieces: 1 });
      for (const slice of rest) deltas.push({ delta: { tool_calls: [{ index, function: { arguments: slice } }] }, pieces: 1 });
      return;
    }
    const slices = shape.toolCallWhole ? [] : argumentSlices(args);
    const first = { index, id: call.id, type: 'function', function: { name, arguments: shape.toolCallWhole ? args : '' } };
    deltas.push({ delta: { tool_calls: [first] }, pieces: shape.toolCallWhole ? argumentSlices(args).length + 1 : 1 });
    for (const slice of slices) deltas.push({ delta: { tool_calls: [{ index, function: { arguments: slice } }] }, pieces: 1 });
  });
  return deltas;
}

/**
 * The SSE events of a completion, in live order (A4/B3): per choice a role chunk, reasoning deltas
 * and one empty reasoning delta (thinking requests), content deltas (with `logprobs` when asked for), tool-call deltas (`index`; `id`/`type`/`name` in the first), then a final `delta:{}`
 * chunk with `finish_reason` and `usage` inside the choice; with `includeUsage`, one more chunk with
 * `choices: []` and top-level usage. Intermediate chunks carry no `usage` key. `[DONE]` is the
 * transport's job. `shape` changes only how output is cut and decorated, never the assembled text.
 */
export function completionChunks(completion: Completion, includeUsage: boolean, shape: StreamShape = defaultStreamShape): SseEvent[] {
  const head = { id: completion.id, object: 'chat.completion.chunk', created: completion.created, model: completion.model };
  const tail = completion.systemFingerprint === undefined ? {} : { system_fingerprint: completion.systemFingerprint };
  const events: SseEvent[] = [];
  const push = (data: object, pieces: number) => {
    if (shape.keepAlive) events.push({ comment: 'keep-alive' });
    events.push({ data, pieces });
  };
  for (const choice of completion.choices) {
    const key = `${completion.id}|${choice.index}`;
    const logprobs = completion.topLogprobs === undefined ? undefined : { top: completion.topLogprobs, key };
    for (const { delta, pieces, logprobs: lp } of choiceDeltas(choice, shape, logprobs)) {
      push({ ...head, choices: [{ index: choice.index, delta, ...(lp && { logprobs: lp }), finish_reason: null }], ...tail }, pieces);
    }
    const usage = buildUsage(
      completion.promptTokens,
      choice.completionTokens,
      completion.thinking ? choice.reasoningTokens : undefined,
      completion.cachedTokens,
    );
    push({ ...head, choices: [{ index: choice.index, delta: {}, finish_reason: choice.finishReason, usage }], ...tail }, 0);
  }
  if (includeUsage) push({ ...head, choices: [], usage: totalUsage(completion) }, 0);
  return events;
}
