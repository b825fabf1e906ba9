import { MoonshotError } from '../errors/moonshot-error.ts';
import { PURPOSES } from './file-object.ts';

/** A 400 `invalid_request_error` with a documented message that has no `Invalid request:` prefix. */
const plain = (message: string) => new MoonshotError({ kind: 'invalid_request', message });

/** `104857600` → `100MB`, as the documented messages write sizes. */
export function formatBytes(bytes: number): string {
  for (const [unit, size] of [['GB', 1024 ** 3], ['MB', 1024 ** 2], ['KB', 1024]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return `${bytes} bytes`;
}

/** The Files API's errors, worded as the errors page documents them ([G] marks a guessed wording). */
export const uploadErrors = {
  tooLarge: (maxBytes: number) => plain(`File size is too large, max file size is ${formatBytes(maxBytes)}, please confirm and re-upload the file`),
  empty: () => plain('File size is zero, please confirm and re-upload the file'),
  tooMany: (maxFiles: number) =>
    plain(`The number of files you have uploaded exceeded the max file count ${maxFiles}, please delete previous uploaded files`),
  /** [G] modelled on the file-count message. */
  tooMuchTotal: (maxBytes: number) =>
    plain(`The total size of files you have uploaded exceeded the max total size ${formatBytes(maxBytes)}, please delete previous uploaded files`),
  /** [G] the documented legacy wording, widened to today's purposes. */
  badPurpose: () => plain(`Invalid purpose: only ${PURPOSES.map((p) => `'${p}'`).join(', ')} accepted`),
  /** [G] */
  notMultipart: () => plain('Invalid request: expected a multipart/form-data body with the fields `file` and `purpose`'),
  /** [G] */
  missingFile: () => plain('Invalid request: the `file` field of the multipart form is required and must be a file'),
  /** [G] the batch guide requires .jsonl files. */
  notJsonl: (filename: string) => plain(`Invalid request: batch files must be .jsonl, got ${filename}`),
  /** [G] */
  notMedia: (purpose: 'image' | 'video', filename: string) =>
    plain(`Invalid request: ${filename} is not a supported ${purpose} (${purpose === 'image' ? 'png, jpeg, gif, webp, bmp' : 'mp4, mov, webm, avi'})`),
  /** [G] */
  noContent: (purpose: string) => plain(`Invalid request: only files uploaded with purpose file-extract have extracted content; this one has purpose ${purpose}`),
  /** [G] the envelope and type are documented for unknown resources; the wording is a guess. */
  notFound: (id: string) => new MoonshotError({ kind: 'resource_not_found', message: `Not found the file ${id} or Permission denied` }),
};
