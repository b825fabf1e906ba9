import { describe, expect, it } from 'vitest';
import { AUTH, mockApp } from './support/mock-app.ts';

const get = async (app: ReturnType<typeof mockApp>, path: string) => {
  const res = await app.request(path, { headers: AUTH });
  return { status: res.status, json: (await res.json()) as any };
};

describe('GET /v1/models', () => {
  it('lists the live catalog in the OpenAI list shape with the Moonshot fields', async () => {
    const { status, json } = await get(mockApp(), '/v1/models');
    expect(status).toBe(200);
    expect(json.object).toBe('list');
    const ids = json.data.map((m: any) => m.id);
    expect(ids).toContain('kimi-k2.5');
    expect(ids).toContain('moonshot-v1-128k-vision-preview');
    expect(ids).not.toContain('kimi-latest');
    expect(ids).not.toContain('kimi-thinking-preview');
    const k25 = json.data.find((m: any) => m.id === 'kimi-k2.5');
    expect(Object.keys(k25)).toEqual([
      'id', 'object', 'created', 'owned_by', 'root', 'parent', 'permission',
      'context_length', 'supports_image_in', 'supports_video_in', 'supports_reasoning',
    ]);
    expect(k25).toMatchObject({
      object: 'model', owned_by: 'moonshot', context_length: 262144, supports_image_in: true, supports_video_in: true, supports_reasoning: true,
    });
    expect(k25.permission[0]).toMatchObject({ organization: 'public', group: 'public', is_blocking: false });
    expect(json.data.find((m: any) => m.id === 'moonshot-v1-8k')).toMatchObject({ context_length: 8192, supports_reasoning: false });
  });

  it('returns one model by id, and 404 for unknown or retired ids', async () => {
    const app = mockApp();
    expect((await get(app, '/v1/models/kimi-k2-thinking')).json).toMatchObject({ id: 'kimi-k2-thinking', supports_reasoning: true });
    for (const id of ['kimi-latest', 'gpt-4o']) {
      const res = await get(app, `/v1/models/${id}`);
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ error: { message: `Not found the model ${id} or Permission denied`, type: 'resource_not_found_error' } });
    }
  });

  it('lets the config add, replace and retire models', async () => {
    const app = mockApp({
      models: [
        { id: 'kimi-k2.6', context_length: 262144, supports_image_in: true, thinking: 'default_on' },
        { id: 'moonshot-v1-8k', context_length: 8192, retired: '2026-08-01' },
      ],
    });
    const ids = (await get(app, '/v1/models')).json.data.map((m: any) => m.id);
    expect(ids).toContain('kimi-k2.6');
    expect(ids).not.toContain('moonshot-v1-8k');
    const only = mockApp({ replaceModels: true, models: [{ id: 'solo', context_length: 1000 }] });
    expect((await get(only, '/v1/models')).json.data.map((m: any) => m.id)).toEqual(['solo']);
  });
});
