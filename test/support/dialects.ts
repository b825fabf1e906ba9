import Anthropic from '@anthropic-ai/sdk';
import { fileURLToPath } from 'node:url';
import type { MockOptions } from '../../src/app.ts';
import { mockApp, type MockApp } from './mock-app.ts';

/** The example fixture file that scripts one conversation for every dialect. */
export const anyDialectFixtures = fileURLToPath(new URL('../../fixtures/any-dialect.yaml', import.meta.url));

/**
 * Models the Messages and Responses dialects serve, as config entries: the K3-era catalog does not
 * list them yet. kimi-k3 serves all three APIs; kimi-k2.7-code chat and Messages, where a request
 * without `thinking` means thinking off.
 */
export const dialectModels: NonNullable<MockOptions['models']> = [
  { id: 'kimi-k3', context_length: 1048576, thinking: 'always', default_max_tokens: 131072, apis: ['chat', 'messages', 'responses'] },
  { id: 'kimi-k2.7-code', context_length: 262144, thinking: 'always', default_max_tokens: 32768, apis: ['chat', 'messages'], messages_thinking_default: 'disabled' },
];

/** A mock app serving the dialect models (frozen time, fixed seed). */
export function dialectApp(options: MockOptions = {}): MockApp {
  return mockApp({ models: dialectModels, log: () => {}, ...options });
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
