import { describe, expect, it } from 'vitest';
import { redactFixture } from '../../src/record/redact-fixture.ts';
import { createRedactor } from '../../src/record/redactor.ts';

const config = { headers: ['x-tenant'], paths: [], patterns: [] };

describe('createRedactor', () => {
  it('scrubs the bearer key and the whole Authorization value', () => {
    const redactor = createRedactor(config, { authorization: 'Bearer sk-abc-123456' });
    expect(redactor.text('key sk-abc-123456, header Bearer sk-abc-123456')).toBe('key [REDACTED], header [REDACTED]');
  });

  it('scrubs x-api-key and configured headers, names case-insensitive', () => {
    const redactor = createRedactor({ ...config, headers: ['X-Tenant'] }, { 'x-api-key': 'api-key-9999', 'x-tenant': 'tenant-77' });
    expect(redactor.text('api-key-9999 / tenant-77')).toBe('[REDACTED] / [REDACTED]');
  });

  it('scrubs what a configured pattern matches', () => {
    const redactor = createRedactor({ ...config, patterns: ['\\b\\d{4}-\\d{4}\\b'] }, {});
    expect(redactor.text('card 1234-5678 ok')).toBe('card [REDACTED] ok');
  });

  it('leaves values shorter than 4 characters alone, so short words survive', () => {
    expect(createRedactor(config, { 'x-tenant': 'a' }).text('a cat')).toBe('a cat');
  });

  it('redacts a path inside tool-call arguments given as a JSON string, leaving them parsed', () => {
    const redactor = createRedactor({ ...config, paths: ['reply.tool_calls[*].arguments.password'] }, {});
    const fixture = { reply: { tool_calls: [{ name: 'login', arguments: '{"user": "ann", "password": "hunter2"}' }] } };
    expect(redactor.paths(fixture)).toEqual({ reply: { tool_calls: [{ name: 'login', arguments: { user: 'ann', password: '[REDACTED]' } }] } });
  });
});

describe('redactFixture', () => {
  const redactor = createRedactor(config, { authorization: 'Bearer sk-secret-key' });

  it('writes a delta list holding a secret across two deltas as one redacted string', () => {
    const fixture = redactFixture({ reply: { content: ['your key is sk-sec', 'ret-key, keep it'] } }, redactor);
    expect(fixture.reply!.content).toBe('your key is [REDACTED], keep it');
  });

  it('keeps a delta list without secrets as it is', () => {
    expect(redactFixture({ reply: { content: ['a', 'b'] } }, redactor).reply!.content).toEqual(['a', 'b']);
  });

  it('turns an exact user condition holding a secret into an anchored regex that matches the original', () => {
    const { match } = redactFixture({ match: { user: { equals: 'use sk-secret-key (twice: sk-secret-key)?' } } }, redactor);
    expect(match!.user).toEqual({ regex: '^use [\\s\\S]+? \\(twice: [\\s\\S]+?\\)\\?$' });
    expect(new RegExp((match!.user as { regex: string }).regex).test('use sk-secret-key (twice: sk-secret-key)?')).toBe(true);
  });

  it('keeps the longest secret-free stretch of a tool result as its contains condition', () => {
    const { match } = redactFixture({ match: { toolResult: { name: 'env', contains: 'KEY=sk-secret-key\nREGION=eu-west-1 ZONE=b' } } }, redactor);
    expect(match!.toolResult).toEqual({ name: 'env', contains: '\nREGION=eu-west-1 ZONE=b' });
  });
});
