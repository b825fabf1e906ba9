import type { Model } from '../catalog/model-entry.ts';
import type { ChatRequest, ToolDeclaration } from './chat-request.ts';
import { MoonshotError, invalidRequest } from '../errors/moonshot-error.ts';
import { checkJsonSchema } from './check-json-schema.ts';

const MAX_TOOLS = 128;
/** The function-name pattern of the vendor's OpenAPI file (S3). */
const NAME_PATTERN = /^[a-zA-Z_][a-zA-Z0-9-_]{2,63}$/;

const incompatible = (choice: string): MoonshotError =>
  new MoonshotError({ kind: 'invalid_request', message: `tool_choice '${choice}' is incompatible with thinking enabled` });

/** Every tool the request declares: `tools`, then those of dynamic-tools system messages. */
export function declaredTools(request: ChatRequest): ToolDeclaration[] {
  const tools = [...(request.tools ?? [])];
  for (const message of request.messages) if (message.role === 'system' && message.tools) tools.push(...message.tools);
  return tools;
}

/**
 * Tool rules (B1 "Tools"): at most 128, names matching the pattern (builtin `$` names exempt), no
 * duplicates, `parameters` in Moonshot-flavoured JSON Schema; while thinking, `tool_choice` only of
 * the kinds the model allows then (live: "tool_choice 'required' is incompatible with thinking
 * enabled"); a named choice must be declared.
 */
export function checkTools(model: Model, request: ChatRequest, thinking: boolean): void {
  const tools = declaredTools(request);
  if (tools.length > MAX_TOOLS) throw invalidRequest(`too many tools: at most ${MAX_TOOLS} are allowed, got ${tools.length}`);
  const names = new Set<string>();
  for (const tool of tools) {
    const { name, parameters } = tool.function;
    const builtin = tool.type === 'builtin_function' && name.startsWith('$');
    if (!builtin && !NAME_PATTERN.test(name)) {
      throw invalidRequest('function name is invalid, must start with a letter and can contain letters, numbers, underscores, and dashes');
    }
    if (names.has(name)) throw invalidRequest(`function name ${name} is duplicated`);
    names.add(name);
    if (parameters != null) checkJsonSchema(parameters, 'tools.function.parameters');
  }
  const choice = request.tool_choice;
  if (choice == null || choice === 'auto' || choice === 'none') return;
  const kind = typeof choice === 'string' ? choice : 'function';
  if (thinking && !model.thinking.tool_choice.includes(kind)) throw incompatible(kind === 'function' ? 'specified' : kind);
  if (tools.length === 0) throw invalidRequest('tool_choice is set but no tools are declared');
  if (typeof choice === 'object' && !names.has(choice.function.name)) {
    throw invalidRequest(`tool_choice names function ${choice.function.name}, which is not in tools`);
  }
}
