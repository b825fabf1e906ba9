// The `moonshot-mock/vitest` entry for plain Node.js: registers tsx, then re-exports the TypeScript
// helper (src/testing/vitest.ts), as the package entry does for the main API.
import { register } from 'tsx/esm/api';

register();
const helper = await import('./vitest.ts');

export const { useMoonshotMock, startMockSession, namespaceSlug, createMockNamespace, MockRequestError, namespaceFetch } = helper;
