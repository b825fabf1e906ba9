import type { MatchConditions as FixtureMatch } from '../match/match-schema.ts';
import type { RequestView } from '../match/request-view.ts';

/**
 * The `match` of a recorded fixture, from the same request view the matcher reads: model, role of the
 * last message, turn (user messages so far), thinking, the tools declared (`false` for none), and
 * either the last user text (exactly) or the last trailing tool result (its tool and its whole text).
 * The system prompt is left out: agents send long ones that change between versions.
 */
export function deriveMatch(view: RequestView): FixtureMatch {
  const match: FixtureMatch = {
    model: view.model,
    lastRole: view.lastRole as NonNullable<FixtureMatch['lastRole']>,
    turn: view.turn,
    thinking: view.thinking,
    tools: view.toolNames.length > 0 ? [...view.toolNames] : false,
  };
  if (view.lastRole === 'user' && view.lastUserText !== undefined) match.user = { equals: view.lastUserText };
  const result = view.trailingToolResults.at(-1);
  if (result) match.toolResult = { ...(result.name !== undefined && { name: result.name }), contains: result.content };
  if (view.responseFormat !== 'text') match.responseFormat = view.responseFormat;
  if (view.partial) match.partial = true;
  return match;
}
