import { mkdirSync } from 'node:fs';
import type { RecordConfig } from './record-config.ts';

/**
 * The fixture sources to load: `fixtures`, plus the record directory in `record` and `record-all`
 * modes (created if missing), so what was recorded before answers without the upstream.
 */
export function fixtureSources<T>(fixtures: readonly (T | string)[], record: RecordConfig | undefined): Array<T | string> {
  if (record === undefined || record.mode === 'proxy' || record.dir === undefined) return [...fixtures];
  mkdirSync(record.dir, { recursive: true });
  return fixtures.includes(record.dir) ? [...fixtures] : [...fixtures, record.dir];
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1|\[::1\]|::ffff:127(?:\.\d{1,3}){3})$/i;

/**
 * Why record and proxy modes may not listen on `host`, or undefined when they may: a non-loopback
 * host needs `allowRemote`, since whoever reaches the port could send requests upstream through it.
 */
export function remoteRecordRefusal(host: string, record: RecordConfig | undefined, allowRemote: boolean): string | undefined {
  if (record === undefined || allowRemote || LOOPBACK.test(host)) return undefined;
  return `Refusing to ${record.mode === 'proxy' ? 'proxy' : 'record'} on the non-loopback host ${host}: anyone who reaches it could send requests upstream through it. Listen on 127.0.0.1, or pass --allow-remote (allowRemote: true).`;
}
