import { invalidRequest } from '../errors/moonshot-error.ts';

const TYPES = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean', 'null']);
const SCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf'] as const;
const SCHEMA_MAPS = ['properties', '$defs', 'definitions', 'patternProperties'] as const;
/** A last guard for the walk's stack; request bodies are already refused past 1,000 levels of nesting. */
const MAX_DEPTH = 1000;

type Problem = { path: string; reason: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/** The first rule of Moonshot-flavoured JSON Schema that `schema` (at `path`) breaks, depth first. */
function findProblem(schema: unknown, path: string, depth = 0): Problem | undefined {
  if (!isObject(schema)) return { path: path || '.', reason: 'schema must be an object' };
  if (depth > MAX_DEPTH) return { path, reason: `schema is nested deeper than ${MAX_DEPTH} levels` };
  const { type, items, $ref, required, enum: values } = schema;
  const types = Array.isArray(type) ? type : type === undefined ? [] : [type];
  if (types.some((t) => typeof t !== 'string' || !TYPES.has(t))) {
    return { path: join(path, 'type'), reason: `type must be one of ${[...TYPES].join(', ')}` };
  }
  if ($ref !== undefined && (typeof $ref !== 'string' || !$ref.startsWith('#/$defs/'))) {
    return { path: join(path, '$ref'), reason: 'references must start with #/$defs/' };
  }
  if (required !== undefined && (!Array.isArray(required) || required.some((r) => typeof r !== 'string'))) {
    return { path: join(path, 'required'), reason: 'required must be an array of strings' };
  }
  if (values !== undefined && !Array.isArray(values)) return { path: join(path, 'enum'), reason: 'enum must be an array' };
  if (items !== undefined) {
    // Live: tuple validation (`items` as an array) is refused.
    if (!isObject(items)) return { path: join(path, 'items'), reason: 'items must be an object' };
    const inner = findProblem(items, join(path, 'items'), depth + 1);
    if (inner) return inner;
  }
  for (const key of SCHEMA_MAPS) {
    const map = schema[key];
    if (map === undefined) continue;
    if (!isObject(map)) return { path: join(path, key), reason: `${key} must be an object` };
    for (const [name, sub] of Object.entries(map)) {
      const inner = findProblem(sub, join(join(path, key), name), depth + 1);
      if (inner) return inner;
    }
  }
  for (const key of SCHEMA_LISTS) {
    const list = schema[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return { path: join(path, key), reason: `${key} must be an array` };
    for (const [i, sub] of list.entries()) {
      const inner = findProblem(sub, join(join(path, key), String(i)), depth + 1);
      if (inner) return inner;
    }
  }
  const extra = schema.additionalProperties;
  if (extra !== undefined && typeof extra !== 'boolean') return findProblem(extra, join(path, 'additionalProperties'), depth + 1);
  return undefined;
}

/**
 * Checks a schema against Moonshot-flavoured JSON Schema (MFJS), as the API does for
 * `response_format.json_schema` and tool `parameters`. Live messages: ``Invalid request:
 * response_format.json_schema is not a valid moonshot flavored json schema, details: <At path
 * 'properties.pair.items': items must be an object>``; `$ref` outside `#/$defs/` is refused too.
 * The other rules (known `type` names, `required`/`enum`/`anyOf` shapes) are documented guesses.
 */
export function checkJsonSchema(schema: unknown, where: string): void {
  const problem = findProblem(schema, '');
  if (problem) {
    throw invalidRequest(`${where} is not a valid moonshot flavored json schema, details: <At path '${problem.path}': ${problem.reason}>`);
  }
}
