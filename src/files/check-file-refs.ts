import type { ChatRequest } from '../chat/chat-request.ts';
import { invalidRequest } from '../errors/moonshot-error.ts';
import type { FileStore } from './file-store.ts';

const SCHEME = 'ms://';

/**
 * Checks every `ms://<file_id>` in `image_url.url` / `video_url.url`: the id must be one of the
 * caller's files, uploaded with the part's purpose (`image` or `video`) and holding bytes of that
 * kind. Other URLs (data URLs) are left to the other checks. Such a part counts in the prompt like an
 * inline one (see countPrompt). Throws a 400 `invalid_request_error` naming the message and the id.
 */
export function checkFileRefs(request: ChatRequest, files: FileStore, organization: string): void {
  request.messages.forEach((message, index) => {
    if (!Array.isArray(message.content)) return;
    for (const part of message.content) {
      if (part.type === 'text') continue;
      const kind = part.type === 'image_url' ? 'image' : 'video';
      const target = part.type === 'image_url' ? part.image_url : part.video_url;
      const url = typeof target === 'string' ? target : target.url;
      if (!url.startsWith(SCHEME)) continue;
      const id = url.slice(SCHEME.length);
      const where = `the ${part.type} of the message at position ${index}`;
      const file = files.get(organization, id);
      if (!file) throw invalidRequest(`file ${id} referenced by ${where} is not found`);
      if (file.meta.purpose !== kind || !file.mime.startsWith(`${kind}/`)) {
        throw invalidRequest(`file ${id} referenced by ${where} was uploaded with purpose ${file.meta.purpose}; ${part.type} takes files uploaded with purpose ${kind}`);
      }
    }
  });
}
