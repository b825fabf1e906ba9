import { describe, expect, it } from 'vitest';
import { configFaultSchema } from '../../src/faults/config-fault-schema.ts';
import { faultSchema } from '../../src/faults/fault-schema.ts';

const issues = (input: unknown) => faultSchema.safeParse(input).error?.issues ?? [];

describe('faultSchema', () => {
  it('parses an http fault with every field', () => {
    const fault = { kind: 'http', status: 503, type: 'x_error', message: 'down', delay_ms: 250, retry_after: 2 };
    expect(faultSchema.parse(fault)).toEqual(fault);
  });

  it('leaves an http fault type and message unset when not given', () => {
    expect(faultSchema.parse({ kind: 'http', status: 429 })).toEqual({ kind: 'http', status: 429 });
  });

  it('rejects an http status outside 400 to 599', () => {
    expect(issues({ kind: 'http', status: 399 })[0]?.path).toEqual(['status']);
    expect(issues({ kind: 'http', status: 600 })[0]?.path).toEqual(['status']);
    expect(issues({ kind: 'http', status: 429.5 })[0]?.path).toEqual(['status']);
  });

  it('requires an http status', () => {
    expect(issues({ kind: 'http' })[0]?.path).toEqual(['status']);
  });

  it('rejects a negative delay and a fractional retry_after', () => {
    expect(issues({ kind: 'http', status: 500, delay_ms: -1 })[0]?.path).toEqual(['delay_ms']);
    expect(issues({ kind: 'http', status: 500, retry_after: 1.5 })[0]?.path).toEqual(['retry_after']);
  });

  it('parses a timeout fault with no extra fields', () => {
    expect(faultSchema.parse({ kind: 'timeout' })).toEqual({ kind: 'timeout' });
  });

  it('parses a disconnect fault after chunks or after milliseconds', () => {
    expect(faultSchema.parse({ kind: 'disconnect', after_chunks: 3 })).toEqual({ kind: 'disconnect', after_chunks: 3 });
    expect(faultSchema.parse({ kind: 'disconnect', after_ms: 250 })).toEqual({ kind: 'disconnect', after_ms: 250 });
  });

  it('leaves both disconnect points unset when neither is given (meaning after 0 chunks)', () => {
    expect(faultSchema.parse({ kind: 'disconnect' })).toEqual({ kind: 'disconnect' });
  });

  it('rejects a disconnect fault with both after_chunks and after_ms', () => {
    expect(issues({ kind: 'disconnect', after_chunks: 1, after_ms: 5 })).toMatchObject([
      { message: 'a disconnect fault takes only one of `after_chunks` or `after_ms`' },
    ]);
  });

  it('defaults after_chunks to 0 for the mid-stream kinds', () => {
    for (const kind of ['error_event', 'stall', 'malformed_chunk', 'truncate']) {
      expect(faultSchema.parse({ kind })).toEqual({ kind, after_chunks: 0 });
    }
  });

  it('rejects a negative or fractional after_chunks', () => {
    expect(issues({ kind: 'stall', after_chunks: -1 })[0]?.path).toEqual(['after_chunks']);
    expect(issues({ kind: 'truncate', after_chunks: 1.5 })[0]?.path).toEqual(['after_chunks']);
  });

  it('parses an error_event fault with its type and message', () => {
    const fault = { kind: 'error_event', after_chunks: 2, type: 'engine_overloaded_error', message: 'busy' };
    expect(faultSchema.parse(fault)).toEqual(fault);
  });

  it('rejects an unknown kind', () => {
    expect(issues({ kind: 'explode' })[0]?.path).toEqual(['kind']);
  });

  it('rejects unknown keys', () => {
    expect(issues({ kind: 'http', status: 500, retryAfter: 1 })).toMatchObject([{ code: 'unrecognized_keys', keys: ['retryAfter'] }]);
    expect(issues({ kind: 'timeout', after_chunks: 1 })).toMatchObject([{ code: 'unrecognized_keys', keys: ['after_chunks'] }]);
  });

  it('rejects a mid-stream field on the http kind', () => {
    expect(issues({ kind: 'http', status: 500, after_chunks: 1 })).toMatchObject([{ code: 'unrecognized_keys' }]);
  });
});

describe('faultSchema when', () => {
  it('accepts each window kind', () => {
    for (const when of [{ calls: [1, 3] }, { first: 2 }, { every: 3 }, { probability: 0.05 }]) {
      expect(faultSchema.parse({ kind: 'timeout', when })).toEqual({ kind: 'timeout', when });
    }
  });

  it('rejects a window with two kinds', () => {
    expect(issues({ kind: 'timeout', when: { first: 2, every: 3 } })).toMatchObject([
      { path: ['when'], message: 'needs exactly one of `calls`, `first`, `every` or `probability`' },
    ]);
  });

  it('rejects an empty window', () => {
    expect(issues({ kind: 'timeout', when: {} })[0]?.path).toEqual(['when']);
  });

  it('rejects an unknown window key', () => {
    expect(issues({ kind: 'timeout', when: { evry: 2 } })[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['evry'] });
  });

  it('rejects call numbers below 1 and an empty call list', () => {
    expect(issues({ kind: 'timeout', when: { calls: [0] } })[0]?.path).toEqual(['when', 'calls', 0]);
    expect(issues({ kind: 'timeout', when: { calls: [] } })[0]?.path).toEqual(['when', 'calls']);
  });

  it('rejects a probability outside 0 to 1', () => {
    expect(issues({ kind: 'timeout', when: { probability: 1.5 } })[0]?.path).toEqual(['when', 'probability']);
    expect(issues({ kind: 'timeout', when: { probability: -0.1 } })[0]?.path).toEqual(['when', 'probability']);
  });

  it('rejects first and every below 1', () => {
    expect(issues({ kind: 'timeout', when: { first: 0 } })[0]?.path).toEqual(['when', 'first']);
    expect(issues({ kind: 'timeout', when: { every: 0 } })[0]?.path).toEqual(['when', 'every']);
  });
});

describe('configFaultSchema', () => {
  it('parses a fault with a match', () => {
    const fault = { kind: 'http', status: 429, when: { probability: 0.05 }, match: { model: 'kimi-k2.6' } };
    expect(configFaultSchema.parse(fault)).toEqual(fault);
  });

  it('parses a fault without a match and applies the fault defaults', () => {
    expect(configFaultSchema.parse({ kind: 'stall' })).toEqual({ kind: 'stall', after_chunks: 0 });
  });

  it('rejects an unknown match condition', () => {
    const result = configFaultSchema.safeParse({ kind: 'timeout', match: { modle: 'x' } });
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', path: ['match'] });
  });

  it('keeps the disconnect rule', () => {
    expect(configFaultSchema.safeParse({ kind: 'disconnect', after_chunks: 1, after_ms: 1 }).success).toBe(false);
  });

  it('adds match only to config faults, not to faultSchema', () => {
    expect(issues({ kind: 'timeout', match: {} })).toMatchObject([{ code: 'unrecognized_keys', keys: ['match'] }]);
  });
});
