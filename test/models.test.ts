import { describe, expect, it } from 'vitest';
import { AUTH, mockApp } from './support/mock-app.ts';

const get = async (app: ReturnType<typeof mockApp>, path: string) => {
  const res = await app.request(path, { headers: AUTH });
  return { status: res.status, json: (await res.json()) as any };
};
const ids = async (app: ReturnType<typeof mockApp>) => (await get(app, '/v1/models')).json.data.map((m: any) => m.id);

describe('GET /v1/models', () => {
  it('lists the catalog of 2026-12-01 by default', async () => {
    expect(await ids(mockApp())).toEqual([
      'kimi-k3.1-pro', 'kimi-k3.1-pro-highspeed', 'kimi-k3', 'kimi-k2.7-code', 'kimi-k2.7-code-highspeed', 'kimi-k2.6',
    ]);
  });

  it('describes each model in the OpenAI list shape with the Moonshot fields', async () => {
    const { status, json } = await get(mockApp(), '/v1/models');
    expect(status).toBe(200);
    expect(json.object).toBe('list');
    const k3 = json.data.find((m: any) => m.id === 'kimi-k3');
    expect(Object.keys(k3)).toEqual([
      'id', 'object', 'created', 'owned_by', 'root', 'parent', 'permission',
      'context_length', 'supports_image_in', 'supports_video_in', 'supports_reasoning',
    ]);
    expect(k3).toMatchObject({
      object: 'model', created: 1784160000, owned_by: 'moonshot', context_length: 1048576,
      supports_image_in: true, supports_video_in: true, supports_reasoning: true,
    });
    expect(k3.permission[0]).toMatchObject({ organization: 'public', group: 'public', is_blocking: false });
    expect(json.data.find((m: any) => m.id === 'kimi-k2.7-code')).toMatchObject({ context_length: 262144, supports_video_in: false });
  });

  it('lists kimi-k2.5 and moonshot-v1 again, and not kimi-k3, under --api-date 2026-06-01', async () => {
    const listed = await ids(mockApp({ apiDate: '2026-06-01' }));
    expect(listed).toEqual(expect.arrayContaining(['kimi-k2.5', 'kimi-k2.6', 'moonshot-v1-8k', 'moonshot-v1-auto', 'moonshot-v1-128k-vision-preview']));
    expect(listed).not.toContain('kimi-k3');
    expect(listed).not.toContain('kimi-k2-0905-preview');
  });

  it('returns one model by id, and the live 404 for unknown, retired and not yet released ids', async () => {
    const app = mockApp();
    expect((await get(app, '/v1/models/kimi-k2.7-code')).json).toMatchObject({ id: 'kimi-k2.7-code', supports_reasoning: true });
    for (const id of ['kimi-k2.5', 'moonshot-v1-8k', 'kimi-latest', 'gpt-4o']) {
      const res = await get(app, `/v1/models/${id}`);
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ error: { message: `Not found the model ${id} or Permission denied`, type: 'resource_not_found_error' } });
    }
    expect((await get(mockApp({ apiDate: '2026-07-15' }), '/v1/models/kimi-k3')).status).toBe(404);
  });

  it('lets the config add, replace and retire models', async () => {
    const app = mockApp({
      models: [
        { id: 'acme-1', context_length: 32768, image_input: ['base64'], thinking: { mode: 'switchable' } },
        { id: 'kimi-k2.6', context_length: 262144, retired: '2026-11-01' },
      ],
    });
    const listed = await ids(app);
    expect(listed).toContain('acme-1');
    expect(listed).not.toContain('kimi-k2.6');
    expect((await get(app, '/v1/models/acme-1')).json).toMatchObject({ supports_image_in: true, supports_reasoning: true });
    const only = mockApp({ replaceModels: true, models: [{ id: 'solo', context_length: 1000 }] });
    expect(await ids(only)).toEqual(['solo']);
  });
});
