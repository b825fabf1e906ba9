// The floor's handler, shared by the bare server and the reference row that mounts it inside the
// emulator's app: read the body, parse it, answer a constant completion.

const completion = {
  id: 'chatcmpl-6a8f158b4a03b52c4f017fd4', object: 'chat.completion', created: 1787762059, model: 'moonshot-v1-8k',
  choices: [{ index: 0, message: { role: 'assistant', content: 'You asked: "Hi". The short answer depends on a clear goal.' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 11, completion_tokens: 14, total_tokens: 25 },
};

/**
 * A Hono handler for the floor. `raw` (the default) reads the body from the Node request stream, as
 * the emulator does; `json` uses `c.req.json()`, which makes @hono/node-server build a web Request first.
 * `busyUs` > 0 adds that many microseconds of busy work per request (a calibration: how far a little
 * work on top of the floor moves the ratio).
 */
export function floorHandler(mode = 'raw', busyUs = 0) {
  return async (c) => {
    if (mode === 'json') await c.req.json();
    else {
      const chunks = [];
      for await (const chunk of c.env.incoming) chunks.push(chunk);
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
    }
    if (busyUs > 0) {
      const until = performance.now() + busyUs / 1000;
      while (performance.now() < until);
    }
    return c.json(completion);
  };
}
