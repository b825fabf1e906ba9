import { describe, expect, it } from 'vitest';
import { parseFaultHeader } from '../../src/faults/parse-fault-header.ts';

const fault = (header: string) => {
  const result = parseFaultHeader(header);
  if (!result.ok) throw new Error(`expected a fault, got: ${result.message}`);
  return result.fault;
};
const problem = (header: string) => {
  const result = parseFaultHeader(header);
  if (result.ok) throw new Error(`expected an error, got: ${JSON.stringify(result.fault)}`);
  return result.message;
};

describe('parseFaultHeader short forms', () => {
  it('reads a bare status as an http fault', () => {
    expect(fault('429')).toEqual({ kind: 'http', status: 429 });
  });

  it('reads a bare 504 as an http fault, not a timeout', () => {
    expect(fault('504')).toEqual({ kind: 'http', status: 504 });
  });

  it('reads timeout', () => {
    expect(fault('timeout')).toEqual({ kind: 'timeout' });
  });

  it('reads disconnect as a disconnect before any chunk', () => {
    expect(fault('disconnect')).toEqual({ kind: 'disconnect' });
  });

  it('reads disconnect:N as a disconnect after N chunks', () => {
    expect(fault('disconnect:3')).toEqual({ kind: 'disconnect', after_chunks: 3 });
  });

  it('reads disconnect:Nms as a disconnect after N milliseconds', () => {
    expect(fault('disconnect:250ms')).toEqual({ kind: 'disconnect', after_ms: 250 });
  });

  it('reads the other mid-stream kinds with a chunk count', () => {
    expect(fault('error_event:2')).toEqual({ kind: 'error_event', after_chunks: 2 });
    expect(fault('stall:1')).toEqual({ kind: 'stall', after_chunks: 1 });
    expect(fault('malformed_chunk:2')).toEqual({ kind: 'malformed_chunk', after_chunks: 2 });
    expect(fault('truncate:5')).toEqual({ kind: 'truncate', after_chunks: 5 });
  });

  it('defaults the chunk count of a mid-stream kind to 0', () => {
    expect(fault('stall')).toEqual({ kind: 'stall', after_chunks: 0 });
  });

  it('ignores case and surrounding spaces', () => {
    expect(fault('  Disconnect:250MS ')).toEqual({ kind: 'disconnect', after_ms: 250 });
  });
});

describe('parseFaultHeader JSON', () => {
  it('reads a JSON fault object with defaults applied', () => {
    expect(fault('{"kind":"error_event","type":"engine_overloaded_error"}')).toEqual({
      kind: 'error_event',
      after_chunks: 0,
      type: 'engine_overloaded_error',
    });
  });

  it('keeps a when in a JSON fault (chooseFault ignores it)', () => {
    expect(fault('{"kind":"http","status":500,"when":{"first":1}}')).toEqual({ kind: 'http', status: 500, when: { first: 1 } });
  });
});

describe('parseFaultHeader errors', () => {
  it('rejects an empty header', () => {
    expect(problem('  ')).toMatch(/^is empty; expected an HTTP status/);
  });

  it('rejects an unknown word and lists the forms', () => {
    expect(problem('explode')).toBe(
      '"explode" is not a fault kind; expected an HTTP status (e.g. 429), timeout, disconnect[:N|:Nms], error_event[:N], ' +
        'stall[:N], malformed_chunk[:N], truncate[:N] or a JSON fault object',
    );
  });

  it('rejects text that is not a short form', () => {
    expect(problem('stall:-1')).toMatch(/^"stall:-1" is not a fault; /);
  });

  it('rejects a status outside 400 to 599', () => {
    expect(problem('200')).toMatch(/^status: /);
  });

  it('rejects an argument on timeout', () => {
    expect(problem('timeout:3')).toBe('`timeout` takes no `:N`');
  });

  it('rejects milliseconds on kinds other than disconnect', () => {
    expect(problem('stall:5ms')).toBe('only `disconnect` takes milliseconds (`:5ms`)');
  });

  it('rejects invalid JSON', () => {
    expect(problem('{"kind":')).toMatch(/^is not valid JSON \(/);
  });

  it('names the field of an invalid JSON fault', () => {
    expect(problem('{"kind":"stall","after_chunks":-2}')).toMatch(/^after_chunks: /);
  });

  it('names an unknown kind in a JSON fault', () => {
    expect(problem('{"kind":"explode"}')).toMatch(/^kind: .*'http'/);
  });

  it('reports an unknown key in a JSON fault', () => {
    expect(problem('{"kind":"timeout","after":1}')).toBe('Unrecognized key: "after"');
  });

  it('reports both disconnect points in a JSON fault', () => {
    expect(problem('{"kind":"disconnect","after_chunks":1,"after_ms":1}')).toBe(
      'a disconnect fault takes only one of `after_chunks` or `after_ms`',
    );
  });

  it('rejects a JSON object without a kind', () => {
    expect(problem('{}')).toMatch(/^kind: /);
  });
});
