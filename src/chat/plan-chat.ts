import type { Catalog } from '../catalog/catalog.ts';
import type { Model } from '../catalog/model-entry.ts';
import type { Api } from '../catalog/model-rules.ts';
import type { ChatRequest } from './chat-request.ts';
import type { TokenCounter } from '../tokens/token-counter.ts';
import { countPromptBlocks } from '../tokens/count-prompt.ts';
import { MoonshotError } from '../errors/moonshot-error.ts';
import { checkJsonSchema } from './check-json-schema.ts';
import { checkMessages } from './check-messages.ts';
import { checkSampling } from './check-sampling.ts';
import { checkThinking, effortOf } from './check-thinking.ts';
import { checkTools } from './check-tools.ts';
import { isThinkingOn } from './is-thinking-on.ts';

/** A validated chat request with everything the reply needs to know. */
export interface ChatPlan {
  request: ChatRequest;
  model: Model;
  thinking: boolean;
  /** The `reasoning_effort` in force (request or model default); undefined for models without efforts. */
  effort: string | undefined;
  promptTokens: number;
  /** Tokens of each prompt block (declared tools, then each message), for the prefix cache; they sum to promptTokens. */
  promptBlocks: number[];
  /** Prompt tokens served from the prefix cache (set once the request is admitted). */
  cachedTokens: number;
  /** Most completion tokens (reasoning + content + tool arguments) one choice may use. */
  outputBudget: number;
  n: number;
  stop: string[];
  /** The prefix of a trailing `partial` assistant message, which the reply continues. */
  partialPrefix: string | undefined;
  /** `top_logprobs` when `logprobs: true` was asked for (0 when absent); undefined otherwise. */
  topLogprobs: number | undefined;
}

/**
 * Looks a model up; unknown, not yet released and retired ids all answer 404 `resource_not_found_error`, and so does a
 * model the given `api` does not serve (the live message does not tell these apart).
 */
export function requireModel(catalog: Catalog, id: string, api?: Api): Model {
  const model = catalog.find(id);
  if (!model || (api !== undefined && !model.apis.includes(api))) throw new MoonshotError({ kind: 'model_not_found', model: id });
  return model;
}

/**
 * The most prompt tokens that can pass `fitContext`: counting may stop once a prompt is over it. With
 * an output budget, prompt + budget must fit; without one, the prompt must be shorter than the window.
 */
export function largestFittingPrompt(model: Model, requested: number | null | undefined): number {
  return requested != null ? model.context_length - requested : model.context_length - 1;
}

/**
 * The context-window rule (A3): with an output budget, prompt + budget must fit the window;
 * without one, the prompt alone must be shorter than the window, and output is capped at what is left.
 */
export function fitContext(model: Model, promptTokens: number, requested: number | null | undefined): number {
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

/**
 * Validates a parsed chat request against the model's rules, then counts its prompt. The plan comes at
 * once when the counter already knows every text of the prompt, else as a promise.
 */
export function planChat(
  request: ChatRequest,
  deps: { catalog: Catalog; counter: TokenCounter },
  signal?: AbortSignal,
): ChatPlan | Promise<ChatPlan> {
  const model = requireModel(deps.catalog, request.model);
  checkThinking(model, request);
  const thinking = isThinkingOn(model, request);
  checkMessages(model, request, thinking);
  checkSampling(model, request, thinking);
  checkTools(model, request, thinking);
  const format = request.response_format;
  if (format?.type === 'json_schema' && format.json_schema.schema != null) {
    checkJsonSchema(format.json_schema.schema, 'response_format.json_schema');
  }
  const requested = request.max_completion_tokens ?? request.max_tokens;
  // A prompt certainly past the window is not counted to the end: the error needs no exact figure.
  const stopAbove = largestFittingPrompt(model, requested);
  const counted = countPromptBlocks(deps.counter, request.messages, request.tools ?? undefined, signal, stopAbove);
  const plan = (promptBlocks: number[]): ChatPlan => {
    const promptTokens = promptBlocks.reduce((sum, n) => sum + n, 0);
    const outputBudget = fitContext(model, promptTokens, requested);
    const last = request.messages[request.messages.length - 1];
    const partialPrefix = last?.partial && typeof last.content === 'string' ? last.content : undefined;
    const stop = request.stop == null ? [] : typeof request.stop === 'string' ? [request.stop] : request.stop;
    return {
      request, model, thinking, effort: effortOf(model, request), promptTokens, promptBlocks, cachedTokens: 0, outputBudget,
      n: request.n ?? 1, stop, partialPrefix, topLogprobs: request.logprobs === true ? (request.top_logprobs ?? 0) : undefined,
    };
  };
  return Array.isArray(counted) ? plan(counted) : counted.then(plan);
}
