import type OpenAI from 'openai';
import { weatherTool } from './two-instances.ts';

const model = 'kimi-k2.7-code';

/** What a client sees of a completion, ids and timestamps left out. */
export interface Seen {
  chunks?: unknown[];
  message?: unknown;
  finish?: unknown;
  usage?: unknown;
}

async function turn(openai: OpenAI, messages: any[], stream: boolean): Promise<{ seen: Seen; assistant: any }> {
  const body = { model, messages, tools: [weatherTool] };
  if (!stream) {
    const completion = await openai.chat.completions.create(body);
    const choice = completion.choices[0]!;
    return { seen: { message: choice.message, finish: choice.finish_reason, usage: completion.usage }, assistant: choice.message };
  }
  const chunks: unknown[] = [];
  let usage: unknown;
  const assistant: any = { role: 'assistant', content: '', reasoning_content: '', tool_calls: [] };
  for await (const chunk of await openai.chat.completions.create({ ...body, stream: true, stream_options: { include_usage: true } })) {
    chunks.push(chunk.choices);
    if (chunk.usage) usage = chunk.usage;
    for (const choice of chunk.choices) {
      const delta = choice.delta as any;
      assistant.content += delta.content ?? '';
      assistant.reasoning_content += delta.reasoning_content ?? '';
      for (const call of delta.tool_calls ?? []) {
        const slot = (assistant.tool_calls[call.index] ??= { id: '', type: 'function', function: { name: '', arguments: '' } });
        if (call.id) slot.id = call.id;
        if (call.function?.name) slot.function.name = call.function.name;
        slot.function.arguments += call.function?.arguments ?? '';
      }
    }
  }
  if (assistant.tool_calls.length === 0) delete assistant.tool_calls;
  return { seen: { chunks, usage }, assistant };
}

/**
 * A two-step tool loop as an agent runs it: ask (the model calls get_weather), send the tool result
 * back (the model answers). Returns what the client saw at each step.
 */
export async function runToolLoop(openai: OpenAI, question: string, stream: boolean): Promise<Seen[]> {
  const messages: any[] = [{ role: 'system', content: 'You are a weather agent.' }, { role: 'user', content: question }];
  const first = await turn(openai, messages, stream);
  const call = first.assistant.tool_calls[0];
  messages.push(first.assistant, { role: 'tool', tool_call_id: call.id, name: 'get_weather', content: '{"city":"Paris","sky":"sunny","celsius":21}' });
  const second = await turn(openai, messages, stream);
  return [first.seen, second.seen];
}
