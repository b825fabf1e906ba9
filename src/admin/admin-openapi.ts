import * as z from 'zod';
import { fixtureFileSchema } from '../fixtures/fixture-schema.ts';
import { journalEntrySchema } from '../state/journal-entry.ts';
import { journalFilterSchema } from './journal-filter.ts';
import { verifyRequestSchema } from './verify-journal.ts';

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

const errorSchema = {
  type: 'object',
  properties: { error: { type: 'object', properties: { message: { type: 'string' }, type: { type: 'string' } }, required: ['message', 'type'] } },
};

const namespaceParam = {
  name: 'namespace',
  in: 'query',
  required: false,
  description: 'The namespace to act on (else the `x-mock-namespace` header, else `default`).',
  schema: { type: 'string' },
};

const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const ok = (description: string, schema: object = { type: 'object' }) => ({ 200: json(schema, description), 400: json(errorSchema, 'Bad input'), 401: json(errorSchema, 'Missing or wrong admin token') });

/** The filter's fields as query parameters, each with its JSON Schema and description. */
function filterParams() {
  return Object.entries(journalFilterSchema.shape).map(([name, field]) => {
    const schema = jsonSchema(field) as { description?: string };
    return { name, in: 'query', required: false, description: schema.description, schema };
  });
}

/**
 * The OpenAPI 3.1 document of the admin API (`GET /_mock/openapi.json`). Request and response shapes
 * come from the same zod schemas the routes parse with, so the document cannot drift from the code.
 */
export function adminOpenApi(): object {
  const entry = jsonSchema(journalEntrySchema);
  const requests = { type: 'object', properties: { requests: { type: 'array', items: entry }, count: { type: 'integer' }, dropped: { type: 'integer' } } };
  return {
    openapi: '3.1.0',
    info: { title: 'moonshot-mock admin API', version: '1', description: 'The emulator\'s own controls under /_mock: journal, verification, runtime fixtures, namespaces, scenarios, clock, limits. With --admin-token, every route needs `Authorization: Bearer <token>`.' },
    components: { securitySchemes: { adminToken: { type: 'http', scheme: 'bearer', description: 'Only when the server runs with --admin-token.' } } },
    security: [{}, { adminToken: [] }],
    paths: {
      '/_mock/openapi.json': { get: { summary: 'This document', responses: ok('The OpenAPI 3.1 document of the admin API') } },
      '/_mock/health': { get: { summary: 'Liveness', responses: ok('The server answers', { type: 'object', properties: { status: { const: 'ok' } } }) } },
      '/_mock/requests': {
        get: { summary: 'Journaled requests matching the filter, newest last', parameters: filterParams(), responses: ok('The requests', requests) },
        delete: { summary: 'Clear the journal of a namespace (`*` = all)', parameters: [namespaceParam], responses: ok('How many were cleared') },
      },
      '/_mock/requests/count': { get: { summary: 'How many journaled requests match the filter', parameters: filterParams(), responses: ok('The count', { type: 'object', properties: { count: { type: 'integer' } } }) } },
      '/_mock/verify': {
        post: {
          summary: 'Check how many journaled requests match a filter',
          parameters: [namespaceParam],
          requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(verifyRequestSchema) } } },
          responses: { ...ok('The expectation holds'), 422: json(errorSchema, 'It does not: the message lists what was journaled instead') },
        },
      },
      '/_mock/fixtures': {
        get: { summary: 'Every fixture a namespace matches against, with source and use counts', parameters: [namespaceParam], responses: ok('The fixtures') },
        post: {
          summary: 'Add runtime fixtures to a namespace (a fixture file: JSON or YAML)',
          parameters: [namespaceParam],
          requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(fixtureFileSchema) }, 'application/yaml': { schema: jsonSchema(fixtureFileSchema) } } },
          responses: { ...ok('Unused'), 201: json({ type: 'object' }, 'The fixtures added, with their names and sources') },
        },
        delete: { summary: 'Remove a namespace\'s runtime fixtures', parameters: [namespaceParam], responses: ok('How many were removed') },
      },
      '/_mock/scenarios': { get: { summary: 'Each scenario\'s state in a namespace', parameters: [namespaceParam], responses: ok('The scenarios') } },
      '/_mock/reset': { post: { summary: 'Reset everything, or one namespace with ?namespace=', parameters: [namespaceParam], responses: ok('Reset') } },
      '/_mock/namespaces': { get: { summary: 'The namespaces that exist', responses: ok('The namespaces') } },
      '/_mock/namespaces/{name}': {
        delete: { summary: 'Drop a namespace and all its state', parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }], responses: ok('Whether it existed') },
      },
      '/_mock/clock': {
        post: {
          summary: 'Move the app clock forward',
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { advance_ms: { type: 'integer', minimum: 0 } }, required: ['advance_ms'] } } } },
          responses: ok('The new time', { type: 'object', properties: { now_ms: { type: 'number' } } }),
        },
      },
      '/_mock/limits': { get: { summary: 'Each user\'s rate limits and usage in a namespace', parameters: [namespaceParam], responses: ok('The users') } },
    },
  };
}
