import { Hono } from 'hono';
import { chatRequestSchema } from '../../chat/chat-request.ts';
import { quickChatRequest } from '../../chat/quick-chat-request.ts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { keyCheck } from '../flow/authenticate.ts';
import { parseBody } from '../flow/parse-body.ts';
import { readJson } from '../flow/read-json.ts';
import { serveChat } from '../flow/serve-chat.ts';
import { forwardUpstream } from './forward-upstream.ts';
import { moonshotEncoder } from './moonshot-encoder.ts';

/**
 * POST /v1/chat/completions: the body is already the neutral request; the shared flow does the rest.
 * In record and proxy modes a miss (every request in record-all) is answered by the upstream instead.
 */
export function chatRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const checkKey = keyCheck(deps);
  // The key check is the handler's first call, not a middleware: each middleware is one more step of
  // Hono's composition on every request.
  routes.post('/chat/completions', async (c) => {
    checkKey(c);
    const body = await readJson(c, deps.config.maxBodyBytes);
    const request = quickChatRequest(body) ?? parseBody(chatRequestSchema, body);
    return serveChat(c, deps, {
      request,
      api: 'chat',
      encoder: moonshotEncoder,
      forward: (miss) => forwardUpstream(c, deps, { body, request, ...miss }),
    });
  });
  return routes;
}
