import { request } from 'node:http';

/** What a raw HTTP client saw of a stream: the `data:` payloads that arrived, and how it ended. */
export interface RawStream {
  status: number;
  /** `data:` payloads in arrival order (`[DONE]` kept as a string). */
  data: string[];
  /** `true` when the connection broke before the response ended. */
  broken: boolean;
}

/**
 * POSTs `body` to `url` with node:http (no SDK in between) and collects every `data:` line that
 * reaches the socket until the response ends or the connection breaks. `onData` sees each payload as
 * it arrives (e.g. to move a manual clock once the stream has begun).
 */
export function postRawStream(url: string, body: unknown, headers: Record<string, string> = {}, onData?: (data: string[]) => void): Promise<RawStream> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer sk-test', ...headers },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let buffer = '';
      const data: string[] = [];
      const finish = (broken: boolean) => resolve({ status: res.statusCode ?? 0, data, broken });
      res.setEncoding('utf8');
      res.on('data', (text: string) => {
        buffer += text;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (event.startsWith('data: ')) data.push(event.slice(6));
        }
        onData?.(data);
      });
      res.on('end', () => finish(false));
      res.on('error', () => finish(true));
      res.on('aborted', () => finish(true));
    });
    req.end(JSON.stringify(body));
  });
}
