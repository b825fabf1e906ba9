/** Magic numbers of the image formats the API takes, and of common things that are not images. */
const signatures: Array<[string, number[], number?]> = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/gif', [0x47, 0x49, 0x46, 0x38]],
  ['image/bmp', [0x42, 0x4d]],
  ['image/webp', [0x57, 0x45, 0x42, 0x50], 8],
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['application/zip', [0x50, 0x4b, 0x03, 0x04]],
  ['application/x-gzip', [0x1f, 0x8b, 0x08]],
];

const startsWith = (bytes: Uint8Array, sig: number[], at = 0): boolean => sig.every((b, i) => bytes[at + i] === b);

/**
 * The media type of some bytes, sniffed from their content the way Go's `http.DetectContentType`
 * names it (the live error shows `text/plain; charset=utf-8`): known magic numbers first, then text
 * (no control bytes) or `application/octet-stream`. WebP also needs `RIFF` at the start.
 */
export function sniffMediaType(bytes: Uint8Array): string {
  for (const [type, sig, at] of signatures) {
    if (startsWith(bytes, sig, at) && (type !== 'image/webp' || startsWith(bytes, [0x52, 0x49, 0x46, 0x46]))) return type;
  }
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'text/html; charset=utf-8';
  if (head.startsWith('<?xml')) return 'text/xml; charset=utf-8';
  const binary = bytes.subarray(0, 512).some((b) => b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b));
  return binary ? 'application/octet-stream' : 'text/plain; charset=utf-8';
}

/** Whether a sniffed type is an image the API decodes. */
export const isImageType = (type: string): boolean => type.startsWith('image/');
