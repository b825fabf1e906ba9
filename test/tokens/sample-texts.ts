import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A slice of a file shipped with the typescript devDependency (code, English JSDoc, localized JSON). */
function typescriptFile(relative: string, start: number, length: number): string {
  const text = readFileSync(require.resolve(`typescript/lib/${relative}`), 'utf8');
  return text.slice(start, start + length);
}

/** Deterministic pseudo-random text over a mixed alphabet (seeded LCG; no Math.random). */
export function mixedNoise(seed: number, length: number): string {
  const alphabet = [
    ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
    ...'      \n\n\t\r\'"!?.,;:-_/\\()[]{}<>|=+*&^%$#@~`',
    'é', 'ß', 'ñ', 'Ω', 'ж', 'Ж', 'ا', 'ש', 'क', '्', '中', '文', '日', '本', '한', '국', 'ア', 'ー',
    '😀', '👍🏽', '👨‍👩‍👧', '🇫🇷', '\u0301', '\u200d', '\ufeff', '\u00a0', '\u3000', 'ǅ', 'Ⅻ', '½', '²',
    "'s", "'T", "'re", "'LL", '<|endoftext|>', '\ud800', '\udfff',
  ];
  let state = seed >>> 0;
  let total = 0;
  const parts: string[] = [];
  while (total < length) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const part = alphabet[state % alphabet.length] as string;
    parts.push(part);
    total += part.length;
  }
  return parts.join(''); // a flat string (repeated += would build a deep rope)
}

/** Deterministic base64 of pseudo-random bytes (one very long piece-rich string). */
export function base64Blob(seed: number, bytes: number): string {
  const data = new Uint8Array(bytes);
  let state = seed >>> 0;
  for (let i = 0; i < bytes; i++) {
    state = (Math.imul(state, 22695477) + 1) >>> 0;
    data[i] = state >>> 24;
  }
  return Buffer.from(data).toString('base64');
}

/** Varied ordinary texts for token-for-token comparisons with js-tiktoken (every piece ≤ a few KB). */
export const SAMPLE_TEXTS: readonly string[] = [
  '',
  ' ',
  'a',
  'Hello, world!',
  "The quick brown fox jumps over the lazy dog. It's 3:45pm; we'll see if they're DONE by then, I'M sure.",
  'Supercalifragilisticexpialidocious antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis',
  'function fib(n: number): number {\n  return n < 2 ? n : fib(n - 1) + fib(n - 2);\n}\n\nconsole.log(fib(30));\n',
  'def main():\n\tfor i in range(10):\n\t\tprint(f"{i:>4}")\r\n\r\n    return None  # done\n',
  '{"model":"kimi-k2","messages":[{"role":"user","content":"hi"}],"temperature":0.3,"tools":[{"type":"function"}]}',
  '人工智能是计算机科学的一个分支，它企图了解智能的实质，并生产出一种新的能以人类智能相似的方式做出反应的智能机器。',
  '月之暗面（Moonshot AI）发布了 Kimi 大模型。東京都は日本の首都です。한국어 텍스트도 포함합니다.',
  'Emoji: 😀😃😄 👍🏽 👨‍👩‍👧‍👦 🇫🇷🇯🇵 ❤️‍🔥 🏳️‍🌈 and ✨sparkles✨',
  'Numbers: 0 1 12 123 1234 12345 123456 3.14159 -42 1e10 0xFF 1,000,000 ½ ² Ⅻ ٣٤٥',
  'Whitespace:   three\t\ttabs\n\n\nnewlines\r\n\r\nCRLF \n \n  trailing   \n',
  '<|endoftext|> is special, so are <|endofprompt|>, <|fim_prefix|><|fim_middle|><|fim_suffix|> but here they are text.',
  'Ünïcödé àccénts, Ελληνικά, Русский язык, עברית, العربية, हिन्दी, ภาษาไทย, Tiếng Việt',
  'Combining: e\u0301 a\u0308 n\u0303 \u0301\u0301\u0301 Z\u0351\u0352\u0353\u0354 zero\u200bwidth\u200d joiners',
  'Lone surrogates: \ud800 x \udfff \ud83d and a BOM \ufeff with NBSP\u00a0and ideographic\u3000space',
  "Contractions: don't can't won't it's IT'S they've WE'VE I'd you'LL she'S o'clock rock'n'roll",
  'https://platform.moonshot.cn/docs/api/chat?model=kimi-k2-0905-preview&stream=true#tool-calls',
  'MixedCASEWordsLikeXMLHttpRequest and HTTPServer and iPhone and eBay and McDonald',
  'a'.repeat(2000),
  'ab'.repeat(700),
  ' '.repeat(1500) + 'x',
  '\n'.repeat(500),
  '!'.repeat(1500),
  '1'.repeat(1000),
  '中'.repeat(600),
  '😀'.repeat(300),
  '=-'.repeat(500),
  base64Blob(7, 3000),
  mixedNoise(1, 4000),
  mixedNoise(2, 4000),
  mixedNoise(3, 4000),
  typescriptFile('lib.es5.d.ts', 20000, 12000),
  typescriptFile('lib.dom.d.ts', 500000, 12000),
  typescriptFile('zh-cn/diagnosticMessages.generated.json', 10000, 8000),
  typescriptFile('ja/diagnosticMessages.generated.json', 30000, 6000),
  typescriptFile('ko/diagnosticMessages.generated.json', 50000, 6000),
];
