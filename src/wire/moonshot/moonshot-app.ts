import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { createErrorHandler } from '../../transport/error-handler.ts';
import { balanceRoutes } from './balance-routes.ts';
import { batchRoutes } from './batch-routes.ts';
import { chatRoutes } from './chat-completions.ts';
import { errorEnvelope } from '../../errors/error-envelope.ts';
import { estimateRoutes } from './estimate-token-count.ts';
import { fileRoutes } from './file-routes.ts';
import { modelsRoutes } from './models.ts';
import { searchRoutes } from './search-routes.ts';

/**
 * The Moonshot dialect as a Hono sub-app, mounted at `/v1`: its routes over the shared core. Its
 * errors, in Moonshot's envelope, are written by `moonshotErrorHandler`, which the app mounts as its
 * own `onError` (the app answers unknown routes and refused hosts in this envelope too): a sub-app
 * with an `onError` of its own costs every request a composed wrapper. Another dialect is another
 * folder like this one, with the `onError` of its own envelope.
 */
export function moonshotApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Bodies are read (and held to maxBodyBytes) by readBodyText; see there for why not bodyLimit.
  app.route('/', modelsRoutes(deps));
  app.route('/', chatRoutes(deps));
  app.route('/', estimateRoutes(deps));
  app.route('/', fileRoutes(deps));
  app.route('/', balanceRoutes(deps));
  app.route('/', searchRoutes(deps));
  app.route('/', batchRoutes(deps));
  return app;
}

/** Moonshot's error handler: errors in its envelope (the app's own `onError`). */
export function moonshotErrorHandler(log: (line: string) => void) {
  return createErrorHandler(errorEnvelope, log);
}
