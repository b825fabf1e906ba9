import type { Completion, ReplyChoice } from '../../reply/completion.ts';
import type { ResponsesRequest } from './responses-request.ts';

/** The id stem of a completion: its id without the `chatcmpl-` prefix. */
const stemOf = (completion: Completion): string => completion.id.replace(/^chatcmpl-/, '');

/** The output items of a choice, in order: reasoning (its text as `reasoning_text` content), the message, the function calls. */
export function outputItems(completion: Completion, choice: ReplyChoice) {
  const stem = stemOf(completion);
  const items: Array<Record<string, unknown> & { type: string; id: string }> = [];
  if (choice.reasoning !== undefined) {
    items.push({ id: `rs_${stem}`, type: 'reasoning', summary: [], content: [{ type: 'reasoning_text', text: choice.reasoning }] });
  }
  if (choice.content !== '' || choice.toolCalls.length === 0) {
    items.push({
      id: `msg_${stem}`, type: 'message', status: choice.finishReason === 'length' ? 'incomplete' : 'completed', role: 'assistant',
      content: [{ type: 'output_text', text: choice.content, annotations: [], logprobs: [] }],
    });
  }
  choice.toolCalls.forEach((call, index) => {
    items.push({ id: `fc_${stem}_${index}`, type: 'function_call', status: 'completed', call_id: call.id, name: call.name, arguments: call.arguments });
  });
  return items;
}

/** Usage as the Responses API reports it: `input_tokens` includes cached tokens, counted again under `input_tokens_details`. */
export function responseUsage(completion: Completion, choice: ReplyChoice) {
  return {
    input_tokens: completion.promptTokens,
    input_tokens_details: { cached_tokens: completion.cachedTokens ?? 0 },
    output_tokens: choice.completionTokens,
    output_tokens_details: { reasoning_tokens: choice.reasoningTokens },
    total_tokens: completion.promptTokens + choice.completionTokens,
  };
}

/**
 * The `response` object. `status` is `completed`, or `incomplete` (reason `max_output_tokens`) when
 * the budget cut the reply; `in_progress` (no output, no usage) for the stream's opening events. The
 * request's settings are echoed; `store` and `background` are always false, `previous_response_id`
 * and `conversation` always null (stateless).
 */
export function responseObject(completion: Completion, request: ResponsesRequest, stage: 'in_progress' | 'done') {
  const choice = completion.choices[0]!;
  const done = stage === 'done';
  const incomplete = done && choice.finishReason === 'length';
  return {
    id: `resp_${stemOf(completion)}`,
    object: 'response' as const,
    created_at: completion.created,
    status: done ? (incomplete ? 'incomplete' : 'completed') : 'in_progress',
    background: false,
    error: null,
    incomplete_details: incomplete ? { reason: 'max_output_tokens' } : null,
    instructions: request.instructions ?? null,
    max_output_tokens: request.max_output_tokens ?? null,
    model: completion.model,
    output: done ? outputItems(completion, choice) : [],
    parallel_tool_calls: true,
    previous_response_id: null,
    conversation: null,
    prompt_cache_key: request.prompt_cache_key ?? null,
    reasoning: { effort: request.reasoning?.effort ?? null, summary: null },
    safety_identifier: request.safety_identifier ?? null,
    store: false,
    temperature: request.temperature ?? null,
    text: { format: request.text?.format ?? { type: 'text' } },
    tool_choice: request.tool_choice ?? 'auto',
    tools: request.tools ?? [],
    top_p: request.top_p ?? null,
    truncation: 'disabled',
    usage: done ? responseUsage(completion, choice) : null,
    metadata: request.metadata ?? {},
  };
}
