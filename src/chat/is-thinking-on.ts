import type { Model } from '../catalog/model-entry.ts';
import type { ChatRequest } from './chat-request.ts';

/**
 * Whether the model reasons for this request, from its thinking rules: always for `always` models;
 * for `switchable` ones `thinking.type` decides, else the model's default; never for `none` models
 * (which ignore `thinking`). A forbidden value is refused earlier, by `checkThinking`.
 */
export function isThinkingOn(model: Model, request: Pick<ChatRequest, 'thinking'>): boolean {
  const { mode } = model.thinking;
  if (mode === 'always') return true;
  if (mode === 'switchable') return (request.thinking?.type ?? model.thinking.default) === 'enabled';
  return false;
}
