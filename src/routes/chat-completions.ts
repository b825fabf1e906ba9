import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../deps.ts';
import { chatRequestSchema } from '../moonshot/chat-request.ts';
import { parseBody } from '../moonshot/parse-body.ts';
import { buildCompletion } from '../reply/build-completion.ts';
import { completionBody } from '../reply/completion-body.ts';
import { completionChunks } from '../reply/completion-chunks.ts';
import { defaultStreamShape, streamShapeOf } from '../reply/stream-shape.ts';
import { pickFixture } from '../fixtures/pick-fixture.ts';
import { viewRequest } from '../fixtures/request-view.ts';
import { sendJson } from '../transport/send-json.ts';
import { sendSse } from '../transport/send-sse.ts';
import { planChat } from '../validate/plan-chat.ts';
import { authenticate } from './authenticate.ts';
import { readJson } from './read-json.ts';
import { requestSignal } from '../transport/read-body.ts';

/** POST /v1/chat/completions: validate → plan → build the completion → send it as JSON or SSE. */
export function chatRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.post('/chat/completions', authenticate(deps), async (c) => {
    const signal = requestSignal(c);
    const request = parseBody(chatRequestSchema, await readJson(c, deps.config.maxBodyBytes));
    const plan = await planChat(request, deps, signal);
    const pick = deps.fixtures.current().length === 0 && deps.config.unmatched !== 'error'
      ? ({ kind: 'generate' } as const)
      : pickFixture(deps.fixtures, viewRequest(request, plan.thinking, c.req.header()), deps.config.unmatched);
    const completion = await buildCompletion(plan, pick, deps, c.get('ids'), signal);
    if (!request.stream) return sendJson(c, completionBody(completion));
    const shape = pick.kind === 'fixture' ? streamShapeOf(pick.fixture.stream) : defaultStreamShape;
    return sendSse(c, completionChunks(completion, request.stream_options?.include_usage === true, shape), shape, deps.clock);
  });
  return routes;
}
