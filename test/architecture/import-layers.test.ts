import madge from 'madge';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The request flow, in order (see src/README.md). A stage may import the stages before it (whose
 * values it receives) and the foundation, never a stage after it; only the edges may import the
 * stages freely, and nothing but the top (root files) imports an edge — admin/ aside, which reuses
 * the Moonshot dialect's body parsing for its own routes.
 */
const FLOW = ['chat', 'limits', 'match', 'faults', 'fixtures', 'reply', 'transport', 'record'];
/** Folders (and root files) every stage may use. */
const FOUNDATION = ['errors', 'state', 'catalog', 'tokens', 'clock.ts', 'random.ts'];
/** The edges: dialects and the emulator's own routes; they receive `deps` (types only) from the top. */
const EDGES = ['wire/moonshot', 'admin'];
/** Folders of the top, composing everything like the root files: the command line's parts. */
const TOP = ['cli'];

/** The folder of a file under src/ (`wire/moonshot` for dialect files), or the root file's own name. */
function unitOf(file: string): string {
  const parts = file.split('/');
  if (parts.length === 1) return parts[0]!;
  return parts[0] === 'wire' ? `wire/${parts[1]}` : parts[0]!;
}

/** Why `from` may not import `to`, or undefined when it may. */
function violation(from: string, to: string): string | undefined {
  if (from === to || FOUNDATION.includes(to)) return undefined;
  const fromStage = FLOW.indexOf(from);
  const toStage = FLOW.indexOf(to);
  if (EDGES.includes(from)) {
    if (toStage >= 0 || to === 'deps.ts' || (from === 'admin' && to === 'wire/moonshot')) return undefined;
    return `the edge ${from} imports ${to}`;
  }
  if (FOUNDATION.includes(from)) return `the foundation (${from}) imports ${to}`;
  if (fromStage >= 0 && toStage >= 0) return toStage < fromStage ? undefined : `${from} imports ${to}, which comes after it in the flow`;
  if (fromStage >= 0) return `${from} imports ${to}, above the stages`;
  return undefined; // root files (app, server, cli, index, config, deps) compose everything
}

let graph: Record<string, string[]>;
let circular: string[][];
beforeAll(async () => {
  const result = await madge(`${root}src`, { fileExtensions: ['ts'], tsConfig: `${root}tsconfig.json` });
  graph = result.obj();
  circular = result.circular();
}, 60_000);

describe('the import graph of src/', () => {
  it('has no import cycle', () => {
    expect(circular).toEqual([]);
  });

  it('has no folder importing a folder after it in the flow, and no stage importing an edge or the top', () => {
    const found = new Set<string>();
    for (const [file, imports] of Object.entries(graph)) {
      for (const imported of imports) {
        const why = violation(unitOf(file), unitOf(imported));
        if (why) found.add(`${why} (${file} → ${imported})`);
      }
    }
    expect([...found]).toEqual([]);
  });

  it('sees every folder of src/ (a new folder must be placed in the flow)', () => {
    const units = new Set(Object.keys(graph).filter((file) => file.includes('/')).map(unitOf));
    expect([...units].filter((unit) => ![...FLOW, ...FOUNDATION, ...EDGES, ...TOP].includes(unit))).toEqual([]);
  });
});
