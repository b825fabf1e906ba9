// Entry point of the token-counting worker thread (compiled to dist/tokens/token-worker-main.js).
import { parentPort, workerData } from 'node:worker_threads';
import { runTokenWorker } from './run-token-worker.ts';

if (parentPort === null) throw new Error('token-worker-main must run as a worker thread');
runTokenWorker(parentPort, workerData);
