import type { ModelEntry } from '../catalog/model-entry.ts';
import type { ChatRequest } from './chat-request.ts';
import { MoonshotError, invalidRequest } from '../errors/moonshot-error.ts';

/** Below this temperature only one choice can be returned (Moonshot: "very close to 0"; a documented guess). */
export const NEAR_ZERO_TEMPERATURE = 0.3;
const MAX_STOP_STRINGS = 5;
const MAX_STOP_BYTES = 32;

const same = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;

/** kimi-k2.5: sampling fields may be omitted or sent with the model's own value, nothing else. */
function checkFixedSampling(request: ChatRequest, thinking: boolean): void {
  const fixed: Array<[keyof ChatRequest, number]> = [
    ['temperature', thinking ? 1 : 0.6],
    ['top_p', 0.95],
    ['n', 1],
    ['presence_penalty', 0],
    ['frequency_penalty', 0],
  ];
  for (const [field, allowed] of fixed) {
    const value = request[field];
    if (typeof value === 'number' && !same(value, allowed)) {
      throw new MoonshotError({
        kind: 'invalid_request',
        message: `invalid ${field}: only ${allowed} is allowed for this model`,
      });
    }
  }
}

/** The temperature the model samples at when the request sends none. */
export function defaultTemperature(model: ModelEntry, thinking: boolean): number {
  if (model.thinking !== 'none') return thinking ? 1 : 0.6;
  return model.id.startsWith('moonshot-v1') ? 0 : 0.6;
}

/** Sampling, `n`, `stop` and output-budget rules (B1). Throws the first rule broken. */
export function checkSampling(model: ModelEntry, request: ChatRequest, thinking: boolean): void {
  if (model.sampling === 'fixed') checkFixedSampling(request, thinking);
  const { temperature, top_p, n, presence_penalty, frequency_penalty } = request;
  if (temperature != null && (temperature < 0 || temperature > 1)) {
    throw invalidRequest(`temperature must be between 0 and 1, got ${temperature}`);
  }
  if (top_p != null && (top_p < 0 || top_p > 1)) throw invalidRequest(`top_p must be between 0 and 1, got ${top_p}`);
  for (const [name, value] of [['presence_penalty', presence_penalty], ['frequency_penalty', frequency_penalty]] as const) {
    if (value != null && (value < -2 || value > 2)) throw invalidRequest(`${name} must be between -2 and 2, got ${value}`);
  }
  if (n != null) {
    if (n < 1 || n > model.max_n) throw invalidRequest(`n must be between 1 and ${model.max_n}, got ${n}`);
    const effective = temperature ?? defaultTemperature(model, thinking);
    if (n > 1 && effective < NEAR_ZERO_TEMPERATURE) {
      throw invalidRequest(`n must be 1 when temperature is close to 0 (temperature ${effective}, n ${n})`);
    }
  }
  checkStop(request.stop);
  for (const field of ['max_tokens', 'max_completion_tokens'] as const) {
    const value = request[field];
    if (value != null && value <= 0) throw invalidRequest(`${field} must be a positive integer, got ${value}`);
  }
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
