import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the README\'s vitest example', () => {
  it('is test/testing/readme-example.test.ts word for word, so CI runs what users copy', () => {
    const example = read('test/testing/readme-example.test.ts').trim();
    expect(read('README.md')).toContain(`\`\`\`ts\n${example}\n\`\`\``);
  });
});
