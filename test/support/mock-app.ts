import { createApp, type MockOptions } from '../../src/app.ts';

/** A Hono app with a frozen time and a fixed seed, so bodies are byte-stable. */
export function mockApp(options: MockOptions = {}) {
  return createApp({ seed: 7, fixedTime: 1787762059, ...options });
}

export type MockApp = ReturnType<typeof mockApp>;

export const AUTH = { Authorization: 'Bearer sk-test' };

/** POSTs JSON in-process and returns status, parsed body and headers. */
export async function postJson(app: MockApp, path: string, body: unknown, headers: Record<string, string> = AUTH) {
  const res = await app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const isJson = res.headers.get('content-type')?.startsWith('application/json');
  return { status: res.status, headers: res.headers, text, json: isJson ? (JSON.parse(text) as any) : undefined };
}

/** POST /v1/chat/completions. */
export function chat(app: MockApp, body: Record<string, unknown>, headers?: Record<string, string>) {
  return postJson(app, '/v1/chat/completions', body, headers);
}

/** Expects a 400 `invalid_request_error` with exactly this message. */
export function invalid(message: string) {
  return { error: { message, type: 'invalid_request_error' } };
}

/** The `data:` payloads of an SSE body, in order (`[DONE]` kept as a string). */
export function sseData(text: string): Array<any> {
  return text
    .split('\n\n')
    .filter((event) => event.startsWith('data: '))
    .map((event) => event.slice(6))
    .map((data) => (data === '[DONE]' ? data : JSON.parse(data)));
}

export const hello = [{ role: 'user', content: 'Hello, what is the weather like in Paris today?' }];

/** Today's plainest request: kimi-k2.6 with thinking switched off (no reasoning in the reply). */
export const plain = { model: 'kimi-k2.6', thinking: { type: 'disabled' } } as const;
