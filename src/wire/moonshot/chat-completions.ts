import { Hono } from 'hono';
import { chatRequestSchema } from '../../chat/chat-request.ts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { authenticate } from '../flow/authenticate.ts';
import { readJson } from '../flow/read-json.ts';
import { serveChat } from '../flow/serve-chat.ts';
import { moonshotEncoder } from './moonshot-encoder.ts';
import { parseBody } from '../flow/parse-body.ts';

/** POST /v1/chat/completions: the body is already the neutral request; the shared flow does the rest. */
export function chatRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.post('/chat/completions', authenticate(deps), async (c) => {
    const request = parseBody(chatRequestSchema, await readJson(c, deps.config.maxBodyBytes));
    return serveChat(c, deps, { request, api: 'chat', encoder: moonshotEncoder });
  });
  return routes;
}
