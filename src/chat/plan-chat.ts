import type { Catalog } from '../catalog/catalog.ts';
import type { ModelEntry } from '../catalog/model-entry.ts';
import type { ChatRequest } from './chat-request.ts';
import type { TokenCounter } from '../tokens/token-counter.ts';
import { countPrompt } from '../tokens/count-prompt.ts';
import { MoonshotError } from '../errors/moonshot-error.ts';
import { checkMessages } from './check-messages.ts';
import { checkSampling } from './check-sampling.ts';
import { checkTools } from './check-tools.ts';
import { isThinkingOn } from './is-thinking-on.ts';

/** A validated chat request with everything the reply needs to know. */
export interface ChatPlan {
  request: ChatRequest;
  model: ModelEntry;
  thinking: boolean;
  promptTokens: number;
  /** Most completion tokens (reasoning + content + tool arguments) one choice may use. */
  outputBudget: number;
  n: number;
  stop: string[];
  /** The prefix of a trailing `partial` assistant message, which the reply continues. */
  partialPrefix: string | undefined;
}

/** Looks a model up; unknown and retired ids both answer 404 `resource_not_found_error`. */
export function requireModel(catalog: Catalog, id: string): ModelEntry {
  const model = catalog.find(id);
  if (!model) throw new MoonshotError({ kind: 'model_not_found', model: id });
  return model;
}

/**
 * The most prompt tokens that can pass `fitContext`: counting may stop once a prompt is over it. With
 * an output budget, prompt + budget must fit; without one, the prompt must be shorter than the window.
 */
export function largestFittingPrompt(model: ModelEntry, requested: number | null | undefined): number {
  return requested != null ? model.context_length - requested : model.context_length - 1;
}

/**
 * The context-window rule (A3): with an output budget, prompt + budget must fit the window;
 * without one, the prompt alone must be shorter than the window, and output is capped at what is left.
 */
export function fitContext(model: ModelEntry, promptTokens: number, requested: number | null | undefined): number {
  const limit = model.context_length;
  if (requested != null) {
    if (promptTokens + requested > limit) {
      throw new MoonshotError({ kind: 'context_exceeded', limit, requested: promptTokens + requested });
    }
    return requested;
  }
  if (promptTokens >= limit) throw new MoonshotError({ kind: 'input_too_long' });
  return Math.min(model.default_max_tokens, limit - promptTokens);
}

/** Validates a parsed chat request against the model and contract rules, then counts its prompt. */
export async function planChat(
  request: ChatRequest,
  deps: { catalog: Catalog; counter: TokenCounter },
  signal?: AbortSignal,
): Promise<ChatPlan> {
  const model = requireModel(deps.catalog, request.model);
  const thinking = isThinkingOn(model, request);
  checkMessages(model, request, thinking);
  checkSampling(model, request, thinking);
  checkTools(request, thinking);
  const requested = request.max_completion_tokens ?? request.max_tokens;
  // A prompt certainly past the window is not counted to the end: the error needs no exact figure.
  const stopAbove = largestFittingPrompt(model, requested);
  const promptTokens = await countPrompt(deps.counter, request.messages, request.tools ?? undefined, signal, stopAbove);
  const outputBudget = fitContext(model, promptTokens, requested);
  const last = request.messages[request.messages.length - 1];
  const partialPrefix = last?.partial && typeof last.content === 'string' ? last.content : undefined;
  const stop = request.stop == null ? [] : typeof request.stop === 'string' ? [request.stop] : request.stop;
  return { request, model, thinking, promptTokens, outputBudget, n: request.n ?? 1, stop, partialPrefix };
}
