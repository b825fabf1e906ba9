import { describe, expect, it } from 'vitest';
import { postJson } from '../support/mock-app.ts';
import { anyDialectFixtures, dialectApp } from '../support/dialects.ts';
import { claudeCodeBody, claudeCodeHeaders, claudeCodePath, firstTurn } from '../support/claude-code-request.ts';

/** The named events of an Anthropic stream, parsed. */
function events(text: string): Array<{ event: string; data: any }> {
  return text.split('\n\n').filter(Boolean).map((block) => {
    const [eventLine, dataLine] = block.split('\n');
    return { event: eventLine!.slice('event: '.length), data: JSON.parse(dataLine!.slice('data: '.length)) };
  });
}

/** The content blocks a stream assembles, as a client would send them back. */
function assembled(text: string): any[] {
  const blocks: any[] = [];
  for (const { data } of events(text)) {
    if (data.type === 'content_block_start') blocks[data.index] = { ...data.content_block };
    if (data.type !== 'content_block_delta') continue;
    const block = blocks[data.index];
    const { delta } = data;
    if (delta.type === 'signature_delta') block.signature += delta.signature;
    if (delta.type === 'thinking_delta') block.thinking += delta.thinking;
    if (delta.type === 'text_delta') block.text += delta.text;
    if (delta.type === 'input_json_delta') block.partial = (block.partial ?? '') + delta.partial_json;
  }
  return blocks.map(({ partial, ...block }) => (partial === undefined ? block : { ...block, input: JSON.parse(partial) }));
}

const app = dialectApp({ fixtures: [anyDialectFixtures] });
const send = (messages: unknown[], model?: string) => postJson(app, claudeCodePath, claudeCodeBody(messages, model), claudeCodeHeaders);

describe("requests shaped as Claude Code's", () => {
  it('match the fixture although a system message follows the user turn', async () => {
    const res = await send(firstTurn('Run the greeting script, please.'));
    expect(res.status).toBe(200);
    const blocks = assembled(res.text);
    expect(blocks.map((block) => block.type)).toEqual(['thinking', 'text', 'tool_use']);
    expect(blocks[2]).toMatchObject({ name: 'Bash', input: { command: 'echo hello-from-the-tool' } });
  });

  it('stream an omitted thinking block: no thinking text, a signature', async () => {
    const res = await send(firstTurn('Run the greeting script, please.'));
    const [thinking] = assembled(res.text);
    expect(thinking.thinking).toBe('');
    expect(thinking.signature.length).toBeGreaterThan(0);
    expect(events(res.text).some(({ data }) => data.delta?.type === 'thinking_delta')).toBe(false);
  });

  it('carry the loop on with the thinking block sent back signed and a string tool_result with cache_control', async () => {
    const first = assembled((await send(firstTurn('Run the greeting script, please.'))).text);
    const call = first.find((block) => block.type === 'tool_use');
    const res = await send([
      ...firstTurn('Run the greeting script, please.'),
      { role: 'assistant', content: first },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: 'hello-from-the-tool\n', cache_control: { type: 'ephemeral' } }] },
    ]);
    expect(res.status).toBe(200);
    const last = events(res.text).find(({ data }) => data.type === 'message_delta')!;
    expect(last.data.delta.stop_reason).toBe('end_turn');
    expect(assembled(res.text).at(-1)).toEqual({ type: 'text', text: 'The script printed hello-from-the-tool.' });
  });

  it('end the stream with message_delta usage and message_stop, no [DONE]', async () => {
    const res = await send(firstTurn('Run the greeting script, please.'));
    const names = events(res.text).map(({ event }) => event);
    expect(names.slice(0, 2)).toEqual(['message_start', 'ping']);
    expect(names.slice(-2)).toEqual(['message_delta', 'message_stop']);
    expect(res.text).not.toContain('[DONE]');
  });

  it('answer HEAD /anthropic/api/hello with a 404, which Claude Code tolerates', async () => {
    const res = await app.request('/anthropic/api/hello', { method: 'HEAD' });
    expect(res.status).toBe(404);
  });
});
