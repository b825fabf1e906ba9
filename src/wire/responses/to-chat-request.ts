import type { ChatMessage, ChatRequest, ContentPart, ToolDeclaration } from '../../chat/chat-request.ts';
import { invalidRequest } from '../../errors/moonshot-error.ts';
import type { InputItem, ResponsesRequest } from './responses-request.ts';

/** The documented refusal of anything that needs a stored response: the Responses API here is stateless. */
export const STATELESS = 'the Responses API is stateless (store is always false): send the whole conversation in `input`';

type Message = Extract<InputItem, { role: string }>;

function parts(content: Message['content']): ChatMessage['content'] {
  if (typeof content === 'string') return content;
  const out: ContentPart[] = content.flatMap((part): ContentPart[] => {
    if (part.type === 'input_image') return [{ type: 'image_url', image_url: { url: part.image_url ?? `ms://${part.file_id ?? ''}` } }];
    return [{ type: 'text', text: part.type === 'refusal' ? part.refusal : part.text }];
  });
  return out.every((part) => part.type === 'text') ? out.map((part) => (part as { text: string }).text).join('\n') : out;
}

/** Refuses what a stateless server cannot do: a previous response, a conversation, background mode. */
function checkStateless(body: ResponsesRequest): void {
  if (body.previous_response_id != null) throw invalidRequest(`previous_response_id is not supported: ${STATELESS}`);
  if (body.conversation != null) throw invalidRequest(`conversation is not supported: ${STATELESS}`);
  if (body.background === true) throw invalidRequest(`background mode is not supported: ${STATELESS}`);
}

/**
 * Turns input items into chat messages. One assistant turn gathers its items: a `reasoning` item
 * (→ `reasoning_content`), an assistant message (→ `content`) and `function_call`s (→ `tool_calls`);
 * a `reasoning` item after any of them opens the next turn. `function_call_output` → a `tool`
 * message; `developer` and `system` messages → system messages.
 */
function messagesOf(input: ResponsesRequest['input']): ChatMessage[] {
  if (typeof input === 'string') return [{ role: 'user', content: input }];
  const messages: ChatMessage[] = [];
  let turn: ChatMessage | undefined;
  const assistant = (opensTurn: boolean): ChatMessage => {
    const busy = turn && (turn.reasoning_content != null || turn.content !== '' || (turn.tool_calls?.length ?? 0) > 0);
    if (!turn || (opensTurn && busy)) messages.push((turn = { role: 'assistant', content: '' }));
    return turn;
  };
  for (const item of input) {
    if (item.type === 'item_reference') throw invalidRequest(`item_reference is not supported: ${STATELESS}`);
    if (item.type === 'reasoning') {
      const text = (item.content ?? []).map((part) => part.text).join('') || (item.summary ?? []).map((part) => part.text).join('\n');
      assistant(true).reasoning_content = text;
    } else if (item.type === 'function_call') {
      const call = { id: item.call_id, type: 'function' as const, function: { name: item.name, arguments: item.arguments } };
      const message = assistant(false);
      message.tool_calls = [...(message.tool_calls ?? []), call];
    } else if (item.type === 'function_call_output') {
      turn = undefined;
      const output = typeof item.output === 'string' ? item.output : item.output.map((part) => part.text).join('\n');
      messages.push({ role: 'tool', tool_call_id: item.call_id, content: output === '' ? [{ type: 'text', text: output }] : output });
    } else if (item.role === 'assistant') {
      const message = assistant(false);
      message.content = `${message.content as string}${parts(item.content) as string}`;
    } else {
      turn = undefined;
      messages.push({ role: item.role === 'user' ? 'user' : 'system', content: parts(item.content) });
    }
  }
  return messages;
}

function toolsOf(body: ResponsesRequest): ToolDeclaration[] | undefined {
  return body.tools?.map((tool, index) => {
    if (tool.type !== 'function' || tool.name === undefined) {
      throw invalidRequest(`tools[${index}]: tool type ${tool.type} is not supported, only function tools are`);
    }
    return { type: 'function', function: { name: tool.name, description: tool.description, parameters: tool.parameters ?? {}, strict: tool.strict } };
  });
}

/**
 * The neutral (chat) request of a Responses request: `instructions` → a leading system message,
 * `input` → messages (see `messagesOf`), `max_output_tokens` → `max_tokens`, `reasoning.effort` →
 * `reasoning_effort`, `text.format` →
 * `response_format`, function tools and `tool_choice` as chat declares them. Refuses (400) what needs
 * stored state: `previous_response_id`, `conversation`, `background`, `item_reference` items.
 */
export function toChatRequest(body: ResponsesRequest): ChatRequest {
  checkStateless(body);
  const format = body.text?.format;
  const choice = body.tool_choice;
  return {
    model: body.model,
    messages: [...(body.instructions ? [{ role: 'system', content: body.instructions }] : []), ...messagesOf(body.input)],
    max_tokens: body.max_output_tokens,
    temperature: body.temperature,
    top_p: body.top_p,
    stream: body.stream,
    tools: toolsOf(body),
    tool_choice: typeof choice === 'object' && choice !== null ? { type: 'function', function: { name: choice.name } } : choice,
    response_format: format?.type === 'json_schema'
      ? { type: 'json_schema', json_schema: { name: format.name, schema: format.schema, strict: format.strict } }
      : format ?? undefined,
    reasoning_effort: body.reasoning?.effort,
    prompt_cache_key: body.prompt_cache_key,
    safety_identifier: body.safety_identifier,
  };
}
