import { extname } from 'node:path';
import { htmlToText } from './html-to-text.ts';
import { sniffType } from './sniff-type.ts';

/** Why a file could not be extracted; the route answers `Failed to extract file: {reason}`. */
export class ExtractionError extends Error {
  override name = 'ExtractionError';
}

/** What `file-extract` got out of a file. */
export interface Extraction {
  /** The MIME type reported as `file_type`. */
  mime: string;
  text: string;
}

const TEXT_TYPES: Record<string, string> = {
  '.txt': 'text/plain', '.text': 'text/plain', '.log': 'text/plain', '.md': 'text/markdown', '.markdown': 'text/markdown',
  '.json': 'application/json', '.jsonl': 'application/jsonl', '.csv': 'text/csv', '.tsv': 'text/tab-separated-values',
  '.html': 'text/html', '.htm': 'text/html', '.xml': 'application/xml', '.yaml': 'application/yaml', '.yml': 'application/yaml',
};

const READABLE = 'it reads plain text, Markdown, JSON, CSV, HTML and PDF';

/**
 * Extracts the text of an uploaded `file-extract` file: PDFs through unpdf (pdf.js), HTML reduced to
 * its text, any other valid UTF-8 file (plain text, Markdown, JSON, CSV, code) as it is. Images are
 * not OCR'd (as on the real API since 2026-08) and other binary formats (docx, xlsx, …) are not read:
 * both throw an `ExtractionError` that says what to do instead.
 */
export async function extractText(filename: string, bytes: Uint8Array): Promise<Extraction> {
  const sniffed = sniffType(bytes);
  const extension = extname(filename).toLowerCase();
  if (sniffed === 'application/pdf') return { mime: sniffed, text: await readPdf(bytes) };
  if (sniffed?.startsWith('image/')) {
    throw new ExtractionError(`${filename} is an image, and images are not OCR'd by file-extract; upload it with purpose=image and send it as ms://<file_id>`);
  }
  if (sniffed !== undefined) throw new ExtractionError(`cannot read ${sniffed} files like ${filename}; ${READABLE}`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ExtractionError(`${filename} is neither UTF-8 text nor a PDF; ${READABLE}`);
  }
  if (text.includes('\u0000')) throw new ExtractionError(`${filename} is a binary file; ${READABLE}`);
  const mime = TEXT_TYPES[extension] ?? 'text/plain';
  return { mime, text: mime === 'text/html' ? htmlToText(text) : text.replace(/^\uFEFF/, '') };
}

async function readPdf(bytes: Uint8Array): Promise<string> {
  try {
    // Imported on first use: pdf.js is large and most runs never see a PDF.
    const { extractText: extractPdfText, getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractPdfText(pdf, { mergePages: false });
    const joined = text.map((page) => page.trim()).join('\n\n').trim();
    // An image-only PDF has no text layer; the real API stopped OCR-ing those in 2026-08.
    if (joined === '') throw new ExtractionError("the PDF has no text layer (image-only PDFs are not OCR'd)");
    return joined;
  } catch (err) {
    if (err instanceof ExtractionError) throw err;
    throw new ExtractionError(`the PDF could not be read: ${(err as Error).message}`);
  }
}
