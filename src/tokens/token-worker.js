// The token worker's entry when running from the TypeScript sources (tests, `npm run dev`). Neither tsx
// (registered on the main thread only) nor vitest transforms a worker's entry, so this plain-JS shim
// registers tsx's ESM hooks in this thread, then imports the real entry. The built package (dist/) loads
// the compiled token-worker-main.js directly and never reaches this file.
import { register } from 'tsx/esm/api';

register();
await import('./token-worker-main.ts');
