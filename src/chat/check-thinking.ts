import type { Model } from '../catalog/model-entry.ts';
import type { ChatRequest } from './chat-request.ts';
import { MoonshotError } from '../errors/moonshot-error.ts';

const refuse = (message: string): MoonshotError => new MoonshotError({ kind: 'invalid_request', message });

/**
 * The thinking and effort rules of the model: `thinking:{type:"disabled"}` on an `always` model gets
 * the model's message (live: `invalid thinking: only type=enabled is allowed for this model`);
 * `thinking.keep` must be one the model accepts (or null); `reasoning_effort` must be one of the
 * model's values. A model without effort values ignores `reasoning_effort`.
 */
export function checkThinking(model: Model, request: ChatRequest): void {
  const { thinking } = model;
  if (thinking.mode === 'always' && request.thinking?.type === 'disabled') throw refuse(thinking.disabled_message);
  const keep = request.thinking?.keep;
  if (keep != null && thinking.mode !== 'none' && !thinking.keep.includes(keep)) {
    const allowed = [...thinking.keep.map((value) => JSON.stringify(value)), 'null'].join(' or ');
    throw refuse(`invalid thinking.keep: only ${allowed} is allowed for this model`);
  }
  const effort = request.reasoning_effort;
  if (effort != null && model.reasoning_effort && !model.reasoning_effort.values.includes(effort)) {
    throw refuse(model.reasoning_effort.message.replace('{values}', model.reasoning_effort.values.join(', ')));
  }
}

/** The effort the model reasons with: the request's, else the model's default; undefined for models without efforts. */
export function effortOf(model: Model, request: Pick<ChatRequest, 'reasoning_effort'>): string | undefined {
  return model.reasoning_effort && (request.reasoning_effort ?? model.reasoning_effort.default);
}
