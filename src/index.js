// The package entry for plain Node.js: registers tsx, then re-exports the TypeScript API (src/index.ts),
// so `import { createApp } from 'moonshot-mock'` works without a build step or a TypeScript loader.
import { register } from 'tsx/esm/api';

register();
const api = await import('./index.ts');

export const {
  createApp,
  startServer,
  configSchema,
  ConfigError,
  createManualClock,
  createVirtualClock,
  systemClock,
  FixtureError,
  createFixtureSet,
  loadFixtures,
  startMockSession,
  createMockNamespace,
  MockRequestError,
  namespaceFetch,
} = api;
