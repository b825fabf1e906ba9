import { describe, expect, it } from 'vitest';
import { chat, invalid, mockApp, postJson } from './support/mock-app.ts';

// A model Moonshot has not released, described entirely in the config: no code knows its name.
const app = mockApp({
  models: [{
    id: 'acme-reasoner-2',
    context_length: 4096,
    default_max_tokens: 512,
    image_input: ['ms'],
    thinking: { mode: 'always', disabled_message: 'thinking cannot be disabled on acme-reasoner-2' },
    reasoning_effort: { values: ['quick', 'deep'], default: 'deep' },
    sampling: { thinking: { temperature: { fixed: 0.8 }, n: { fixed: 1 } } },
    id_style: 'uuid',
    system_fingerprint: false,
  }],
});
const hi = [{ role: 'user', content: 'Hi' }];
const ask = (extra: Record<string, unknown> = {}) => chat(app, { model: 'acme-reasoner-2', messages: hi, ...extra });

describe('a model added through the config, with its own rules', () => {
  it('is listed and answers, thinking, with its id style', async () => {
    const res = await ask();
    expect(res.status).toBe(200);
    expect(res.json.id).toMatch(/^chatcmpl-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(res.json.choices[0].message.reasoning_content.length).toBeGreaterThan(0);
    const models = await app.request('/v1/models', { headers: { Authorization: 'Bearer k' } });
    expect(((await models.json()) as any).data).toContainEqual(expect.objectContaining({ id: 'acme-reasoner-2', context_length: 4096, supports_reasoning: true }));
  });

  it('enforces its context window', async () => {
    const long = [{ role: 'user', content: 'hello world '.repeat(3000) }];
    expect((await ask({ messages: long })).json).toEqual(invalid('Input token length too long'));
    const prompt = (await postJson(app, '/v1/tokenizers/estimate-token-count', { model: 'acme-reasoner-2', messages: hi })).json.data.total_tokens;
    expect((await ask({ max_tokens: 4096 })).json).toEqual(
      invalid(`Invalid request: Your request exceeded model token limit: 4096 (requested: ${4096 + prompt})`),
    );
  });

  it('enforces thinking always on, with its own message', async () => {
    expect((await ask({ thinking: { type: 'disabled' } })).json).toEqual(invalid('thinking cannot be disabled on acme-reasoner-2'));
    expect((await ask({ thinking: { type: 'enabled' } })).status).toBe(200);
  });

  it('enforces its effort list', async () => {
    expect((await ask({ reasoning_effort: 'deep' })).status).toBe(200);
    expect((await ask({ reasoning_effort: 'quick' })).status).toBe(200);
    expect((await ask({ reasoning_effort: 'max' })).json).toEqual(invalid('invalid reasoning_effort: only quick, deep is allowed for this model'));
  });

  it('enforces its fixed temperature, and leaves top_p open', async () => {
    expect((await ask({ temperature: 0.8 })).status).toBe(200);
    expect((await ask({ temperature: 1 })).json).toEqual(invalid('invalid temperature: only 0.8 is allowed for this model'));
    expect((await ask({ top_p: 0.5 })).status).toBe(200);
  });

  it('enforces its media forms', async () => {
    const image = (url: string) => [{ role: 'user', content: [{ type: 'image_url', image_url: { url } }] }];
    expect((await ask({ messages: image('ms://file_1') })).status).toBe(200);
    expect((await ask({ messages: image('data:image/png;base64,iVBORw0KGgo=') })).json).toEqual(
      invalid('Invalid request: image_url must be an ms:// file reference for this model, got a base64 data URL'),
    );
  });

  it('charges its default max_tokens against TPM', async () => {
    const limited = mockApp({ limits: { tpm: 600 }, log: () => {}, models: [{ id: 'acme-small', context_length: 4096, default_max_tokens: 512 }] });
    expect((await chat(limited, { model: 'acme-small', messages: hi })).status).toBe(200);
    expect((await chat(limited, { model: 'acme-small', messages: hi })).status).toBe(429);
  });

  it('refuses a malformed model entry with the option named', () => {
    expect(() => mockApp({ models: [{ id: 'bad', context_length: 10, reasoning_effort: { values: ['a'], default: 'b' } }] })).toThrow(
      'Invalid option options.models.0.reasoning_effort.default: default must be one of values',
    );
  });
});
