import OpenAI, { toFile } from 'openai';
import { describe, expect, it } from 'vitest';
import { tinyPng } from '../support/make-pdf.ts';
import { mockApp } from '../support/mock-app.ts';
import { sdkClient } from '../support/sdk-client.ts';

const imageMessage = (url: string) => [{
  role: 'user' as const,
  content: [{ type: 'image_url' as const, image_url: { url } }, { type: 'text' as const, text: 'What is in this picture?' }],
}];

async function setup() {
  const client = sdkClient(mockApp(), { maxRetries: 0 });
  const image = await client.files.create({ file: await toFile(tinyPng, 'dot.png'), purpose: 'image' as never });
  const text = await client.files.create({ file: await toFile(Buffer.from('notes'), 'notes.txt'), purpose: 'file-extract' as never });
  return { client, image, text };
}

async function badRequest(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  return (error as InstanceType<typeof OpenAI.BadRequestError>).error as { message: string; type: string };
}

describe('ms:// file references', { timeout: 60_000 }, () => {
  it('answers a kimi-k3 request that shows an uploaded image by ms://', async () => {
    const { client, image } = await setup();
    const completion = await client.chat.completions.create({ model: 'kimi-k3', messages: imageMessage(`ms://${image.id}`) });
    expect(completion.choices[0]!.message.content!.length).toBeGreaterThan(0);
  });

  it('counts the referenced image like an inline one (1024 tokens)', async () => {
    const { client, image } = await setup();
    const byRef = await client.chat.completions.create({ model: 'kimi-k3', messages: imageMessage(`ms://${image.id}`) });
    const inline = await client.chat.completions.create({
      model: 'kimi-k3', messages: imageMessage(`data:image/png;base64,${tinyPng.toString('base64')}`),
    });
    expect(byRef.usage!.prompt_tokens).toBe(inline.usage!.prompt_tokens);
  });

  it('refuses a text file sent as an image', async () => {
    const { client, text } = await setup();
    const error = await badRequest(client.chat.completions.create({ model: 'kimi-k3', messages: imageMessage(`ms://${text.id}`) }));
    expect(error).toEqual({
      type: 'invalid_request_error',
      message: `Invalid request: file ${text.id} referenced by the image_url of the message at position 0 was uploaded with purpose file-extract; image_url takes files uploaded with purpose image`,
    });
  });

  it('refuses an unknown file id', async () => {
    const { client } = await setup();
    const error = await badRequest(client.chat.completions.create({ model: 'kimi-k3', messages: imageMessage('ms://file_doesnotexist') }));
    expect(error.message).toBe('Invalid request: file file_doesnotexist referenced by the image_url of the message at position 0 is not found');
  });

  it('refuses a video for a model that takes no videos', async () => {
    const { client } = await setup();
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(16)]);
    const video = await client.files.create({ file: await toFile(mp4, 'clip.mp4'), purpose: 'video' as never });
    const messages = [{ role: 'user', content: [{ type: 'video_url', video_url: { url: `ms://${video.id}` } }, { type: 'text', text: 'Describe it' }] }];
    const error = await badRequest(client.chat.completions.create({ model: 'kimi-k2.7-code', messages: messages as never }));
    expect(error.message).toBe("Invalid request: the message at position 0 with role 'user' contains an invalid part type: video_url");
  });

  it('answers a video uploaded with purpose video and sent as ms://', async () => {
    const { client } = await setup();
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(16)]);
    const video = await client.files.create({ file: await toFile(mp4, 'clip.mp4'), purpose: 'video' as never });
    const messages = [{ role: 'user', content: [{ type: 'video_url', video_url: { url: `ms://${video.id}` } }, { type: 'text', text: 'Describe it' }] }];
    const completion = await client.chat.completions.create({ model: 'kimi-k3', messages: messages as never });
    expect(completion.choices[0]!.finish_reason).toBe('stop');
  });

  it('refuses an image file sent as a video', async () => {
    const { client, image } = await setup();
    const messages = [{ role: 'user', content: [{ type: 'video_url', video_url: { url: `ms://${image.id}` } }, { type: 'text', text: 'Describe it' }] }];
    const error = await badRequest(client.chat.completions.create({ model: 'kimi-k3', messages: messages as never }));
    expect(error.message).toBe(`Invalid request: file ${image.id} referenced by the video_url of the message at position 0 was uploaded with purpose image; video_url takes files uploaded with purpose video`);
  });
});
