import type { ModelEntry } from '../catalog/model-entry.ts';
import type { ChatMessage, ChatRequest } from './chat-request.ts';
import { MoonshotError, invalidRequest } from '../errors/moonshot-error.ts';

const ROLES = new Set(['system', 'user', 'assistant', 'tool']);

function hasContent(message: ChatMessage): boolean {
  const { content } = message;
  if (typeof content === 'string') return content.length > 0;
  return Array.isArray(content) && content.length > 0;
}

function checkMedia(model: ModelEntry, message: ChatMessage, index: number): void {
  if (!Array.isArray(message.content)) return;
  for (const part of message.content) {
    if (part.type === 'image_url' && !model.supports_image_in) {
      throw invalidRequest(`the message at position ${index} with role '${message.role}' contains an invalid part type: image_url`);
    }
    if (part.type === 'video_url' && !model.supports_video_in) {
      throw invalidRequest(`the message at position ${index} with role '${message.role}' contains an invalid part type: video_url`);
    }
  }
}

/**
 * Message rules (B1 "Messages"): a non-empty list; known roles; non-empty content except on assistant
 * tool-call and partial messages; `partial` only on the last message, which must be the assistant's;
 * tool results answer an earlier tool call; media only for models that take it; and, while thinking,
 * `reasoning_content` on every assistant tool-call message.
 */
export function checkMessages(model: ModelEntry, request: ChatRequest, thinking: boolean): void {
  const { messages } = request;
  if (messages.length === 0) throw invalidRequest('messages must not be empty');
  const callIds = new Set<string>();
  messages.forEach((message, index) => {
    if (!ROLES.has(message.role)) {
      // Live: unknown roles (e.g. `developer`) become the protobuf default, with a lower-case prefix.
      throw invalidRequest('unsupported role ROLE_UNSPECIFIED', 'invalid request');
    }
    const last = index === messages.length - 1;
    if (message.partial) {
      if (!last || message.role !== 'assistant') {
        throw invalidRequest(`the message at position ${index} with role '${message.role}' cannot be partial: only the last message, with role assistant, can be partial`);
      }
    }
    const toolCalls = message.role === 'assistant' ? (message.tool_calls ?? []) : [];
    if (!hasContent(message) && toolCalls.length === 0 && !message.partial) {
      throw invalidRequest(`the message at position ${index} with role '${message.role}' must not be empty`);
    }
    if (toolCalls.length > 0 && thinking && !message.reasoning_content) {
      throw new MoonshotError({
        kind: 'invalid_request',
        message: `thinking is enabled but reasoning_content is missing in assistant tool call message at index ${index}`,
      });
    }
    for (const call of toolCalls) callIds.add(call.id);
    if (message.role === 'tool') {
      const id = message.tool_call_id;
      // Live wording, also for a missing id (then with two spaces: `tool_call_id  is not found`).
      if (!callIds.has(id ?? '')) throw invalidRequest(`tool_call_id ${id ?? ''} is not found`);
    }
    checkMedia(model, message, index);
  });
}
