import type { ModelEntry } from '../catalog/model-entry.ts';
import type { ChatRequest } from './chat-request.ts';

/**
 * Whether the model reasons for this request: always for `always` models, unless
 * `thinking:{type:"disabled"}` for `default_on` models (kimi-k2.5), never otherwise.
 * `thinking` sent to a model without the switch is ignored.
 */
export function isThinkingOn(model: ModelEntry, request: Pick<ChatRequest, 'thinking'>): boolean {
  if (model.thinking === 'always') return true;
  if (model.thinking === 'default_on') return request.thinking?.type !== 'disabled';
  return false;
}
