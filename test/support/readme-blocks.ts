/** One fenced code block of a Markdown file, with the `<!-- example: MODE -->` marker right before it. */
export interface ReadmeBlock {
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  /** The marker's mode (`run`, `serve`, ...), or undefined when the block has none. */
  mode: string | undefined;
  code: string;
}

/** The fenced blocks of `markdown`, in order. */
export function readmeBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split('\n');
  const blocks: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    let previous = i - 1;
    while (previous >= 0 && lines[previous]!.trim() === '') previous--;
    const mode = /^<!-- example: ([\w-]+) -->$/.exec(lines[previous] ?? '')?.[1];
    const start = i;
    while (++i < lines.length && lines[i] !== '```');
    blocks.push({ line: start + 1, lang: open[1]!, mode, code: lines.slice(start + 1, i).join('\n') + '\n' });
  }
  return blocks;
}
