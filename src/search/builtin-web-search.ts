import { invalidRequest } from '../errors/moonshot-error.ts';
import type { ChatRequest } from '../chat/chat-request.ts';
import { createRandom } from '../random.ts';
import type { Completion, ReplyToolCall } from '../reply/completion.ts';
import type { TokenCounter } from '../tokens/token-counter.ts';

/** The builtin tool's name, and the day a third party gives for its retirement. */
export const WEB_SEARCH = '$web_search';
export const WEB_SEARCH_RETIRED = '2026-10-20';

/** Where a request stands in the builtin `$web_search` flow. */
export type WebSearchStep =
  | { kind: 'none' }
  /** The model asks for a search: answer with this tool call. */
  | { kind: 'call'; call: ReplyToolCall }
  /** The client echoed the call back: the search ran, its tokens bill as prompt tokens. */
  | { kind: 'answered'; searchTokens: number; searches: number };

const declares = (request: ChatRequest) =>
  (request.tools ?? []).some((tool) => tool.type === 'builtin_function' && tool.function.name === WEB_SEARCH);

/**
 * The legacy builtin `$web_search` flow: a request that declares it gets a `$web_search` tool call
 * whose arguments carry `usage.total_tokens`; once the client sends those arguments back as the
 * tool message, the next answer counts those tokens in `prompt_tokens`. On or after the retirement
 * day (`apiDate`, default today's data) declaring it is a 400 [G: the real wording was not found].
 */
export function webSearchStep(request: ChatRequest, apiDate: string | undefined, seed: number): WebSearchStep {
  if (!declares(request)) return { kind: 'none' };
  if ((apiDate ?? '9999-12-31') >= WEB_SEARCH_RETIRED) {
    throw invalidRequest(`the builtin function ${WEB_SEARCH} has been retired since ${WEB_SEARCH_RETIRED}; use POST /v1/tools/search instead`);
  }
  const { messages } = request;
  let searchTokens = 0;
  let searches = 0;
  for (let i = messages.length - 1; i >= 0 && messages[i]!.role === 'tool'; i--) {
    const message = messages[i]!;
    if (message.name !== WEB_SEARCH && !message.tool_call_id?.startsWith(WEB_SEARCH)) continue;
    searches++;
    searchTokens += echoedTokens(typeof message.content === 'string' ? message.content : '');
  }
  if (searches > 0) return { kind: 'answered', searchTokens, searches };
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  const query = typeof lastUser?.content === 'string' ? lastUser.content : JSON.stringify(lastUser?.content ?? '');
  const random = createRandom(`web_search|${seed}|${query}`);
  const calls = messages.reduce((sum, m) => sum + (m.role === 'assistant' ? (m.tool_calls?.length ?? 0) : 0), 0);
  const args = { search_result: { search_id: random.hex(24) }, usage: { total_tokens: 2000 + random.int(6000) } };
  return { kind: 'call', call: { id: `${WEB_SEARCH}_${calls}`, name: WEB_SEARCH, arguments: JSON.stringify(args) } };
}

/** `usage.total_tokens` of echoed arguments; 0 when the client changed them beyond reading. */
function echoedTokens(content: string): number {
  try {
    const tokens = (JSON.parse(content) as { usage?: { total_tokens?: unknown } }).usage?.total_tokens;
    return typeof tokens === 'number' && Number.isInteger(tokens) && tokens > 0 ? tokens : 0;
  } catch {
    return 0;
  }
}

/**
 * Applies a step to a built completion: a `call` replaces the reply with the one tool call (keeping
 * the first choice's reasoning); `answered` adds the search tokens to the prompt.
 */
export async function applyWebSearch(completion: Completion, step: WebSearchStep, counter: TokenCounter, signal?: AbortSignal): Promise<Completion> {
  if (step.kind === 'answered') return { ...completion, promptTokens: completion.promptTokens + step.searchTokens };
  if (step.kind === 'none') return completion;
  const first = completion.choices[0]!;
  const [name, args] = await counter.countTexts([step.call.name, step.call.arguments], signal);
  const completionTokens = first.reasoningTokens + name! + args!;
  return {
    ...completion,
    choices: [{ ...first, content: '', toolCalls: [step.call], finishReason: 'tool_calls', completionTokens }],
  };
}
