import type { z } from 'zod';
import { invalidRequest } from '../../errors/moonshot-error.ts';

/** Go-style type names, as the live message shows them (`expected type []object`). */
const wireTypeNames: Record<string, string> = {
  string: 'string', number: 'float64', int: 'int', boolean: 'bool', array: '[]object', object: 'object',
};
/** Fields that take one of several types; the live API names the richest one. */
const unionTypeNames: Record<string, string> = {
  'messages.content': '[]object', stop: '[]string', tool_choice: 'object',
};

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Parses a request body with a wire schema. A field of the wrong JSON type answers with Moonshot's live
 * wording: ``Invalid request: the `messages.content` field in the request (expected type []object) is
 * illegal, and object is not acceptable`` (the path leaves out array indices, as the live one does).
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  if (jsonTypeOf(body) !== 'object') throw invalidRequest('the request body must be a JSON object');
  const result = schema.safeParse(body, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.filter((key) => typeof key !== 'number').map(String).join('.');
  if (field === 'messages.role' && issue.code === 'invalid_type') {
    throw invalidRequest('unsupported role ROLE_UNSPECIFIED', 'invalid request');
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) throw invalidRequest(`${field} is required`);
  const expected =
    issue.code === 'invalid_type' ? (wireTypeNames[issue.expected] ?? issue.expected) : (unionTypeNames[field] ?? 'object');
  if (issue.code === 'invalid_type' || issue.code === 'invalid_union') {
    throw invalidRequest(
      `the \`${field}\` field in the request (expected type ${expected}) is illegal, and ${jsonTypeOf(issue.input)} is not acceptable`,
    );
  }
  throw invalidRequest(`the \`${field}\` field in the request is illegal: ${issue.message.replace(/^Invalid input: /, '')}`);
}
