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
 * The Moonshot dialect as a Hono sub-app, mounted at `/v1`: its routes over the shared core, and its
 * own error handler writing Moonshot's envelope. Another dialect is another folder like this one.
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
  app.onError(createErrorHandler(errorEnvelope, deps.log));
  return app;
}
