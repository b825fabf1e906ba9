import { mkdirSync } from 'node:fs';
import type { Config } from '../config.ts';
import { ConfigError } from '../config.ts';

/**
 * The fixture sources to load: the configured ones, plus the record directory in `record` and
 * `record-all` modes (created if missing), so what was recorded before answers without the upstream.
 */
export function fixtureSources(config: Config): Config['fixtures'] {
  const record = config.record;
  if (record === undefined || record.mode === 'proxy' || record.dir === undefined) return config.fixtures;
  mkdirSync(record.dir, { recursive: true });
  return config.fixtures.includes(record.dir) ? config.fixtures : [...config.fixtures, record.dir];
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1|\[::1\]|::ffff:127(?:\.\d{1,3}){3})$/i;

/**
 * Refuses a non-loopback `host` in record and proxy modes unless `allowRemote` is set: whoever can
 * reach the port could spend upstream calls through it and read what it records.
 */
export function checkRecordHost(config: Config): void {
  if (config.record === undefined || config.allowRemote || LOOPBACK.test(config.host)) return;
  throw new ConfigError(
    `Refusing to ${config.record.mode === 'proxy' ? 'proxy' : 'record'} on the non-loopback host ${config.host}: anyone who reaches it could send requests upstream through it. Listen on 127.0.0.1, or pass --allow-remote (allowRemote: true).`,
  );
}
