import type { MiddlewareHandler } from 'hono';
import { MoonshotError } from '../errors/moonshot-error.ts';
import { requestHeader } from '../transport/read-body.ts';

/** YAML types `POST /_mock/fixtures` also takes; like JSON, none is CORS-safelisted. */
const YAML_TYPES = new Set(['application/yaml', 'application/x-yaml', 'text/yaml']);

/**
 * Refuses (415) a POST whose `Content-Type` is not `application/json` (or, on `/fixtures`, a YAML
 * type). A web page can send a `text/plain` or form POST to any origin without asking (a "simple"
 * request, even with `mode: 'no-cors'`); these types need a CORS preflight first, which the emulator
 * never grants. So no page on another origin can reset or move the emulator's state.
 */
export function requireJsonType(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'POST') {
      const type = requestHeader(c, 'content-type') ?? '';
      const base = type.split(';')[0]!.trim().toLowerCase();
      const yamlAllowed = c.req.path.endsWith('/fixtures') && YAML_TYPES.has(base);
      if (base !== 'application/json' && !yamlAllowed) {
        throw new MoonshotError({ kind: 'json_content_type_required', route: `${c.req.method} ${c.req.path}`, got: type });
      }
    }
    await next();
  };
}
