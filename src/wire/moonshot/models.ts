import { Hono } from 'hono';
import type { Model } from '../../catalog/model-entry.ts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { sendJson } from '../../transport/send-json.ts';
import { requireModel } from '../../chat/plan-chat.ts';
import { authenticate } from './authenticate.ts';

// The older OpenAI-style fields (root/parent/permission) as in the live 2024 list; sent with the new ones.
const permission = [{
  created: 0, id: '', object: '', allow_create_engine: false, allow_sampling: false, allow_logprobs: false,
  allow_search_indices: false, allow_view: false, allow_fine_tuning: false, organization: 'public', group: 'public',
  is_blocking: false,
}];

/** One entry of GET /v1/models. */
export function modelObject(model: Model) {
  return {
    id: model.id,
    object: 'model' as const,
    created: model.created,
    owned_by: model.owned_by,
    root: '',
    parent: '',
    permission,
    context_length: model.context_length,
    supports_image_in: model.image_input.length > 0,
    supports_video_in: model.video_input.length > 0,
    supports_reasoning: model.thinking.mode !== 'none',
    ...(model.display_name !== undefined && { display_name: model.display_name }),
  };
}

/** GET /v1/models (retired models are not listed) and GET /v1/models/{id} (404 for unknown or retired). */
export function modelsRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/models', authenticate(deps), (c) =>
    sendJson(c, { object: 'list', data: deps.catalog.listed.map(modelObject) }),
  );
  routes.get('/models/:id{.+}', authenticate(deps), (c) =>
    sendJson(c, modelObject(requireModel(deps.catalog, c.req.param('id')))),
  );
  return routes;
}
