import { recordedArguments, recordedFinish, recordedReply, recordedUsage, type RecordedChoice, type RecordedReply } from './recorded-reply.ts';

interface WireMessage {
  content?: string | null;
  reasoning_content?: string | null;
  tool_calls?: Array<{ id?: string; function?: { name?: string; arguments?: string } }>;
}

/**
 * The fixture reply of a non-stream completion body: per choice its content, reasoning, tool calls
 * (ids kept) and finish reason, then the usage. Throws when the body has no `choices` list.
 */
export function assembleJsonReply(body: unknown): RecordedReply {
  const wire = body as { choices?: Array<{ index?: number; message?: WireMessage; finish_reason?: unknown }>; usage?: unknown };
  if (!Array.isArray(wire?.choices)) throw new Error('the upstream answered 200 without a `choices` list');
  const ordered = [...wire.choices].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const choices = ordered.map((choice): RecordedChoice => {
    const message = choice.message ?? {};
    const out: RecordedChoice = {};
    if (message.content) out.content = message.content;
    if (typeof message.reasoning_content === 'string') out.reasoning_content = message.reasoning_content;
    const calls = (message.tool_calls ?? []).filter((call) => call.function?.name);
    if (calls.length > 0) {
      out.tool_calls = calls.map((call) => ({
        ...(call.id !== undefined && { id: call.id }),
        name: call.function!.name!,
        arguments: recordedArguments(call.function!.arguments ?? ''),
      }));
    }
    const finish = recordedFinish(choice.finish_reason);
    if (finish !== undefined) out.finish_reason = finish;
    return out;
  });
  return recordedReply(choices, recordedUsage(wire.usage, choices.length));
}
