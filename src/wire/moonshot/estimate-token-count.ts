import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { invalidRequest, MoonshotError } from '../../errors/moonshot-error.ts';
import { estimateRequestSchema } from '../../chat/chat-request.ts';
import { parseBody } from './parse-body.ts';
import { countPrompt } from '../../tokens/count-prompt.ts';
import { sendJson } from '../../transport/send-json.ts';
import { largestFittingPrompt, requireModel } from '../../chat/plan-chat.ts';
import { authenticate } from './authenticate.ts';
import { readJson } from './read-json.ts';
import { requestSignal } from '../../transport/read-body.ts';

/**
 * POST /v1/tokenizers/estimate-token-count (B6): `{"data":{"total_tokens":N}}`, counted by the same
 * function as chat `usage.prompt_tokens` and the context check, so the three always agree.
 * `tools`, if sent, are counted as chat counts them. A prompt as long as the model's window or longer
 * answers chat's `Input token length too long` (counting stops as soon as that is certain).
 */
export function estimateRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.post('/tokenizers/estimate-token-count', authenticate(deps), async (c) => {
    const request = parseBody(estimateRequestSchema, await readJson(c, deps.config.maxBodyBytes));
    const model = requireModel(deps.catalog, request.model);
    if (request.messages.length === 0) throw invalidRequest('messages must not be empty');
    const stopAbove = largestFittingPrompt(model, undefined);
    const total = await countPrompt(deps.counter, request.messages, request.tools ?? undefined, requestSignal(c), stopAbove);
    if (total > stopAbove) throw new MoonshotError({ kind: 'input_too_long' });
    return sendJson(c, { data: { total_tokens: total } });
  });
  return routes;
}
