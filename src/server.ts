import { serve } from '@hono/node-server';
import type { Server, ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, splitOptions, type MockOptions } from './app.ts';
import { createCatalog } from './catalog/catalog.ts';
import { createFixtureSet } from './fixtures/fixture-set.ts';
import { loadFixtures } from './fixtures/load-fixtures.ts';
import { watchFixtures } from './fixtures/watch-fixtures.ts';
import { capConnections } from './transport/cap-connections.ts';
import { ConfigError, type Config } from './config.ts';
import { fixtureSources, remoteRecordRefusal } from './record/record-dir.ts';

/** A running emulator. */
export interface RunningServer {
  /** `http://host:port`, with the port actually bound (useful with `port: 0`). */
  url: string;
  /** `url + "/v1"`: what to give a client as its base URL. */
  baseURL: string;
  /** What was loaded at start: models listed by `/v1/models`, and fixtures (before any `watch` reload). */
  loaded: { models: number; fixtures: number };
  /**
   * Stops accepting connections and resolves once every connection is closed: idle ones at once,
   * busy ones when their response ends or, at the latest, after `graceMs` (default 2000).
   */
  close(graceMs?: number): Promise<void>;
}

/** Serves `createApp(options)` over HTTP; resolves once it accepts connections. */
export async function startServer(options: MockOptions = {}): Promise<RunningServer> {
  const { config, fixtureSet: given, log } = splitOptions(options);
  const refusal = remoteRecordRefusal(config.host, config.record, config.allowRemote);
  if (refusal !== undefined) throw new ConfigError(refusal);
  const sources = fixtureSources(config.fixtures, config.record);
  const fixtureSet = given ?? createFixtureSet(loadFixtures(sources));
  const app = createApp({ ...options, fixtureSet });
  const { port, host } = config;
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname: host, serverOptions: serverOptions(config) }, () => resolve(s));
    s.once('error', reject);
  });
  capConnections(server as Server, config.maxConnections);
  const watcher = config.watch ? watchFixtures(sources, fixtureSet, log) : undefined;
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}`;
  return {
    url,
    baseURL: `${url}/v1`,
    loaded: { models: createCatalog(config).listed.length, fixtures: fixtureSet.current().length },
    close: (graceMs = 2000) =>
      new Promise<void>((resolve, reject) => {
        watcher?.close();
        server.close((err) => (err ? reject(err) : resolve()));
        if (!('closeIdleConnections' in server)) return;
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), graceMs).unref();
      }),
  };
}

/**
 * Node's connection timeouts from the config. Node checks them every `connectionsCheckingInterval`
 * (30 s by default, which let a slowloris connection live ~84 s), so the check runs at a quarter of
 * the shorter timeout; `headersTimeout` may not exceed a non-zero `requestTimeout`.
 */
function serverOptions(config: Config): ServerOptions {
  const { requestTimeout, keepAliveTimeout } = config;
  const headersTimeout = requestTimeout > 0 ? Math.min(config.headersTimeout, requestTimeout) : config.headersTimeout;
  const connectionsCheckingInterval = Math.max(50, Math.min(1000, Math.floor(headersTimeout / 4)));
  return { headersTimeout, requestTimeout, keepAliveTimeout, connectionsCheckingInterval };
}
