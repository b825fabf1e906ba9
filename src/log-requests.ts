import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from './deps.ts';

/** What a chat route tells the request log about one request (each part once known). */
export interface ServedNote {
  model?: string;
  /** The fixture's name, `generated`, or `unmatched`. */
  reply?: string;
  /** The kind of the injected fault. */
  fault?: string;
}

/**
 * With `logRequests`, writes one line per request to the app's `log` once the handler is done:
 * `POST /v1/chat/completions 200 model=kimi-k2.6 reply=greeting fault=none 3.1ms [request id]`
 * (model, reply and fault only for chat completions; a stream's line comes when its headers go out).
 */
export function logRequests(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!deps.config.logRequests) return next();
    const started = performance.now();
    await next();
    const ms = `${(performance.now() - started).toFixed(1)}ms`;
    const served = c.get('served');
    const parts = [c.req.method, c.req.path, String(c.res.status)];
    if (served !== undefined) {
      parts.push(`model=${served.model ?? '-'}`, `reply=${served.reply ?? '-'}`, `fault=${served.fault ?? 'none'}`);
    }
    deps.log(`${parts.join(' ')} ${ms} [${c.get('ids').requestId}]`);
  };
}
