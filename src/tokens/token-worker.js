// Entry point of the token-counting worker thread. Neither tsx (src/bin.js registers it only on the main
// thread) nor vitest transforms a worker's entry, so this plain-JS shim registers tsx's ESM hooks in this
// thread and then imports the real TypeScript module. 'tsx/esm/api' is resolved from this file's location,
// i.e. the package's own node_modules.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

if (parentPort === null) throw new Error('token-worker.js must run as a worker thread');
register();
const { runTokenWorker } = await import('./run-token-worker.ts');
runTokenWorker(parentPort, workerData);
