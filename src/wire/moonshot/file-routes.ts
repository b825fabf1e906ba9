import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { extname } from 'node:path';
import { payerOf } from '../../billing/bill-calls.ts';
import { createdSeconds } from '../../clock.ts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { MoonshotError } from '../../errors/moonshot-error.ts';
import { authenticate } from '../flow/authenticate.ts';
import { sendJson } from '../../transport/send-json.ts';
import { extractText, ExtractionError } from '../../files/extract-text.ts';
import { PURPOSES, type Purpose } from '../../files/file-object.ts';
import { sniffType } from '../../files/sniff-type.ts';
import { uploadErrors } from '../../files/upload-errors.ts';

/** Room for the multipart framing around a file of the largest allowed size. */
const MULTIPART_OVERHEAD = 1024 * 1024;

/**
 * The Files API: `POST /files` (multipart `file` + `purpose`), `GET /files`, `GET /files/{id}`,
 * `DELETE /files/{id}`, `GET /files/{id}/content` (file-extract only). Each user sees only its own
 * files. Uploads are checked (size, purpose, type) and, for `file-extract`, extracted before they
 * are acknowledged; an unreadable format answers 500 `Failed to extract file: …`, as documented.
 */
export function fileRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const { maxFileBytes } = deps.config.fileLimits;
  const owner = (apiKey: string) => payerOf(deps, apiKey).organization;
  const limitUpload = bodyLimit({
    maxSize: maxFileBytes + MULTIPART_OVERHEAD,
    onError: () => {
      throw uploadErrors.tooLarge(maxFileBytes);
    },
  });
  routes.post('/files', authenticate(deps), limitUpload, async (c) => {
    if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) throw uploadErrors.notMultipart();
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody();
    } catch (err) {
      if (err instanceof MoonshotError) throw err;
      throw uploadErrors.notMultipart();
    }
    const purpose = form.purpose;
    if (typeof purpose !== 'string' || !(PURPOSES as readonly string[]).includes(purpose)) throw uploadErrors.badPurpose();
    const file = form.file;
    if (!(file instanceof File)) throw uploadErrors.missingFile();
    if (file.size === 0) throw uploadErrors.empty();
    if (file.size > maxFileBytes) throw uploadErrors.tooLarge(maxFileBytes);
    const content = new Uint8Array(await file.arrayBuffer());
    const checked = await checkUpload(file.name, purpose as Purpose, content);
    const meta = await deps.files.add({
      organization: owner(c.get('apiKey')), filename: file.name, purpose: purpose as Purpose, content, ...checked, createdAt: createdSeconds(deps.clock, deps.config.fixedTime),
    });
    return sendJson(c, meta);
  });
  routes.get('/files', authenticate(deps), (c) =>
    sendJson(c, { object: 'list', data: deps.files.list(owner(c.get('apiKey')), c.req.query('purpose')) }),
  );
  routes.get('/files/:id', authenticate(deps), (c) => {
    const file = deps.files.get(owner(c.get('apiKey')), c.req.param('id'));
    if (!file) throw uploadErrors.notFound(c.req.param('id'));
    return sendJson(c, file.meta);
  });
  routes.delete('/files/:id', authenticate(deps), async (c) => {
    const id = c.req.param('id');
    if (!(await deps.files.remove(owner(c.get('apiKey')), id))) throw uploadErrors.notFound(id);
    return sendJson(c, { id, object: 'file', deleted: true });
  });
  routes.get('/files/:id/content', authenticate(deps), (c) => {
    const file = deps.files.get(owner(c.get('apiKey')), c.req.param('id'));
    if (!file) throw uploadErrors.notFound(c.req.param('id'));
    if (file.meta.purpose === 'batch' || file.meta.purpose === 'batch_output') return c.body(file.content as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/jsonl' });
    if (file.text === undefined) throw uploadErrors.noContent(file.meta.purpose);
    return sendJson(c, { content: file.text, file_type: file.mime, filename: file.meta.filename, title: '', type: 'file' });
  });
  return routes;
}

/** Checks an upload against its purpose; returns its MIME type and, for file-extract, its text. */
async function checkUpload(filename: string, purpose: Purpose, content: Uint8Array): Promise<{ mime: string; text?: string }> {
  if (purpose === 'file-extract') {
    try {
      return await extractText(filename, content);
    } catch (err) {
      if (!(err instanceof ExtractionError)) throw err;
      throw new MoonshotError({ kind: 'server_error', message: `Failed to extract file: ${err.message}` });
    }
  }
  if (purpose === 'batch') {
    if (extname(filename).toLowerCase() !== '.jsonl') throw uploadErrors.notJsonl(filename);
    return { mime: 'application/jsonl' };
  }
  const mime = sniffType(content);
  if (!mime?.startsWith(`${purpose}/`)) throw uploadErrors.notMedia(purpose, filename);
  return { mime };
}
