import { closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` to `path` so that a crash at any moment leaves either the old file or the new one,
 * never a torn one: write a temporary file beside it, fsync it, rename it over `path`, then fsync the
 * folder so the rename itself is on disk. Resolves only once all of that is done.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string, tag: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${tag}.tmp`);
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
  await syncFolder(dirname(path));
}

/** Fsyncs a folder, so the entries created, renamed or removed in it survive a crash. */
export async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** {@link writeFileAtomic} done synchronously, for small files that must be on disk before the call returns. */
export function writeFileAtomicSync(path: string, data: string, tag: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${tag}.tmp`);
  const fd = openSync(temporary, 'w');
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  const folder = openSync(dirname(path), 'r');
  try {
    fsyncSync(folder);
  } finally {
    closeSync(folder);
  }
}
