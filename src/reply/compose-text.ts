import type { Random } from '../random.ts';

// Short common words only, so generated text reads naturally and costs about one token per word.
const subjects = [
  'The main idea', 'A simple approach', 'The short answer', 'The first step', 'A careful review',
  'The best option', 'This kind of task', 'A good plan', 'The usual way', 'Each part of it',
];
const verbs = [
  'depends on', 'comes down to', 'starts with', 'builds on', 'relies on', 'works well with',
  'is mostly about', 'needs', 'benefits from', 'can begin with',
];
const objects = [
  'a clear goal', 'the input you give', 'a few small steps', 'the context of the question', 'plain and simple words',
  'code that is easy to test', 'the data at hand', 'a quick check of the facts', 'one change at a time', 'a short list of options',
];
const tails = ['', ' in most cases', ' for a task like this', ' when time is short', ' as a first pass', ' in practice'];
const thoughts = [
  'I should answer directly and keep it short', 'I need to look at what is being asked',
  'a clear structure will help here', 'I can give a short summary first', 'the key point should come first',
  'an example may make it clearer', 'I should check the details before I answer',
];

const pick = <T>(random: Random, list: readonly T[]): T => list[random.int(list.length)]!;

/**
 * Splits text into word pieces, each starting with its leading whitespace (` word`, `.`), so that
 * pieces line up with the tokenizer's own pre-tokenization and counts add up piece by piece.
 */
export function splitPieces(text: string): string[] {
  return text.match(/\s*[^\s]+|\s+$/g) ?? [];
}

/** Splits tool-call arguments the way the live stream does: `{"`, `city`, `":`, ` "`, `Paris`, `"}`. */
export function argumentSlices(args: string): string[] {
  return args.match(/\s*[\p{L}\p{N}_]+|\s*[^\p{L}\p{N}_\s]+|\s+/gu) ?? [];
}

/** A short quote of the user's text to make a reply read as an answer to it (at most 12 words). */
export function quoteOf(text: string): string {
  // The first 12 whitespace-separated words, found without collapsing the whole text first.
  const found: string[] = [];
  const word = /\S+/g;
  for (let m = word.exec(text); m !== null && found.length < 12; m = word.exec(text)) found.push(m[0]);
  const words = found.join(' ');
  return words.length > 80 ? `${words.slice(0, 80)}…` : words;
}

/** Plausible assistant prose: 2–5 sentences, deterministic for the random source's seed. */
export function composeAnswer(random: Random, topic: string): string {
  const sentences: string[] = [];
  if (topic) sentences.push(`You asked: "${topic}".`);
  const count = 2 + random.int(4);
  for (let i = 0; i < count; i++) {
    sentences.push(`${pick(random, subjects)} ${pick(random, verbs)} ${pick(random, objects)}${pick(random, tails)}.`);
  }
  return sentences.join(' ');
}

/** Plausible reasoning that precedes an answer: 2–4 sentences, and 2 more for each step of `extra` (effort). */
export function composeReasoning(random: Random, topic: string, extra = 0): string {
  const sentences = [topic ? `The user wrote "${topic}".` : 'The user sent a message.'];
  const count = 1 + random.int(3) + 2 * extra;
  for (let i = 0; i < count; i++) {
    const thought = pick(random, thoughts);
    sentences.push(`${thought[0]!.toUpperCase()}${thought.slice(1)}.`);
  }
  return sentences.join(' ');
}

/** A short phrase (2–6 words) for generated JSON string values. */
export function composePhrase(random: Random): string {
  const object = pick(random, objects);
  return random.int(2) === 0 ? object : `${pick(random, verbs)} ${object}`;
}
