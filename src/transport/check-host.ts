import { isIP } from 'node:net';
import type { Context } from 'hono';
import { MoonshotError } from '../errors/moonshot-error.ts';
import { isNodeRequest, requestHeader } from './read-body.ts';

/** The host name of a `Host` header, lower-cased, without port or IPv6 brackets. */
function hostName(header: string): string {
  const lower = header.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(1, lower.indexOf(']'));
  const colon = lower.lastIndexOf(':');
  return colon === -1 ? lower : lower.slice(0, colon);
}

function isLoopback(name: string): boolean {
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  return name === '::1';
}

/**
 * Refuses (403 `permission_denied_error`) a request whose `Host` names neither a loopback name or
 * address nor one of `allowedHosts` (nor the `host` the server binds, unless a wildcard): a web page
 * that rebinds its own DNS name to 127.0.0.1 sends its own name, so it cannot read the emulator.
 * `allowedHosts: ["*"]` turns the check off. In-process requests (`app.request`) are not checked:
 * no browser can reach them. A plain check (it throws), so the app's one middleware can call it
 * instead of a middleware layer of its own per request.
 */
export function checkHost(config: { allowedHosts: readonly string[]; host: string }): (c: Context) => void {
  const { allowedHosts, host } = config;
  const allowed = new Set(allowedHosts.map((name) => hostName(name)));
  if (host !== '0.0.0.0' && host !== '::') allowed.add(hostName(isIP(host) === 6 ? `[${host}]` : host));
  if (allowed.has('*')) return () => {};
  // Host headers already let through: a client sends the same one every time.
  const passed = new Set<string>();
  return (c) => {
    if (!isNodeRequest(c)) return;
    const header = requestHeader(c, 'host') ?? '';
    if (passed.has(header)) return;
    const name = hostName(header);
    if (!isLoopback(name) && !allowed.has(name)) throw new MoonshotError({ kind: 'host_not_allowed', host: header });
    if (passed.size >= 64) passed.clear();
    passed.add(header);
  };
}
