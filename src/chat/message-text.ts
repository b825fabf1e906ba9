import type { ChatMessage } from './chat-request.ts';

/** Text of a message's content: the string, or its text parts joined with "\n". */
export function messageText(message: ChatMessage): string {
  if (typeof message.content === 'string') return message.content;
  return (message.content ?? []).flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n');
}
