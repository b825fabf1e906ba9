import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { createErrorHandler } from '../../transport/error-handler.ts';
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
  // No middleware here: Hono wraps each handler of a sub-app with its own onError, per request.
  // readBodyText enforces the body limit on every route that reads a body (see there for why).
  app.route('/', modelsRoutes(deps));
  app.route('/', chatRoutes(deps));
  app.route('/', estimateRoutes(deps));
  app.onError(createErrorHandler(errorEnvelope, deps.log));
  return app;
}
