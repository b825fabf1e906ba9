import type { Model } from '../catalog/model-entry.ts';
import type { ChatMessage, ChatRequest, ContentPart } from './chat-request.ts';
import { MoonshotError, invalidRequest } from '../errors/moonshot-error.ts';
import { isImageType, sniffMediaType } from './sniff-image-type.ts';

const ROLES = new Set(['system', 'user', 'assistant', 'tool']);

function hasContent(message: ChatMessage): boolean {
  const { content } = message;
  if (typeof content === 'string') return content.length > 0;
  return Array.isArray(content) && content.length > 0;
}

type MediaForm = Model['image_input'][number];

const formNames: Record<MediaForm, string> = { base64: 'a base64 data URL', ms: 'an ms:// file reference', url: 'a public http(s) URL' };

/** How a media part is passed: `data:` URL, `ms://` reference, or anything else (a URL). */
function formOf(url: string): MediaForm {
  if (url.startsWith('data:')) return 'base64';
  return url.startsWith('ms://') ? 'ms' : 'url';
}

/** The bytes at the start of a base64 data URL (enough to sniff), or undefined when it is not base64. */
function dataUrlHead(url: string): Uint8Array | undefined {
  const comma = url.indexOf(',');
  if (comma < 0 || !url.slice(0, comma).endsWith(';base64')) return undefined;
  return Buffer.from(url.slice(comma + 1, comma + 1 + 1024), 'base64');
}

function checkPart(model: Model, part: ContentPart, where: string): void {
  if (part.type === 'text') return;
  const kind = part.type;
  const forms = kind === 'image_url' ? model.image_input : model.video_input;
  if (forms.length === 0) throw invalidRequest(`${where} contains an invalid part type: ${kind}`);
  const ref = kind === 'image_url' ? part.image_url : part.video_url;
  const url = typeof ref === 'string' ? ref : ref.url;
  const form = formOf(url);
  if (!forms.includes(form)) {
    throw invalidRequest(`${kind} must be ${forms.map((f) => formNames[f]).join(' or ')} for this model, got ${formNames[form]}`);
  }
  const head = kind === 'image_url' && form === 'base64' ? dataUrlHead(url) : undefined;
  if (head) {
    const type = sniffMediaType(head);
    // Live: the server looks at the bytes, not at the declared type.
    if (!isImageType(type)) throw invalidRequest(`unsupported image format: ${type}`);
  }
}

/**
 * Message rules (B1 "Messages"): a non-empty list; known roles; non-empty content except on assistant
 * tool-call and partial messages; `partial` only on the last message, which must be the assistant's;
 * tool results answer an earlier tool call; media only for models that take it, in the forms they
 * take, and only real images as images; a content-less system message carrying `tools` only on
 * models with dynamic tools; and, while thinking, `reasoning_content` on every assistant tool-call message.
 */
export function checkMessages(model: Model, request: ChatRequest, thinking: boolean): void {
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
    const dynamicTools = model.dynamic_tools && message.role === 'system' && (message.tools?.length ?? 0) > 0;
    if (!hasContent(message) && toolCalls.length === 0 && !message.partial && !dynamicTools) {
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
    if (Array.isArray(message.content)) {
      for (const part of message.content) checkPart(model, part, `the message at position ${index} with role '${message.role}'`);
    }
  });
}
