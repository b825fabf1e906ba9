import type { Pick } from '../../fixtures/pick-fixture.ts';
import type { Completion } from '../../reply/completion.ts';
import type { JournalEntry } from '../../state/journal-entry.ts';
import { totalUsage } from './completion-body.ts';

/** How the reply was chosen, as the journal shows it. */
export function matchNote(pick: Pick): NonNullable<JournalEntry['match']> {
  switch (pick.kind) {
    case 'fixture':
      return { outcome: 'fixture', fixture: pick.fixture.name, source: pick.fixture.source };
    case 'generate':
      return pick.explain ? { outcome: 'generated', reason: pick.explain() } : { outcome: 'generated' };
    case 'unmatched':
      return { outcome: 'unmatched', reason: pick.error.kind === 'fixture_unmatched' ? pick.error.explanation : pick.error.kind };
  }
}

/** The reply summary (first choice) and the usage the response reports. */
export function completionNote(completion: Completion): Pick_<JournalEntry, 'reply' | 'usage'> {
  const first = completion.choices[0]!;
  const { prompt_tokens, completion_tokens, total_tokens, cached_tokens } = totalUsage(completion);
  return {
    reply: {
      content: first.content,
      reasoningLength: first.reasoning?.length ?? 0,
      toolCalls: first.toolCalls.map(({ id, name, arguments: args }) => ({ id, name, arguments: args })),
      finishReason: first.finishReason,
      choices: completion.choices.length,
    },
    usage: cached_tokens === undefined ? { prompt_tokens, completion_tokens, total_tokens } : { prompt_tokens, completion_tokens, total_tokens, cached_tokens },
  };
}

type Pick_<T, K extends keyof T> = { [P in K]: T[P] };
