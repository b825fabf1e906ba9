import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock, createVirtualClock } from '../../src/clock.ts';
import { startServer, type RunningServer } from '../../src/index.ts';
import { plain } from '../support/mock-app.ts';
import { postRawStream } from '../support/raw-stream.ts';

const quiet = { log: () => {} };
const reply = { content: 'It is sunny in Paris today, with a light breeze from the west.' };
const streamBody = { ...plain, messages: [{ role: 'user', content: 'Weather in Paris?' }], stream: true };

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close(0);
  server = undefined;
});

describe('stream cuts over a real socket', () => {
  it('delivers exactly 3 chunks before the connection drops on x-mock-fault: disconnect:3', async () => {
    server = await startServer({ ...quiet, port: 0, fixtures: [{ reply }] });
    const seen = await postRawStream(`${server.baseURL}/chat/completions`, streamBody, { 'x-mock-fault': 'disconnect:3' });
    expect(seen.data).toHaveLength(3);
    expect(seen.broken).toBe(true);
  });

  it('delivers exactly 3 chunks of a paced fixture before the drop', async () => {
    const paced = { reply, stream: { tokensPerSecond: 10, ttftMs: 100 } };
    server = await startServer({ ...quiet, port: 0, clock: createVirtualClock(0), fixtures: [paced] });
    const seen = await postRawStream(`${server.baseURL}/chat/completions`, streamBody, { 'x-mock-fault': 'disconnect:3' });
    expect(seen.data).toHaveLength(3);
    expect(seen.broken).toBe(true);
  });

  it('delivers every chunk but no [DONE] before a 250 ms disconnect on a stream that finishes sooner', async () => {
    const clock = createManualClock(0);
    server = await startServer({ ...quiet, port: 0, clock });
    let advanced = false;
    const seen = await postRawStream(`${server.baseURL}/chat/completions`, streamBody, { 'x-mock-fault': 'disconnect:250ms' }, (data) => {
      // The whole generated stream has arrived once its finish chunk has; only then does time move.
      if (!advanced && data.some((payload) => payload.includes('"finish_reason":"stop"'))) {
        advanced = true;
        clock.advance(250);
      }
    });
    expect(seen.broken).toBe(true);
    expect(seen.data.at(-1)).toContain('"finish_reason":"stop"');
    expect(seen.data).not.toContain('[DONE]');
  });
});
