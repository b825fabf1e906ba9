import OpenAI, { toFile } from 'openai';
import { describe, expect, it } from 'vitest';
import { AUTH, mockApp } from '../support/mock-app.ts';
import { makePdf, tinyPng } from '../support/make-pdf.ts';
import { sdkClient } from '../support/sdk-client.ts';

const text = (content: string, name: string) => toFile(Buffer.from(content), name);

async function upload(app: ReturnType<typeof mockApp>, parts: Record<string, Blob | string>, headers = AUTH) {
  const form = new FormData();
  for (const [key, value] of Object.entries(parts)) form.append(key, value, ...(value instanceof File ? [value.name] : []));
  const res = await app.request('/v1/files', { method: 'POST', headers, body: form });
  return { status: res.status, json: (await res.json()) as any };
}

describe('Files API through the openai SDK', { timeout: 60_000 }, () => {
  it('uploads, lists, retrieves and deletes a file', async () => {
    const client = sdkClient(mockApp());
    const created = await client.files.create({ file: await text('hello', 'notes.txt'), purpose: 'file-extract' as never });
    expect(created).toMatchObject({ object: 'file', bytes: 5, filename: 'notes.txt', purpose: 'file-extract', status: 'ok', status_details: '' });
    expect(created.id).toMatch(/^file_[0-9a-v]{20}$/);
    const listed: string[] = [];
    for await (const file of client.files.list()) listed.push(file.id);
    expect(listed).toEqual([created.id]);
    expect((await client.files.retrieve(created.id)).filename).toBe('notes.txt');
    expect(await client.files.delete(created.id)).toEqual({ id: created.id, object: 'file', deleted: true });
    const after: string[] = [];
    for await (const file of client.files.list()) after.push(file.id);
    expect(after).toEqual([]);
  });

  it('serves the extracted text of a file-extract file as the documented JSON', async () => {
    const client = sdkClient(mockApp());
    const created = await client.files.create({ file: await text('# Title\nSome *markdown*.', 'doc.md'), purpose: 'file-extract' as never });
    const body = (await (await client.files.content(created.id)).json()) as any;
    expect(body).toEqual({ content: '# Title\nSome *markdown*.', file_type: 'text/markdown', filename: 'doc.md', title: '', type: 'file' });
  });

  it('extracts the text layer of a PDF', async () => {
    const client = sdkClient(mockApp());
    const created = await client.files.create({ file: await toFile(makePdf('Quarterly revenue grew'), 'report.pdf'), purpose: 'file-extract' as never });
    const body = (await (await client.files.content(created.id)).json()) as any;
    expect(body.content).toBe('Quarterly revenue grew');
    expect(body.file_type).toBe('application/pdf');
  });

  it('reduces HTML to its text', async () => {
    const client = sdkClient(mockApp());
    const html = '<html><head><style>p{}</style><title>Doc</title></head><body><p>Fish &amp; chips</p><script>x()</script></body></html>';
    const created = await client.files.create({ file: await text(html, 'page.html'), purpose: 'file-extract' as never });
    expect(((await (await client.files.content(created.id)).json()) as any).content).toBe('Doc\n\nFish & chips');
  });

  it('renames a duplicate file name', async () => {
    const client = sdkClient(mockApp());
    await client.files.create({ file: await text('a', 'data.csv'), purpose: 'file-extract' as never });
    const second = await client.files.create({ file: await text('b', 'data.csv'), purpose: 'file-extract' as never });
    expect(second.filename).toBe('data (1).csv');
  });

  it('answers 404 in the error envelope for an unknown id', async () => {
    const error = await sdkClient(mockApp()).files.retrieve('file_nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect((error as InstanceType<typeof OpenAI.NotFoundError>).error).toEqual({
      message: 'Not found the file file_nope or Permission denied', type: 'resource_not_found_error',
    });
  });

  it('keeps one user from seeing another user\'s files', async () => {
    const users = [
      { organization: 'org-a', keys: [{ key: 'sk-a' }] },
      { organization: 'org-b', keys: [{ key: 'sk-b' }] },
    ];
    const app = mockApp({ users });
    const created = await sdkClient(app, { apiKey: 'sk-a' }).files.create({ file: await text('x', 'a.txt'), purpose: 'file-extract' as never });
    const error = await sdkClient(app, { apiKey: 'sk-b' }).files.retrieve(created.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
  });
});

describe('Files API limits and checks', { timeout: 60_000 }, () => {
  it('refuses a zero-size file with the documented message', async () => {
    const res = await upload(mockApp(), { purpose: 'file-extract', file: new File([], 'empty.txt') });
    expect(res).toEqual({ status: 400, json: { error: { message: 'File size is zero, please confirm and re-upload the file', type: 'invalid_request_error' } } });
  });

  it('refuses a file over the per-file limit with the documented message', async () => {
    const app = mockApp({ fileLimits: { maxFileBytes: 1024 * 1024 } });
    const res = await upload(app, { purpose: 'file-extract', file: new File([new Uint8Array(1024 * 1024 + 1)], 'big.txt') });
    expect(res.json.error.message).toBe('File size is too large, max file size is 1MB, please confirm and re-upload the file');
  });

  it('refuses a body far over the limit before reading it all', async () => {
    const app = mockApp({ fileLimits: { maxFileBytes: 1024 } });
    const res = await upload(app, { purpose: 'file-extract', file: new File([new Uint8Array(3 * 1024 * 1024)], 'huge.txt') });
    expect(res.json.error.message).toBe('File size is too large, max file size is 1KB, please confirm and re-upload the file');
  });

  it('refuses the file after the per-user count limit', async () => {
    const app = mockApp({ fileLimits: { maxFiles: 2 } });
    for (const name of ['1.txt', '2.txt']) expect((await upload(app, { purpose: 'file-extract', file: new File(['x'], name) })).status).toBe(200);
    const res = await upload(app, { purpose: 'file-extract', file: new File(['x'], '3.txt') });
    expect(res.json.error.message).toBe('The number of files you have uploaded exceeded the max file count 2, please delete previous uploaded files');
  });

  it('refuses an upload that would pass the total size limit', async () => {
    const app = mockApp({ fileLimits: { maxTotalBytes: 10 } });
    await upload(app, { purpose: 'file-extract', file: new File(['123456'], 'a.txt') });
    const res = await upload(app, { purpose: 'file-extract', file: new File(['123456'], 'b.txt') });
    expect(res.json.error.message).toBe('The total size of files you have uploaded exceeded the max total size 10 bytes, please delete previous uploaded files');
  });

  it('refuses an unknown purpose', async () => {
    const res = await upload(mockApp(), { purpose: 'assistants', file: new File(['x'], 'a.txt') });
    expect(res.json.error.message).toBe("Invalid purpose: only 'file-extract', 'image', 'video', 'batch' accepted");
  });

  it('refuses an image purpose for bytes that are not an image', async () => {
    const res = await upload(mockApp(), { purpose: 'image', file: new File(['plain text'], 'cat.png') });
    expect(res.json.error.message).toBe('Invalid request: cat.png is not a supported image (png, jpeg, gif, webp, bmp)');
  });

  it('does not OCR an image sent for extraction', async () => {
    const res = await upload(mockApp(), { purpose: 'file-extract', file: new File([tinyPng], 'scan.png') });
    expect(res.status).toBe(500);
    expect(res.json.error).toEqual({
      type: 'server_error',
      message: "Failed to extract file: scan.png is an image, and images are not OCR'd by file-extract; upload it with purpose=image and send it as ms://<file_id>",
    });
  });

  it('names what it can read for a format it cannot', async () => {
    const res = await upload(mockApp(), { purpose: 'file-extract', file: new File([new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])], 'sheet.xlsx') });
    expect(res.json.error.message).toBe('Failed to extract file: cannot read application/zip files like sheet.xlsx; it reads plain text, Markdown, JSON, CSV, HTML and PDF');
  });

  it('refuses a batch file that is not .jsonl', async () => {
    const res = await upload(mockApp(), { purpose: 'batch', file: new File(['{}'], 'lines.json') });
    expect(res.json.error.message).toBe('Invalid request: batch files must be .jsonl, got lines.json');
  });

  it('has no extracted content for an image file', async () => {
    const app = mockApp();
    const { json } = await upload(app, { purpose: 'image', file: new File([tinyPng], 'dot.png') });
    const res = await app.request(`/v1/files/${json.id}/content`, { headers: AUTH });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.message).toBe('Invalid request: only files uploaded with purpose file-extract have extracted content; this one has purpose image');
  });
});

describe('Files API over a real socket', { timeout: 60_000 }, () => {
  it('uploads through the Node server and refuses an oversized file there too', async () => {
    const { startServer } = await import('../../src/index.ts');
    const server = await startServer({ port: 0, fileLimits: { maxFileBytes: 1024 } });
    try {
      const client = new OpenAI({ apiKey: 'k', baseURL: server.baseURL, maxRetries: 0 });
      const small = await client.files.create({ file: await text('small', 'small.txt'), purpose: 'file-extract' as never });
      expect(small.bytes).toBe(5);
      const error = await client.files.create({ file: await toFile(Buffer.alloc(3 * 1024 * 1024, 'a'), 'big.txt'), purpose: 'file-extract' as never }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect((error as InstanceType<typeof OpenAI.BadRequestError>).error).toEqual({
        message: 'File size is too large, max file size is 1KB, please confirm and re-upload the file', type: 'invalid_request_error',
      });
    } finally {
      await server.close();
    }
  });
});

describe('Files API: malformed uploads', { timeout: 60_000 }, () => {
  it('answers a JSON body with the multipart error, not a crash', async () => {
    const res = await mockApp().request('/v1/files', { method: 'POST', headers: { ...AUTH, 'Content-Type': 'application/json' }, body: '{"purpose":"file-extract"}' });
    expect([res.status, ((await res.json()) as any).error.message]).toEqual([400, 'Invalid request: expected a multipart/form-data body with the fields `file` and `purpose`']);
  });

  it('answers a broken multipart body with the multipart error', async () => {
    const headers = { ...AUTH, 'Content-Type': 'multipart/form-data; boundary=xyz' };
    const res = await mockApp().request('/v1/files', { method: 'POST', headers, body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.type).toBe('invalid_request_error');
  });

  it('asks for the file when only the purpose is sent', async () => {
    const res = await upload(mockApp(), { purpose: 'file-extract' });
    expect(res.json.error.message).toBe('Invalid request: the `file` field of the multipart form is required and must be a file');
  });
});
