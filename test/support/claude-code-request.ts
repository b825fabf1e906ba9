/**
 * Requests shaped as Claude Code 2.1 sends them to a Messages endpoint (captured against a local
 * server): `?beta=true`, a Bearer key, `anthropic-version` and a long `anthropic-beta` list; always
 * streaming; adaptive thinking with the display omitted; `output_config.effort`; `context_management`;
 * `metadata.user_id` as a JSON string; a three-block system with `cache_control` per block; a
 * `role: "system"` message after the user turn; twelve tools, one deferred with an empty schema, all
 * schemas carrying `$schema`.
 */
export const claudeCodePath = '/anthropic/v1/messages?beta=true';

export const claudeCodeHeaders = {
  'Content-Type': 'application/json',
  Authorization: 'Bearer sk-test',
  'anthropic-version': '2023-06-01',
  'anthropic-beta': 'claude-code-20250219,interleaved-thinking-2025-05-14,context-management-2025-06-27,prompt-caching-scope-2026-01-05,effort-2025-11-24,adaptive-thinking-2026-01-28',
  'x-app': 'cli',
  'User-Agent': 'claude-cli/2.1.0 (external, cli)',
};

const schema = (properties: Record<string, unknown>, required: string[]) => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties, required, additionalProperties: false,
});

const names = ['Task', 'Bash', 'Glob', 'Grep', 'Read', 'Edit', 'Write', 'NotebookEdit', 'WebFetch', 'TodoWrite', 'Skill'];

/** Claude Code's twelve tools: eleven with schemas, and `WebSearch` deferred with an empty one. */
export const claudeCodeTools = [
  ...names.map((name) => ({
    name,
    description: `The ${name} tool.`,
    input_schema: name === 'Bash'
      ? schema({ command: { type: 'string' }, description: { type: 'string' }, timeout: { type: 'number' } }, ['command'])
      : schema({ input: { type: 'string' } }, []),
  })),
  { name: 'WebSearch', description: 'Search the web.', input_schema: {}, defer_loading: true },
];

const cache = { type: 'ephemeral' };

/** The body of Claude Code's request for `messages` (the turns so far, in Anthropic's shape). */
export function claudeCodeBody(messages: unknown[], model = 'kimi-k3') {
  return {
    model,
    messages,
    system: [
      { type: 'text', text: "x-anthropic-billing-header: cc_version=2.1.0; cc_entrypoint=cli;" },
      { type: 'text', text: "You are Claude Code, Anthropic's official CLI for Claude.", cache_control: cache },
      { type: 'text', text: 'You are an interactive CLI tool that helps users with software engineering tasks.', cache_control: cache },
    ],
    tools: claudeCodeTools,
    metadata: { user_id: JSON.stringify({ device_id: 'a1b2', account_uuid: '', session_id: '5e55' }) },
    max_tokens: 32000,
    thinking: { type: 'adaptive', display: 'omitted' },
    context_management: { edits: [{ type: 'clear_thinking_20251015', keep: 'all' }] },
    output_config: { effort: 'high' },
    stream: true,
  };
}

/** The first request: the user's prompt, then a system reminder as the last message. */
export function firstTurn(prompt: string): unknown[] {
  return [
    { role: 'user', content: [{ type: 'text', text: '<system-reminder>Context for this session.</system-reminder>' }, { type: 'text', text: prompt, cache_control: cache }] },
    { role: 'system', content: 'The user is in the default permission mode.' },
  ];
}
