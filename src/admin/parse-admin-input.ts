import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppDeps, AppEnv, Namespace } from '../deps.ts';
import { invalidRequest } from '../errors/moonshot-error.ts';
import { readBodyText } from '../transport/read-body.ts';

/** Parses an admin route's input (query or body); the first problem is a 400 naming the route and the field. */
export function parseAdminInput<S extends z.ZodType>(c: Context, schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.length === 0 ? '' : `${issue.path.map(String).join('.')}: `;
  throw invalidRequest(`${c.req.method} ${c.req.path}: ${field}${issue.message}`);
}

/** An admin route's body as text (within `maxBodyBytes`). */
export function readAdminText(c: Context<AppEnv>, deps: AppDeps): Promise<string> {
  return readBodyText(c, deps.config.maxBodyBytes);
}

/** An admin route's JSON body; an empty body reads as `{}`. */
export async function readAdminJson(c: Context<AppEnv>, deps: AppDeps): Promise<unknown> {
  const text = await readAdminText(c, deps);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw invalidRequest(`${c.req.method} ${c.req.path}: the body is not valid JSON`);
  }
}

/** The namespace an admin request names (`?namespace=`, else `x-mock-namespace`), or undefined. */
export function namedNamespace(c: Context): string | undefined {
  return c.req.query('namespace') ?? c.req.header('x-mock-namespace');
}

/** The namespaces an admin read covers: the named one (none when it does not exist yet), all for `*`, else the default. */
export function namespacesToRead(deps: AppDeps, name: string | undefined): Namespace[] {
  if (name === '*') return deps.namespaces.names().map((n) => deps.namespaces.find(n)!);
  const found = name === undefined ? deps.namespaces.default : deps.namespaces.find(name);
  return found ? [found] : [];
}
