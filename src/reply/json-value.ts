import type { Random } from '../random.ts';
import { composePhrase } from './compose-text.ts';

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);
const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** Values for the string formats a schema commonly asks for. */
const formats: Record<string, (random: Random) => string> = {
  'date-time': (r) => `2026-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}T${String(r.int(24)).padStart(2, '0')}:00:00Z`,
  date: (r) => `2026-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`,
  time: (r) => `${String(r.int(24)).padStart(2, '0')}:${String(r.int(60)).padStart(2, '0')}:00`,
  email: (r) => `user${r.int(1000)}@example.com`,
  uri: (r) => `https://example.com/item/${r.int(1000)}`,
  url: (r) => `https://example.com/item/${r.int(1000)}`,
  uuid: (r) => { const h = r.hex(32); return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`; },
  ipv4: (r) => `10.${r.int(256)}.${r.int(256)}.${r.int(256)}`,
  hostname: (r) => `host${r.int(1000)}.example.com`,
};

/** Follows `#/$defs/…` (or `#/definitions/…`) references against the root schema. */
function resolve(schema: Schema, root: Schema): Schema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 16; hops++) {
    const path = current.$ref.replace(/^#\//, '').split('/');
    const target = path.reduce<unknown>((node, key) => (isSchema(node) ? node[key] : undefined), root);
    if (!isSchema(target)) return {};
    current = target;
  }
  return current;
}

/** `allOf` folded into one schema: properties and `required` joined, other keywords from later parts. */
function flatten(schema: Schema, root: Schema, depth = 0): Schema {
  if (!Array.isArray(schema.allOf) || depth > 8) return schema;
  const parts = [schema, ...schema.allOf.filter(isSchema).map((part) => flatten(resolve(part, root), root, depth + 1))];
  return parts.reduce<Schema>((acc, part) => ({
    ...acc,
    ...part,
    properties: { ...(isSchema(acc.properties) ? acc.properties : {}), ...(isSchema(part.properties) ? part.properties : {}) },
    required: [...(Array.isArray(acc.required) ? acc.required : []), ...(Array.isArray(part.required) ? part.required : [])],
    allOf: undefined,
  }), {});
}

function stringFor(random: Random, schema: Schema): string {
  const format = typeof schema.format === 'string' ? formats[schema.format] : undefined;
  let text = format ? format(random) : composePhrase(random);
  const min = num(schema.minLength) ?? 0;
  const max = num(schema.maxLength);
  while (text.length < min) text += ` ${composePhrase(random)}`;
  return max !== undefined && text.length > max ? text.slice(0, Math.max(max, min)) : text;
}

function numberFor(random: Random, schema: Schema, integer: boolean): number {
  const step = num(schema.multipleOf) ?? (integer ? 1 : 0.01);
  const low = Math.max(num(schema.minimum) ?? -Infinity, (num(schema.exclusiveMinimum) ?? -Infinity) + step);
  const high = Math.min(num(schema.maximum) ?? Infinity, (num(schema.exclusiveMaximum) ?? Infinity) - step);
  const from = Number.isFinite(low) ? low : Number.isFinite(high) ? high - 100 : 0;
  const to = Number.isFinite(high) ? high : from + 100;
  const steps = Math.max(0, Math.floor((to - from) / step));
  const value = Math.ceil(from / step) * step + step * random.int(steps + 1);
  const clamped = value > to ? Math.ceil(from / step) * step : value;
  return Number(clamped.toFixed(10));
}

/**
 * A value that validates against a (Moonshot-flavoured) JSON Schema: `$ref` into `$defs`, `allOf`,
 * the first `anyOf`/`oneOf` branch, `const`/`enum`, string length and formats, numeric bounds and
 * `multipleOf`, array sizes and `uniqueItems`, every declared property. Past depth 6 only required
 * properties and the fewest items are generated, so a recursive schema still ends (past depth 24: `null`). `pattern` is not
 * honoured. Property names such as `__proto__` or `constructor` are plain keys. Without a schema it returns a small object.
 */
export function jsonValue(random: Random, schema: unknown, depth = 0, root: Schema = isSchema(schema) ? schema : {}): unknown {
  if (!isSchema(schema)) return { reply: composePhrase(random) };
  // A schema whose required properties recurse forever has no finite instance: stop somewhere.
  if (depth > 24) return null;
  const s = flatten(resolve(schema, root), root);
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[random.int(s.enum.length)];
  const variants = (s.anyOf ?? s.oneOf) as unknown;
  if (Array.isArray(variants) && variants.length > 0) return jsonValue(random, variants[0], depth + 1, root);
  const types = Array.isArray(s.type) ? s.type : [s.type];
  const type = types.find((t) => t !== 'null') ?? types[0] ?? (isSchema(s.properties) ? 'object' : undefined);
  switch (type) {
    case 'string':
      return stringFor(random, s);
    case 'integer':
    case 'number':
      return numberFor(random, s, type === 'integer');
    case 'boolean':
      return random.int(2) === 0;
    case 'null':
      return null;
    case 'array': {
      const min = num(s.minItems) ?? 0;
      const max = Math.min(num(s.maxItems) ?? Infinity, Math.max(min, 5));
      const count = depth > 6 ? min : Math.min(max, Math.max(min, 1 + random.int(2)));
      const items: unknown[] = [];
      for (let tries = 0; items.length < count && tries < count * 10; tries++) {
        const item = jsonValue(random, s.items, depth + 1, root);
        if (s.uniqueItems === true && items.some((seen) => JSON.stringify(seen) === JSON.stringify(item))) continue;
        items.push(item);
      }
      return items;
    }
    case 'object': {
      const properties = isSchema(s.properties) ? s.properties : {};
      const required = new Set(Array.isArray(s.required) ? s.required.map(String) : []);
      const out: Record<string, unknown> = {};
      const put = (key: string, value: unknown) =>
        // defineProperty, not `out[key] =`: a property named `__proto__` must stay data, not set the prototype.
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      for (const [key, sub] of Object.entries(properties)) {
        if (depth <= 6 || required.has(key)) put(key, jsonValue(random, sub, depth + 1, root));
      }
      for (const key of required) if (!Object.hasOwn(out, key)) put(key, composePhrase(random));
      return out;
    }
    default:
      return { reply: composePhrase(random) };
  }
}
