import type { Completion, ReplyChoice } from './completion.ts';
import { totalUsage, wireToolCalls } from './completion-body.ts';
import { splitPieces } from './compose-text.ts';
import { buildUsage } from './usage.ts';

/** Splits tool-call arguments the way the live stream does: `{"`, `city`, `":`, ` "`, `Paris`, `"}`. */
export function argumentSlices(args: string): string[] {
  return args.match(/\s*[\p{L}\p{N}_]+|\s*[^\p{L}\p{N}_\s]+|\s+/gu) ?? [];
}

function choiceDeltas(choice: ReplyChoice): Array<Record<string, unknown>> {
  const deltas: Array<Record<string, unknown>> = [{ role: 'assistant', content: '' }];
  if (choice.reasoning !== undefined) {
    const pieces = splitPieces(choice.reasoning);
    // A thinking stream always carries reasoning_content, even if only one empty delta (live k2.5 capture).
    for (const piece of pieces.length > 0 ? pieces : ['']) deltas.push({ reasoning_content: piece });
  }
  for (const piece of splitPieces(choice.content)) deltas.push({ content: piece });
  wireToolCalls(choice).forEach((call, index) => {
    deltas.push({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] });
    for (const slice of argumentSlices(call.function.arguments)) {
      deltas.push({ tool_calls: [{ index, function: { arguments: slice } }] });
    }
  });
  return deltas;
}

/**
 * The SSE chunk objects of a completion, in live order (A4/B3): per choice a role chunk, reasoning
 * deltas, content deltas, tool-call deltas, then a final `delta:{}` chunk with `finish_reason` and
 * `usage` inside the choice; with `includeUsage`, one more chunk with `choices: []` and top-level usage.
 * Intermediate chunks carry no `usage` key. `[DONE]` is the transport's job.
 */
export function completionChunks(completion: Completion, includeUsage: boolean): object[] {
  const head = { id: completion.id, object: 'chat.completion.chunk', created: completion.created, model: completion.model };
  const tail = { system_fingerprint: completion.systemFingerprint };
  const chunks: object[] = [];
  for (const choice of completion.choices) {
    for (const delta of choiceDeltas(choice)) {
      chunks.push({ ...head, choices: [{ index: choice.index, delta, finish_reason: null }], ...tail });
    }
    const usage = buildUsage(
      completion.promptTokens,
      choice.completionTokens,
      completion.thinking ? choice.reasoningTokens : undefined,
      completion.cachedTokens,
    );
    chunks.push({ ...head, choices: [{ index: choice.index, delta: {}, finish_reason: choice.finishReason, usage }], ...tail });
  }
  if (includeUsage) chunks.push({ ...head, choices: [], usage: totalUsage(completion) });
  return chunks;
}
