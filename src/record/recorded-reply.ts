import type { FixtureReply } from '../fixtures/fixture-schema.ts';

/** A reply as record mode writes it: the fixture schema's input shape. */
export type RecordedReply = Omit<FixtureReply, 'choices'> & { choices?: Array<Omit<FixtureReply, 'choices' | 'usage'>> };
/** One choice of a recorded reply. */
export type RecordedChoice = Omit<FixtureReply, 'choices' | 'usage'>;

const FINISH_REASONS = new Set(['stop', 'length', 'tool_calls']);

/** A wire `finish_reason` the fixture schema knows, else undefined (derived again on replay). */
export function recordedFinish(reason: unknown): RecordedChoice['finish_reason'] {
  return typeof reason === 'string' && FINISH_REASONS.has(reason) ? (reason as RecordedChoice['finish_reason']) : undefined;
}

/**
 * Tool-call arguments as written: the parsed object when serialising it gives back the very same
 * bytes (so the replay sends what the upstream sent), else the string as is.
 */
export function recordedArguments(text: string): string | Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    const isObject = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
    return isObject && JSON.stringify(parsed) === text ? (parsed as Record<string, unknown>) : text;
  } catch {
    return text;
  }
}

/**
 * The fixture `usage` of a wire usage object: prompt, completion, reasoning and cached tokens (top
 * level or under `prompt_tokens_details`). With several choices only prompt and cached tokens are kept:
 * a fixture's completion count applies to each choice, the wire one is their sum.
 */
export function recordedUsage(usage: unknown, choices: number): FixtureReply['usage'] {
  if (usage === null || typeof usage !== 'object') return undefined;
  const wire = usage as {
    prompt_tokens?: number; completion_tokens?: number; cached_tokens?: number;
    completion_tokens_details?: { reasoning_tokens?: number }; prompt_tokens_details?: { cached_tokens?: number };
  };
  const out: NonNullable<FixtureReply['usage']> = {};
  const count = (n: unknown) => (typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined);
  const prompt = count(wire.prompt_tokens);
  if (prompt !== undefined) out.prompt_tokens = prompt;
  if (choices === 1) {
    const completion = count(wire.completion_tokens);
    const reasoning = count(wire.completion_tokens_details?.reasoning_tokens);
    if (completion !== undefined) out.completion_tokens = completion;
    if (reasoning !== undefined) out.reasoning_tokens = reasoning;
  }
  const cached = count(wire.cached_tokens ?? wire.prompt_tokens_details?.cached_tokens);
  if (cached !== undefined) out.cached_tokens = cached;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** One choice per index as the reply itself when there is one, else under `choices`. */
export function recordedReply(choices: RecordedChoice[], usage: FixtureReply['usage']): RecordedReply {
  const reply: RecordedReply = choices.length === 1 ? { ...choices[0]! } : { choices };
  if (usage !== undefined) reply.usage = usage;
  return reply;
}
