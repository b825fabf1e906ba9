export { createApp, type MockOptions } from './app.ts';
export { startServer, type RunningServer } from './server.ts';
export { configSchema, ConfigError, type Config, type ConfigInput } from './config.ts';
export { createManualClock, createVirtualClock, systemClock, type Clock, type ManualClock } from './clock.ts';
export type { ModelEntryInput } from './catalog/model-entry.ts';
export type { TokenCounter } from './tokens/token-counter.ts';
