import type { Context } from 'hono';
import type { AppDeps } from '../deps.ts';
import { MoonshotError } from '../errors/moonshot-error.ts';
import type { Completion } from '../reply/completion.ts';
import type { StreamShape } from '../reply/stream-shape.ts';
import { destroySocket } from '../transport/node-bindings.ts';
import { sendJson } from '../transport/send-json.ts';
import { errorEventPayload, faultError } from './describe-fault-error.ts';
import type { Fault } from './fault-schema.ts';

/** Drops the connection without an answer: the socket behind the Node server, or an erroring body in-process. */
function brokenResponse(c: Context): Response {
  destroySocket(c);
  return new Response(new ReadableStream({ start: (controller) => controller.error(new Error('moonshot-mock: injected disconnect')) }));
}

/**
 * Sends a non-stream completion under a fault. `timeout`: the reply takes its simulated generation
 * time (time to first token + tokens ÷ tokens per second) on the app clock, and past `timeoutMs` the
 * client gets 504 when the timeout elapses. Stream faults on a JSON request: `disconnect` drops the
 * connection (after `after_ms`), `stall` holds it until the client leaves or `stallCapMs` passes,
 * `error_event` answers its error as a 500, `malformed_chunk`/`truncate` send a cut-off body.
 */
export async function sendFaultedJson(
  c: Context,
  deps: AppDeps,
  body: object,
  completion: Completion,
  fault: Fault | undefined,
  shape: StreamShape,
  signal: AbortSignal,
): Promise<Response> {
  const { clock, config } = deps;
  switch (fault?.kind) {
    case 'timeout': {
      const tokens = Math.max(...completion.choices.map((choice) => choice.completionTokens));
      const generationMs = shape.ttftMs + (tokens * 1000) / (shape.tokensPerSecond ?? config.tokensPerSecond);
      if (generationMs > config.timeoutMs) {
        await clock.sleep(config.timeoutMs, signal);
        throw new MoonshotError(faultError(fault));
      }
      await clock.sleep(generationMs, signal);
      return sendJson(c, body);
    }
    case 'disconnect':
      if (fault.after_ms !== undefined) await clock.sleep(fault.after_ms, signal);
      return brokenResponse(c);
    case 'stall':
      await clock.sleep(config.stallCapMs, signal);
      return brokenResponse(c);
    case 'error_event':
      return sendJson(c, errorEventPayload(fault), 500);
    case 'malformed_chunk':
    case 'truncate': {
      const text = JSON.stringify(body);
      return c.body(text.slice(0, Math.ceil(text.length / 2)), 200, { 'Content-Type': 'application/json; charset=utf-8' });
    }
    default:
      return sendJson(c, body);
  }
}
