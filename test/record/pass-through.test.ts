import { afterEach, describe, expect, it } from 'vitest';
import { harness, KEY } from './two-instances.ts';

const h = harness();
afterEach(() => h.cleanup());

const chunk = (delta: object, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'kimi-k2.6', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
const first = chunk({ role: 'assistant', content: '' }) + chunk({ content: 'Hel' });
const rest = chunk({ content: 'lo' }) + chunk({}, 'stop') + 'data: [DONE]\n\n';

/** An upstream that sends `first`, then the rest only once `release` is called; it notes the headers it got. */
async function heldUpstream() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const got: { authorization?: string } = {};
  const url = await h.raw((req, res) => {
    got.authorization = req.headers.authorization;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'msh-request-id': 'upstream-request-7' });
    res.write(first);
    void released.then(() => res.end(rest));
  });
  return { url, release, got };
}

async function streamThrough(upstream: string) {
  const recorder = await h.start({ record: { dir: h.dir(), upstream } });
  return fetch(`${recorder.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'kimi-k2.6', messages: [{ role: 'user', content: 'Hi' }], stream: true }),
  });
}

describe('passing the upstream answer through', { timeout: 60_000 }, () => {
  it('passes each chunk on as it arrives, before the upstream has sent the rest', async () => {
    const upstream = await heldUpstream();
    const res = await streamThrough(upstream.url);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let seen = '';
    while (!seen.includes('"Hel"')) seen += decoder.decode((await reader.read()).value, { stream: true });
    upstream.release();
    for (let next = await reader.read(); !next.done; next = await reader.read()) seen += decoder.decode(next.value, { stream: true });
    expect(seen).toBe(first + rest);
  });

  it('forwards the caller\u2019s own key and returns the upstream\u2019s request id', async () => {
    const upstream = await heldUpstream();
    upstream.release();
    const res = await streamThrough(upstream.url);
    await res.text();
    expect(upstream.got.authorization).toBe(`Bearer ${KEY}`);
    expect(res.headers.get('msh-request-id')).toBe('upstream-request-7');
  });
});
