import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { syncFolder, writeFileAtomic } from '../storage/atomic-write.ts';
import type { StoredFile } from './file-object.ts';

/** Where uploaded files live in a data folder: `files/<id>.bin` (content) and `files/<id>.json` (the record). */
export interface FileDisk {
  /** Every file whose record and content are both complete; leftovers of an interrupted write are removed. */
  load(): StoredFile[];
  /** Writes the content, then the record (the commit point), each atomically; resolves once both are on disk. */
  save(file: StoredFile): Promise<void>;
  /** Removes the record first, so a crash midway leaves no half file. */
  remove(id: string): Promise<void>;
  /** Removes these files at once, synchronously (a reset). */
  removeAll(ids: readonly string[]): void;
}

/** The data folder's file area, created if missing. */
export function createFileDisk(dataDir: string): FileDisk {
  const folder = join(dataDir, 'files');
  mkdirSync(folder, { recursive: true });
  const record = (id: string) => join(folder, `${id}.json`);
  const body = (id: string) => join(folder, `${id}.bin`);
  return {
    load() {
      const loaded: StoredFile[] = [];
      const names = readdirSync(folder);
      for (const name of names) {
        // A temporary file is a write that never reached its rename: never acknowledged.
        if (name.endsWith('.tmp')) rmSync(join(folder, name), { force: true });
      }
      for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.'))) {
        const id = name.slice(0, -'.json'.length);
        const saved = JSON.parse(readFileSync(record(id), 'utf8')) as Omit<StoredFile, 'content'>;
        if (!existsSync(body(id)) || statSync(body(id)).size !== saved.meta.bytes) continue;
        loaded.push({ ...saved, content: new Uint8Array(readFileSync(body(id))) });
      }
      const kept = new Set(loaded.map((file) => file.meta.id));
      for (const name of readdirSync(folder)) {
        // Content whose record was never written belongs to an upload that was not acknowledged.
        if (name.endsWith('.bin') && !kept.has(name.slice(0, -'.bin'.length))) rmSync(join(folder, name), { force: true });
      }
      return loaded.sort((a, b) => a.meta.created_at - b.meta.created_at || a.meta.id.localeCompare(b.meta.id));
    },
    async save(file) {
      const { content, ...saved } = file;
      await writeFileAtomic(body(file.meta.id), content, 'upload');
      await writeFileAtomic(record(file.meta.id), JSON.stringify(saved), 'upload');
    },
    removeAll(ids) {
      for (const id of ids) {
        rmSync(record(id), { force: true });
        rmSync(body(id), { force: true });
      }
    },
    async remove(id) {
      await rm(record(id), { force: true });
      await rm(body(id), { force: true });
      await syncFolder(folder);
    },
  };
}
