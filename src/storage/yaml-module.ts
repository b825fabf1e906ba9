import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

const requireCommonJs = createRequire(import.meta.url);

/**
 * The `yaml` package, loaded on first call rather than at start-up (it is ~80 modules, and a server
 * with no YAML fixture or config file never needs it). `yaml` is CommonJS under Node, so it can be
 * required synchronously, as the synchronous fixture loader needs; Node's module cache keeps the one copy.
 */
export function yamlModule(): typeof Yaml {
  return requireCommonJs('yaml') as typeof Yaml;
}
