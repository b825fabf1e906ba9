import OpenAI from 'openai';
import type { MockOptions } from '../../src/app.ts';
import { modelEntrySchema } from '../../src/catalog/model-entry.ts';
import { mockApp, type MockApp } from '../support/mock-app.ts';

/** The model the journal tests talk to. */
export const MODEL = 'kimi-k3';
/** A second model, for filters that tell models apart. */
export const OTHER_MODEL = 'journal-other-model';

/**
 * The models of these tests, given through the `models` option with only the fields every catalog
 * version takes, so the tests read the same whichever dated catalog is in force (kimi-k3 is added
 * where the catalog lacks it, and kept plain where it has it).
 */
export const TEST_MODELS = [
  { id: MODEL, context_length: 1_048_576 },
  { id: OTHER_MODEL, context_length: 131_072 },
];

/** A model that always reasons, written in whichever form the catalog schema in force takes. */
const alwaysThinks = [{ thinking: 'always' }, { thinking: { mode: 'always' } }].find(
  (form) => modelEntrySchema.safeParse({ id: 'x', context_length: 1, ...form }).success,
)!;
/** A reasoning model, for the journal's reasoning length. */
export const THINKING_MODEL = 'journal-thinking-model';
TEST_MODELS.push({ id: THINKING_MODEL, context_length: 262_144, ...alwaysThinks } as (typeof TEST_MODELS)[number]);

/** `mockApp` serving the test models. */
export function journalApp(options: MockOptions = {}): MockApp {
  return mockApp({ models: TEST_MODELS, ...options });
}

/** A weather tool loop: the call, then the answer once the tool result comes back. */
export const weatherFixtures = [
  { name: 'weather-call', match: { user: 'weather in Paris', tools: ['get_weather'] }, reply: { tool_calls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] } },
  { name: 'weather-answer', match: { toolResult: { name: 'get_weather' } }, reply: { content: 'It is sunny in Paris.' } },
];

const tools: OpenAI.ChatCompletionTool[] = [
  { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } },
];

/** "The code under test": asks for the weather, runs the tool the model calls, sends its result back. */
export async function askWeather(client: OpenAI, model = MODEL): Promise<string | null> {
  const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: "What's the weather in Paris?" }];
  const first = await client.chat.completions.create({ model, messages, tools });
  const call = first.choices[0]!.message.tool_calls![0]!;
  messages.push(first.choices[0]!.message, { role: 'tool', tool_call_id: call.id, content: 'sunny, 24°C' });
  const answer = await client.chat.completions.create({ model, messages, tools });
  return answer.choices[0]!.message.content;
}

/** GETs an admin route in-process and returns the parsed JSON. */
export async function getJson(app: MockApp, path: string, headers: Record<string, string> = {}): Promise<any> {
  const res = await app.request(path, { headers });
  return res.json();
}

/** Sends an admin request with a JSON (or raw text) body; returns status and parsed JSON. */
export async function sendAdmin(app: MockApp, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const init: RequestInit = { method, headers: { 'content-type': 'application/json', ...headers } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await app.request(path, init);
  return { status: res.status, json: (await res.json()) as any };
}
