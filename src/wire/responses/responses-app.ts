import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { errorEnvelope } from '../../errors/error-envelope.ts';
import { createErrorHandler } from '../../transport/error-handler.ts';
import { authenticate } from '../flow/authenticate.ts';
import { limitBody } from '../flow/limit-body.ts';
import { parseBody } from '../flow/parse-body.ts';
import { readJson } from '../flow/read-json.ts';
import { serveChat } from '../flow/serve-chat.ts';
import { responsesEncoder } from './responses-encoder.ts';
import { responsesRequestSchema } from './responses-request.ts';
import { toChatRequest } from './to-chat-request.ts';

/**
 * OpenAI's Responses API as Moonshot serves it (stateless), a Hono sub-app mounted at `/v1`
 * beside the Moonshot dialect: `POST /v1/responses` mapped onto the neutral chat request and served
 * by the shared flow; errors in Moonshot's envelope, as everywhere under `/v1`.
 */
export function responsesApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/responses', limitBody(deps));
  app.post('/responses', authenticate(deps), async (c) => {
    const body = parseBody(responsesRequestSchema, await readJson(c, deps.config.maxBodyBytes));
    return serveChat(c, deps, { request: toChatRequest(body), api: 'responses', encoder: responsesEncoder(body) });
  });
  app.onError(createErrorHandler(errorEnvelope, deps.log));
  return app;
}
