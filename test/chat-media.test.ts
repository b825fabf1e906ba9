import { describe, expect, it } from 'vitest';
import { chat, invalid, mockApp } from './support/mock-app.ts';

const app = mockApp({ models: [{ id: 'acme-text', context_length: 8192 }] });
const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const withImage = (url: string) => [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url } }] }];

describe('image and video parts', () => {
  it('rejects image parts on a model without image input', async () => {
    const res = await chat(app, { model: 'acme-text', messages: withImage(PNG) });
    expect(res.json).toEqual(invalid("Invalid request: the message at position 0 with role 'user' contains an invalid part type: image_url"));
  });

  it('accepts a base64 image on kimi-k2.6 and kimi-k3', async () => {
    for (const model of ['kimi-k2.6', 'kimi-k3']) expect((await chat(app, { model, messages: withImage(PNG) })).status).toBe(200);
  });

  it('accepts an ms:// file reference on kimi-k3', async () => {
    expect((await chat(app, { model: 'kimi-k3', messages: withImage('ms://file_abc123') })).status).toBe(200);
  });

  it('refuses a public image URL on kimi-k3, which takes base64 or ms:// only', async () => {
    const res = await chat(app, { model: 'kimi-k3', messages: withImage('https://example.com/cat.png') });
    expect(res.json).toEqual(
      invalid('Invalid request: image_url must be a base64 data URL or an ms:// file reference for this model, got a public http(s) URL'),
    );
    expect((await chat(app, { model: 'kimi-k2.6', messages: withImage('https://example.com/cat.png') })).status).toBe(200);
  });

  it('answers the live unsupported image format error for data that is not an image', async () => {
    const text = `data:image/png;base64,${Buffer.from('hello, this is plain text').toString('base64')}`;
    const res = await chat(app, { model: 'kimi-k3', messages: withImage(text) });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(invalid('Invalid request: unsupported image format: text/plain; charset=utf-8'));
  });

  it('names the sniffed type of other non-image data', async () => {
    const pdf = `data:image/jpeg;base64,${Buffer.from('%PDF-1.7\n%binary').toString('base64')}`;
    expect((await chat(app, { model: 'kimi-k3', messages: withImage(pdf) })).json).toEqual(invalid('Invalid request: unsupported image format: application/pdf'));
  });

  it('rejects video parts on a model without video input', async () => {
    const messages = [{ role: 'user', content: [{ type: 'video_url', video_url: { url: 'ms://abc' } }, { type: 'text', text: 'Describe it' }] }];
    const res = await chat(app, { model: 'kimi-k2.7-code', messages });
    expect(res.json).toEqual(invalid("Invalid request: the message at position 0 with role 'user' contains an invalid part type: video_url"));
    expect((await chat(app, { model: 'kimi-k3', messages })).status).toBe(200);
  });
});
