import { describe, expect, it } from 'vitest';
import { invalid, postJson, sseData } from '../support/mock-app.ts';
import { dialectApp } from '../support/dialects.ts';

const responses = (app: ReturnType<typeof dialectApp>, body: Record<string, unknown>, headers?: Record<string, string>) =>
  postJson(app, '/v1/responses', { model: 'kimi-k3', input: 'Hello there', ...body }, headers);
const stateless = 'the Responses API is stateless (store is always false): send the whole conversation in `input`';

describe("Moonshot's rules on /v1/responses", () => {
  it('answers 404 for a model the Responses API does not serve', async () => {
    const res = await responses(dialectApp(), { model: 'kimi-k2.7-code' });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: { message: 'Not found the model kimi-k2.7-code or Permission denied', type: 'resource_not_found_error' } });
  });

  it('refuses background mode, as nothing is stored to poll', async () => {
    const res = await responses(dialectApp(), { background: true });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(invalid(`Invalid request: background mode is not supported: ${stateless}`));
  });

  it('refuses an item_reference, as no item is stored', async () => {
    const res = await responses(dialectApp(), { input: [{ type: 'item_reference', id: 'msg_1' }] });
    expect(res.json).toEqual(invalid(`Invalid request: item_reference is not supported: ${stateless}`));
  });

  it('reports store false even when store: true is asked for', async () => {
    const res = await responses(dialectApp(), { store: true });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ store: false, background: false, previous_response_id: null, conversation: null });
  });

  it('reads instructions and developer messages as system text for fixtures', async () => {
    const app = dialectApp({ fixtures: [{ match: { system: 'Be brief.\nAnswer in French.' }, reply: { content: 'Bonjour.' } }] });
    const res = await responses(app, { instructions: 'Be brief.', input: [{ role: 'developer', content: 'Answer in French.' }, { role: 'user', content: 'Hi' }] });
    expect(res.json.output.at(-1).content[0].text).toBe('Bonjour.');
  });

  it('refuses tools other than functions', async () => {
    const res = await responses(dialectApp(), { tools: [{ type: 'web_search' }] });
    expect(res.json).toEqual(invalid('Invalid request: tools[0]: tool type web_search is not supported, only function tools are'));
  });

  it('ends a reply cut by max_output_tokens as incomplete', async () => {
    const res = await responses(dialectApp(), { max_output_tokens: 5 });
    expect(res.json).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
    expect(res.json.usage.output_tokens).toBe(5);
  });

  it('sends a mid-stream fault as an error event numbered in sequence', async () => {
    const res = await responses(dialectApp(), { stream: true }, { Authorization: 'Bearer sk-test', 'x-mock-fault': 'error_event:3' });
    const events = sseData(res.text);
    expect(events.map((event) => event.sequence_number)).toEqual([0, 1, 2, 3]);
    expect(events.at(-1)).toEqual({ type: 'error', code: 'server_error', message: 'Internal server error', param: null, sequence_number: 3 });
    expect(res.text).toContain('event: error\ndata: ');
  });
});
