import { extname } from 'node:path';
import { createRandom } from '../random.ts';
import type { FileLimits, FileObject, Purpose, StoredFile } from './file-object.ts';
import type { FileDisk } from './file-disk.ts';
import { uploadErrors } from './upload-errors.ts';

/** A new upload, after the route has read and checked it. */
export interface NewFile {
  organization: string;
  filename: string;
  purpose: Purpose | 'batch_output';
  content: Uint8Array;
  mime: string;
  text?: string;
  createdAt: number;
  /** Not counted against the user's limits (files the emulator writes itself, e.g. batch output). */
  exempt?: boolean;
}

/** Every user's uploaded files: limits, names, ids; kept on disk too when a data folder is in use. */
export interface FileStore {
  /**
   * Stores a file and resolves with its FileObject once it is kept (on disk, with a data folder).
   * Throws the documented 400s when the user is at 1,000 files or the upload would pass 10 GB.
   * A name the user already has gets ` (1)`, ` (2)`, … before its extension.
   */
  add(file: NewFile): Promise<FileObject>;
  /** The user's files, newest first, optionally of one purpose. */
  list(organization: string, purpose?: string): FileObject[];
  /** The user's file with this id; undefined for an unknown id or another user's file. */
  get(organization: string, id: string): StoredFile | undefined;
  /** Deletes the user's file (from disk too); false when there is none with this id. */
  remove(organization: string, id: string): Promise<boolean>;
  /** Forgets every file (and deletes them from the data folder). */
  reset(): void;
}

/** Options of the store. */
export interface FileStoreOptions {
  limits: FileLimits;
  seed: number;
  /** Ids carry the `file_` prefix (since 2026-08); before that they were bare xid-like strings. */
  prefixIds: boolean;
  disk?: FileDisk;
}

/** The first day on which new file ids carry the `file_` prefix (the changelog says August 2026). */
export const FILE_ID_PREFIX_SINCE = '2026-08-01';

/** xid's alphabet: lowercase base32hex. */
const XID_ALPHABET = '0123456789abcdefghijklmnopqrstuv';

/** Creates the store, loading what the data folder already holds. */
export function createFileStore(options: FileStoreOptions): FileStore {
  const files = new Map<string, StoredFile>();
  for (const file of options.disk?.load() ?? []) files.set(file.meta.id, file);
  const random = createRandom(`files|${options.seed}|${files.size}`);
  const newId = () => {
    let id = '';
    while (id.length === 0 || files.has(id) || files.has(`file_${id}`)) {
      id = Array.from({ length: 20 }, () => XID_ALPHABET[random.int(32)]).join('');
    }
    return options.prefixIds ? `file_${id}` : id;
  };
  const owned = (organization: string) => [...files.values()].filter((file) => file.organization === organization);
  return {
    async add(upload) {
      const mine = owned(upload.organization);
      const { maxFiles, maxTotalBytes } = options.limits;
      if (!upload.exempt && mine.length >= maxFiles) {
        throw uploadErrors.tooMany(maxFiles);
      }
      const used = mine.reduce((sum, file) => sum + file.meta.bytes, 0);
      if (!upload.exempt && used + upload.content.byteLength > maxTotalBytes) {
        throw uploadErrors.tooMuchTotal(maxTotalBytes);
      }
      const meta: FileObject = {
        id: newId(),
        object: 'file',
        bytes: upload.content.byteLength,
        created_at: upload.createdAt,
        filename: uniqueName(upload.filename, new Set(mine.map((file) => file.meta.filename))),
        purpose: upload.purpose,
        status: 'ok',
        status_details: '',
      };
      const stored: StoredFile = { meta, organization: upload.organization, mime: upload.mime, content: upload.content };
      if (upload.text !== undefined) stored.text = upload.text;
      files.set(meta.id, stored);
      try {
        await options.disk?.save(stored);
      } catch (err) {
        files.delete(meta.id);
        throw err;
      }
      return meta;
    },
    list(organization, purpose) {
      return owned(organization)
        .filter((file) => purpose === undefined || file.meta.purpose === purpose)
        .map((file) => file.meta)
        .reverse();
    },
    get(organization, id) {
      const file = files.get(id);
      return file?.organization === organization ? file : undefined;
    },
    async remove(organization, id) {
      if (!this.get(organization, id)) return false;
      files.delete(id);
      await options.disk?.remove(id);
      return true;
    },
    reset() {
      const ids = [...files.keys()];
      files.clear();
      options.disk?.removeAll(ids);
    },
  };
}

/** `report.pdf` → `report (1).pdf` (the next free number) when the name is taken. */
function uniqueName(name: string, taken: Set<string>): string {
  if (!taken.has(name)) return name;
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length);
  for (let n = 1; ; n++) {
    const candidate = `${stem} (${n})${extension}`;
    if (!taken.has(candidate)) return candidate;
  }
}
