import { invalidRequest } from '../../errors/moonshot-error.ts';
import { messagesRequestSchema, type MessagesRequest } from './messages-request.ts';

/**
 * Parses a /anthropic/v1/messages body. A bad field answers 400 naming its path the way Anthropic
 * does (`max_tokens: Field required`, `messages.0.content.1.type: …`), in the dialect's envelope.
 */
export function parseMessagesBody(body: unknown): MessagesRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidRequest('the request body must be a JSON object');
  const result = messagesRequestSchema.safeParse(body, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  const missing = issue.code === 'invalid_type' && issue.input === undefined;
  throw invalidRequest(`${path}: ${missing ? 'Field required' : issue.message.replace(/^Invalid input: /, '')}`);
}
