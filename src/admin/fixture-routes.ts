import { Hono } from 'hono';
import type { AppDeps, AppEnv, Namespace } from '../deps.ts';
import { MoonshotError } from '../errors/moonshot-error.ts';
import { FixtureError } from '../fixtures/fixture-error.ts';
import { SCENARIO_START } from '../fixtures/match-fixture.ts';
import { sendJson } from '../transport/send-json.ts';
import { addRuntimeFixtures } from './add-runtime-fixtures.ts';
import { namedNamespace, readAdminText } from './parse-admin-input.ts';

/** Every fixture the namespace matches against, in matching order of origin (runtime first), with its use counts. */
function listFixtures(namespace: Namespace) {
  const runtime = new Set(namespace.runtime.current());
  return namespace.fixtures.current().map((fixture) => {
    const use = namespace.state.fixtureUses.get(fixture.name);
    const origin = runtime.has(fixture) ? 'runtime' : 'file';
    return {
      name: fixture.name,
      source: fixture.source,
      origin,
      priority: fixture.priority,
      matched: use?.matched ?? 0,
      served: use?.served ?? 0,
      ...(fixture.scenario ? { scenario: fixture.scenario } : {}),
    };
  });
}

/** Each scenario the namespace's fixtures name (or that has moved), its state and its fixtures. */
function listScenarios(namespace: Namespace) {
  const scenarios = new Map<string, string[]>();
  for (const fixture of namespace.fixtures.current()) {
    if (fixture.scenario) scenarios.set(fixture.scenario.name, [...(scenarios.get(fixture.scenario.name) ?? []), fixture.name]);
  }
  for (const name of namespace.state.scenarios.keys()) if (!scenarios.has(name)) scenarios.set(name, []);
  return [...scenarios].map(([name, fixtures]) => ({ name, state: namespace.state.scenarios.get(name) ?? SCENARIO_START, fixtures }));
}

/**
 * Runtime fixtures and scenarios, per namespace (`?namespace=` or `x-mock-namespace`; default
 * otherwise): `POST /fixtures` adds fixtures (a fixture file's text, JSON or YAML, with the same
 * errors as a file), `GET /fixtures` lists every fixture with its source and use counts,
 * `DELETE /fixtures` removes the runtime ones, `GET /scenarios` shows each scenario's state.
 */
export function fixtureRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const find = (name: string | undefined) => (name === undefined ? deps.namespaces.default : deps.namespaces.find(name));
  routes.get('/fixtures', (c) => {
    // Created on first use, like any namespace, so an unused one lists the file fixtures at zero uses.
    const namespace = deps.namespaces.get(namedNamespace(c));
    return sendJson(c, { namespace: namespace.name, fixtures: listFixtures(namespace) });
  });
  routes.post('/fixtures', async (c) => {
    const namespace = deps.namespaces.get(namedNamespace(c));
    const text = await readAdminText(c, deps);
    try {
      const added = addRuntimeFixtures(namespace, deps.fixtures.current(), text);
      return sendJson(c, { namespace: namespace.name, added: added.map(({ name, source }) => ({ name, source })) }, 201);
    } catch (error) {
      if (error instanceof FixtureError) throw new MoonshotError({ kind: 'invalid_request', message: error.message });
      throw error;
    }
  });
  routes.delete('/fixtures', (c) => {
    const namespace = find(namedNamespace(c));
    const removed = namespace?.runtime.current().length ?? 0;
    if (namespace && removed > 0) namespace.runtime.replace([]);
    return sendJson(c, { removed });
  });
  routes.get('/scenarios', (c) => {
    const namespace = find(namedNamespace(c));
    return sendJson(c, { scenarios: namespace ? listScenarios(namespace) : [] });
  });
  return routes;
}
