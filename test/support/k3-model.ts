import type { ModelEntryInput } from '../../src/index.ts';

/**
 * kimi-k3 with its documented rules, for tests that need it while the default catalog does not list
 * it: pass as `models: [k3Model]`.
 */
export const k3Model: ModelEntryInput = {
  id: 'kimi-k3', created: 1784160000, context_length: 1048576, supports_image_in: true, supports_video_in: true,
  thinking: 'always', sampling: 'fixed', max_n: 1, default_max_tokens: 131072,
};

/** kimi-k2.6 (one of the models the Batch API takes), for the same reason. */
export const k26Model: ModelEntryInput = {
  id: 'kimi-k2.6', created: 1776038400, context_length: 262144, supports_image_in: true, supports_video_in: true,
  thinking: 'default_on', sampling: 'fixed', max_n: 1, default_max_tokens: 32768,
};

/** The models the platform tests use that the default catalog does not list yet. */
export const platformModels: ModelEntryInput[] = [k3Model, k26Model];
