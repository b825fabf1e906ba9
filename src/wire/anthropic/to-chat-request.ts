import type { Model } from '../../catalog/model-entry.ts';
import type { ChatMessage, ChatRequest, ContentPart, ToolDeclaration } from '../../chat/chat-request.ts';
import type { AnthropicMessage, ContentBlock, MessagesRequest } from './messages-request.ts';
import { reasoningOfBlock } from './thinking-signature.ts';

type Block<T extends ContentBlock['type']> = Extract<ContentBlock, { type: T }>;

const textOf = (content: string | Array<{ type: string; text?: string }>): string =>
  typeof content === 'string' ? content : content.flatMap((block) => (block.type === 'text' ? [block.text ?? ''] : [])).join('\n');

function imagePart(block: Block<'image'>): ContentPart {
  const { source } = block;
  const url = source.type === 'base64' ? `data:${source.media_type};base64,${source.data}` : source.url;
  return { type: 'image_url', image_url: { url } };
}

/** A user turn: its tool results become `tool` messages (first, as Anthropic orders them), the rest one user message. */
function userMessages(message: AnthropicMessage): ChatMessage[] {
  if (typeof message.content === 'string') return [{ role: 'user', content: message.content }];
  const out: ChatMessage[] = [];
  const parts: ContentPart[] = [];
  for (const block of message.content) {
    if (block.type === 'tool_result') {
      const text = block.content === undefined ? '' : textOf(block.content);
      // An empty result is valid here; a one-part list keeps it from reading as a missing message.
      out.push({ role: 'tool', tool_call_id: block.tool_use_id, content: text === '' ? [{ type: 'text', text }] : text });
    } else if (block.type === 'text') parts.push({ type: 'text', text: block.text });
    else if (block.type === 'image') parts.push(imagePart(block));
  }
  if (parts.length > 0) out.push({ role: 'user', content: parts.every((part) => part.type === 'text') ? textOf(parts as Array<{ type: string; text: string }>) : parts });
  return out;
}

/** An assistant turn: thinking → `reasoning_content`, text → `content`, tool_use → `tool_calls`; the last one is Partial Mode. */
function assistantMessage(message: AnthropicMessage, last: boolean): ChatMessage {
  if (typeof message.content === 'string') return { role: 'assistant', content: message.content, ...(last && { partial: true }) };
  const reasoning: string[] = [];
  const text: string[] = [];
  const calls: NonNullable<ChatMessage['tool_calls']> = [];
  for (const block of message.content) {
    if (block.type === 'thinking') reasoning.push(reasoningOfBlock(block.thinking, block.signature));
    else if (block.type === 'redacted_thinking') reasoning.push(block.data);
    else if (block.type === 'text') text.push(block.text);
    else if (block.type === 'tool_use') {
      calls.push({ id: block.id, type: 'function', function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) } });
    }
  }
  return {
    role: 'assistant',
    content: text.join(''),
    ...(reasoning.length > 0 && { reasoning_content: reasoning.join('\n') }),
    ...(calls.length > 0 && { tool_calls: calls }),
    ...(last && calls.length === 0 && { partial: true }),
  };
}

function toolChoice(choice: MessagesRequest['tool_choice']): ChatRequest['tool_choice'] {
  switch (choice?.type) {
    case undefined: return undefined;
    case 'auto': return 'auto';
    case 'any': return 'required';
    case 'none': return 'none';
    case 'tool': return { type: 'function', function: { name: choice.name } };
  }
}

/**
 * The neutral (chat) request of a Messages request, so one validator, one fixture view and one reply
 * builder serve both. `system` (top level and `role: "system"` messages, in place) → system messages;
 * `thinking` `enabled`/`adaptive` → enabled, and no `thinking` → the model's `thinking.messages_default`;
 * `output_config.effort` → `reasoning_effort`;
 * `tool_choice` any → required; `stop_sequences` → `stop`; `output_config.format` → a JSON schema
 * response format; `metadata.user_id` → `prompt_cache_key` (it routes requests to the same prefix cache).
 * `top_k`, `cache_control` markers and `context_management` have no neutral meaning and are dropped.
 */
export function toChatRequest(body: MessagesRequest, model: Model): ChatRequest {
  const messages: ChatMessage[] = [];
  if (body.system !== undefined && textOf(body.system) !== '') messages.push({ role: 'system', content: textOf(body.system) });
  body.messages.forEach((message, index) => {
    if (message.role === 'system') messages.push({ role: 'system', content: textOf(message.content) });
    else if (message.role === 'user') messages.push(...userMessages(message));
    else messages.push(assistantMessage(message, index === body.messages.length - 1));
  });
  const tools: ToolDeclaration[] | undefined = body.tools?.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.input_schema },
  }));
  const thinking = body.thinking?.type ?? (model.thinking.messages_default === 'disabled' ? 'disabled' : undefined);
  const format = body.output_config?.format;
  return {
    model: body.model,
    messages,
    max_tokens: body.max_tokens,
    temperature: body.temperature,
    top_p: body.top_p,
    stop: body.stop_sequences,
    stream: body.stream,
    tools,
    tool_choice: toolChoice(body.tool_choice),
    thinking: thinking === undefined ? undefined : { type: thinking === 'disabled' ? 'disabled' : 'enabled' },
    response_format: format ? { type: 'json_schema', json_schema: { name: 'output', schema: format.schema } } : undefined,
    reasoning_effort: body.output_config?.effort,
    prompt_cache_key: body.metadata?.user_id ?? undefined,
  };
}
