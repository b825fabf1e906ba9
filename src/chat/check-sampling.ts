import type { Model } from '../catalog/model-entry.ts';
import { defaultTemperatureOf, samplingParams, type SamplingRule } from '../catalog/sampling-rules.ts';
import type { ChatRequest } from './chat-request.ts';
import { MoonshotError, invalidRequest } from '../errors/moonshot-error.ts';

/** Below this temperature only one choice can be returned (Moonshot: "very close to 0"; a documented guess). */
export const NEAR_ZERO_TEMPERATURE = 0.3;
const MAX_STOP_STRINGS = 5;
const MAX_STOP_BYTES = 32;
const MAX_TOP_LOGPROBS = 20;

const same = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;

/** One parameter against its rule: a fixed value (live message pattern) or a range. */
function checkRule(name: string, value: number, rule: SamplingRule): void {
  if ('fixed' in rule) {
    if (!same(value, rule.fixed)) {
      throw new MoonshotError({ kind: 'invalid_request', message: rule.message ?? `invalid ${name}: only ${rule.fixed} is allowed for this model` });
    }
    return;
  }
  if (value < rule.min || value > rule.max) throw invalidRequest(`${name} must be between ${rule.min} and ${rule.max}, got ${value}`);
}

/** The temperature the model samples at when the request sends none, for this thinking state. */
export function defaultTemperature(model: Model, thinking: boolean): number {
  return defaultTemperatureOf(thinking ? model.sampling.thinking : model.sampling.plain);
}

/**
 * Sampling, `n`, `stop`, logprobs and output-budget rules, read from the model's rules for this
 * thinking state. Throws the first rule broken.
 */
export function checkSampling(model: Model, request: ChatRequest, thinking: boolean): void {
  const rules = thinking ? model.sampling.thinking : model.sampling.plain;
  for (const param of samplingParams) {
    const value = request[param];
    if (typeof value === 'number') checkRule(param, value, rules[param]);
  }
  const { n, temperature } = request;
  if (n != null && n > 1) {
    const effective = temperature ?? defaultTemperatureOf(rules);
    if (effective < NEAR_ZERO_TEMPERATURE) {
      throw invalidRequest(`n must be 1 when temperature is close to 0 (temperature ${effective}, n ${n})`);
    }
  }
  checkStop(request.stop);
  checkLogprobs(request);
  // A cap equal to the window is left to the context check, whose live message is better known.
  const maxOutput = model.max_output_tokens !== undefined && model.max_output_tokens < model.context_length ? model.max_output_tokens : undefined;
  for (const field of ['max_tokens', 'max_completion_tokens'] as const) {
    const value = request[field];
    if (value != null && value <= 0) throw invalidRequest(`${field} must be a positive integer, got ${value}`);
    if (value != null && maxOutput !== undefined && value > maxOutput) {
      throw invalidRequest(`${field} must be at most ${maxOutput} for this model, got ${value}`);
    }
  }
}

function checkLogprobs(request: ChatRequest): void {
  const top = request.top_logprobs;
  if (top == null) return;
  if (request.logprobs !== true) throw invalidRequest('logprobs must be set to true if top_logprobs is used');
  if (top < 0 || top > MAX_TOP_LOGPROBS) throw invalidRequest(`top_logprobs must be between 0 and ${MAX_TOP_LOGPROBS}, got ${top}`);
}

function checkStop(stop: ChatRequest['stop']): void {
  if (stop == null) return;
  const list = typeof stop === 'string' ? [stop] : stop;
  if (list.length > MAX_STOP_STRINGS) {
    throw invalidRequest(`stop must contain at most ${MAX_STOP_STRINGS} strings, got ${list.length}`);
  }
  for (const entry of list) {
    const bytes = Buffer.byteLength(entry, 'utf8');
    if (bytes > MAX_STOP_BYTES) {
      throw invalidRequest(`each stop string must be at most ${MAX_STOP_BYTES} bytes, got ${bytes}`);
    }
  }
}
