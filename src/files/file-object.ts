/** What a file is uploaded for. */
export const PURPOSES = ['file-extract', 'image', 'video', 'batch'] as const;
export type Purpose = (typeof PURPOSES)[number];

/** The FileObject of the Files API, key order as documented. */
export interface FileObject {
  id: string;
  object: 'file';
  bytes: number;
  created_at: number;
  filename: string;
  /** What it was uploaded for; `batch_output` for the output and error files a batch writes. */
  purpose: Purpose | 'batch_output';
  /** `ok` as in the documented examples (the OpenAPI says `ready`; see the README's Fidelity notes). */
  status: 'ok';
  status_details: string;
}

/** An uploaded file as the store keeps it. */
export interface StoredFile {
  meta: FileObject;
  /** The user (organisation) that uploaded it; other users never see it. */
  organization: string;
  /** The detected MIME type (`file_type` of the content endpoint). */
  mime: string;
  /** The extracted text, for `file-extract` files. */
  text?: string;
  content: Uint8Array;
}

/** The documented limits, overridable by the `fileLimits` option (e.g. to test the errors without 10 GB). */
export interface FileLimits {
  maxFiles: number;
  maxFileBytes: number;
  maxTotalBytes: number;
}
