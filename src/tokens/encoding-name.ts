/** Encodings the token counter can load from `js-tiktoken/ranks/<name>`. */
export const ENCODING_NAMES = ['o200k_base', 'cl100k_base'] as const;

/** Name of a supported BPE encoding. */
export type EncodingName = (typeof ENCODING_NAMES)[number];

/** Encoding used when none is given: o200k_base. */
export const DEFAULT_ENCODING: EncodingName = 'o200k_base';

/** True only for the exact names in {@link ENCODING_NAMES} (case-sensitive; any non-string is false). */
export function isEncodingName(value: unknown): value is EncodingName {
  return typeof value === 'string' && (ENCODING_NAMES as readonly string[]).includes(value);
}

/** No token of either encoding is longer than this many bytes, so a text has at least length / 128 tokens. */
export const MAX_TOKEN_BYTES = 128;
