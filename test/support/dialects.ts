import Anthropic from '@anthropic-ai/sdk';
import { fileURLToPath } from 'node:url';
import type { MockOptions } from '../../src/app.ts';
import { mockApp, type MockApp } from './mock-app.ts';

/** The example fixture file that scripts one conversation for every dialect. */
export const anyDialectFixtures = fileURLToPath(new URL('../../fixtures/any-dialect.yaml', import.meta.url));

/** A quiet mock app (frozen time, fixed seed) on today's catalog, where the K3 family serves every dialect. */
export function dialectApp(options: MockOptions = {}): MockApp {
  return mockApp({ log: () => {}, ...options });
}

/** An Anthropic SDK client wired to an in-process app at its `/anthropic` base, without retries. */
export function anthropicClient(app: MockApp, options: Partial<ConstructorParameters<typeof Anthropic>[0]> = {}): Anthropic {
  return new Anthropic({
    apiKey: 'sk-test',
    baseURL: 'http://moonshot.test/anthropic',
    fetch: async (input, init) => app.request(input as string, init),
    maxRetries: 0,
    ...options,
  });
}
