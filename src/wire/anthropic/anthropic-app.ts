import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { requireModel } from '../../chat/plan-chat.ts';
import { createErrorHandler } from '../../transport/error-handler.ts';
import { requestHeader } from '../../transport/read-body.ts';
import { authenticate, bearerKey } from '../flow/authenticate.ts';
import { limitBody } from '../flow/limit-body.ts';
import { readJson } from '../flow/read-json.ts';
import { serveChat } from '../flow/serve-chat.ts';
import { anthropicEncoder } from './anthropic-encoder.ts';
import { anthropicErrorBody } from './anthropic-error.ts';
import { parseMessagesBody } from './parse-messages-body.ts';
import { toChatRequest } from './to-chat-request.ts';

/** The key of `x-api-key` (the Anthropic SDK's `apiKey`), else of `Authorization: Bearer` (`authToken`, Claude Code). */
const anthropicKey = (c: Context): string | undefined => requestHeader(c, 'x-api-key')?.trim() || bearerKey(c);

/**
 * Anthropic's Messages API as Moonshot serves it, a Hono sub-app mounted at `/anthropic`:
 * `POST /v1/messages` (any query string, e.g. Claude Code's `?beta=true`) mapped onto the neutral
 * chat request and served by the shared flow, with Anthropic's body, events and error envelope. Each
 * answer carries `request-id`, which the SDK reads.
 */
export function anthropicApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.header('request-id', c.get('ids').requestId);
    await next();
  });
  app.use('*', limitBody(deps));
  app.post('/v1/messages', authenticate(deps, anthropicKey), async (c) => {
    const body = parseMessagesBody(await readJson(c, deps.config.maxBodyBytes));
    const model = requireModel(deps.catalog, body.model, 'messages');
    const writeCache = body.cache_control != null;
    const encoder = anthropicEncoder({ omitThinking: body.thinking?.type !== 'disabled' && body.thinking?.display === 'omitted', writeCache });
    return serveChat(c, deps, { request: toChatRequest(body, model), api: 'messages', encoder, writeCache });
  });
  app.onError(createErrorHandler(anthropicErrorBody, deps.log));
  return app;
}
