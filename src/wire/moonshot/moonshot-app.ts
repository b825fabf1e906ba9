import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { MoonshotError } from '../../errors/moonshot-error.ts';
import { createErrorHandler } from '../../transport/error-handler.ts';
import { isNodeRequest } from '../../transport/read-body.ts';
import { chatRoutes } from './chat-completions.ts';
import { errorEnvelope } from './error-envelope.ts';
import { estimateRoutes } from './estimate-token-count.ts';
import { modelsRoutes } from './models.ts';

/**
 * The Moonshot dialect as a Hono sub-app, mounted at `/v1`: its routes over the shared core, and its
 * own error handler writing Moonshot's envelope. Another dialect is another folder like this one.
 */
export function moonshotApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const limitBody = bodyLimit({
    maxSize: deps.config.maxBodyBytes,
    onError: () => {
      throw new MoonshotError({ kind: 'body_too_large', limitBytes: deps.config.maxBodyBytes });
    },
  });
  // Behind the Node server, readBodyText enforces the limit on the raw stream (see there for why).
  // In-process it stays Hono's bodyLimit: without it a stalled in-process stream intermittently
  // missed the caller's abort (test/faults-stream.test.ts timed out 1 run in 2).
  app.use('*', (c, next) => (isNodeRequest(c) ? next() : limitBody(c, next)));
  app.route('/', modelsRoutes(deps));
  app.route('/', chatRoutes(deps));
  app.route('/', estimateRoutes(deps));
  app.onError(createErrorHandler(errorEnvelope, deps.log));
  return app;
}
