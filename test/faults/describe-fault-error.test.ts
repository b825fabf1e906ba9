import { describe, expect, it } from 'vitest';
import { errorEventPayload, faultError } from '../../src/faults/describe-fault-error.ts';
import { describeError } from '../../src/errors/error-kind.ts';

const http = (status: number) => faultError({ kind: 'http', status });

describe('faultError', () => {
  it('gives 400 the content filter wording', () => {
    expect(http(400)).toEqual({
      kind: 'injected',
      status: 400,
      type: 'content_filter',
      message: 'The request was rejected because it was considered high risk',
    });
  });

  it('gives 401, 403 and 404 their wordings', () => {
    expect(http(401)).toMatchObject({ type: 'invalid_authentication_error', message: 'Invalid Authentication' });
    expect(http(403)).toMatchObject({ type: 'permission_denied_error', message: 'The API you are accessing is not open' });
    expect(http(404)).toMatchObject({ type: 'resource_not_found_error', message: 'Not found the resource or Permission denied' });
  });

  it('gives 429 the engine overloaded wording', () => {
    expect(http(429)).toMatchObject({
      status: 429,
      type: 'engine_overloaded_error',
      message: 'The engine is currently overloaded, please try again later',
    });
  });

  it('gives the 5xx statuses server_error wordings', () => {
    expect(http(500)).toMatchObject({ type: 'server_error', message: 'Internal server error' });
    const unavailable = { type: 'server_error', message: 'The service is temporarily unavailable, please try again later' };
    expect(http(502)).toMatchObject(unavailable);
    expect(http(503)).toMatchObject(unavailable);
    expect(http(504)).toMatchObject({ type: 'server_error', message: 'Request timed out, please try again later' });
  });

  it('gives a status outside the table a generic server_error', () => {
    expect(http(418)).toEqual({ kind: 'injected', status: 418, type: 'server_error', message: 'Request failed with status 418' });
  });

  it('keeps the type and message the fault gives', () => {
    const error = faultError({ kind: 'http', status: 429, type: 'rate_limit_reached_error', message: 'slow down' });
    expect(error).toEqual({ kind: 'injected', status: 429, type: 'rate_limit_reached_error', message: 'slow down' });
  });

  it('overrides only the field the fault gives', () => {
    expect(faultError({ kind: 'http', status: 503, message: 'brb' })).toMatchObject({ type: 'server_error', message: 'brb' });
  });

  it('answers a timeout with the 504 wording', () => {
    expect(faultError({ kind: 'timeout' })).toEqual({
      kind: 'injected',
      status: 504,
      type: 'server_error',
      message: 'Request timed out, please try again later',
    });
  });

  it('goes on the wire through describeError unchanged', () => {
    expect(describeError(http(429))).toEqual({ status: 429, type: 'engine_overloaded_error', message: 'The engine is currently overloaded, please try again later' });
  });
});

describe('errorEventPayload', () => {
  it('defaults to a server_error with the 500 wording', () => {
    expect(errorEventPayload({ kind: 'error_event', after_chunks: 0 })).toEqual({
      error: { message: 'Internal server error', type: 'server_error' },
    });
  });

  it('takes the default message of the first status with the given type', () => {
    expect(errorEventPayload({ kind: 'error_event', after_chunks: 0, type: 'engine_overloaded_error' })).toEqual({
      error: { message: 'The engine is currently overloaded, please try again later', type: 'engine_overloaded_error' },
    });
  });

  it('falls back to the 500 wording for a type outside the table', () => {
    expect(errorEventPayload({ kind: 'error_event', after_chunks: 3, type: 'odd_error' }).error.message).toBe('Internal server error');
  });

  it('keeps the message the fault gives', () => {
    expect(errorEventPayload({ kind: 'error_event', after_chunks: 0, message: 'boom' })).toEqual({
      error: { message: 'boom', type: 'server_error' },
    });
  });
});
