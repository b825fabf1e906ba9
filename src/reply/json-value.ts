import type { Random } from '../random.ts';
import { composePhrase } from './compose-text.ts';

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A value that satisfies a (Moonshot-flavoured) JSON Schema: objects fill every declared property,
 * arrays hold 1–2 items, `enum`/`const` are honoured, strings are short phrases. Depth is capped so a
 * recursive schema still ends. Property names such as `__proto__` or `constructor` are plain keys.
 * Without a schema it returns a small object.
 */
export function jsonValue(random: Random, schema: unknown, depth = 0): unknown {
  if (!isSchema(schema)) return { reply: composePhrase(random) };
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[random.int(schema.enum.length)];
  const variants = (schema.anyOf ?? schema.oneOf) as unknown;
  if (Array.isArray(variants) && variants.length > 0) return jsonValue(random, variants[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return composePhrase(random);
    case 'integer':
      return random.int(100);
    case 'number':
      return Math.round(random.next() * 10000) / 100;
    case 'boolean':
      return random.int(2) === 0;
    case 'null':
      return null;
    case 'array': {
      if (depth > 4) return [];
      const count = Math.max(typeof schema.minItems === 'number' ? schema.minItems : 1, 1 + random.int(2));
      return Array.from({ length: Math.min(count, 5) }, () => jsonValue(random, schema.items, depth + 1));
    }
    default: {
      const properties = isSchema(schema.properties) ? schema.properties : undefined;
      if (!properties) return type === 'object' ? {} : { reply: composePhrase(random) };
      if (depth > 4) return {};
      const out: Record<string, unknown> = {};
      // defineProperty, not `out[key] =`: a property named `__proto__` must stay data, not set the prototype.
      for (const [key, sub] of Object.entries(properties)) {
        Object.defineProperty(out, key, { value: jsonValue(random, sub, depth + 1), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
  }
}
