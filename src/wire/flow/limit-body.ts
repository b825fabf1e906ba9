import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { MoonshotError } from '../../errors/moonshot-error.ts';
import { isNodeRequest } from '../../transport/read-body.ts';

/**
 * Refuses bodies over `maxBodyBytes` (400, in the dialect's envelope). In-process this is Hono's
 * `bodyLimit`; behind the Node server `readBodyText` enforces the limit on the raw stream (see there for why).
 */
export function limitBody(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize: deps.config.maxBodyBytes,
    onError: () => {
      throw new MoonshotError({ kind: 'body_too_large', limitBytes: deps.config.maxBodyBytes });
    },
  });
  return (c, next) => (isNodeRequest(c) ? next() : limit(c, next));
}
