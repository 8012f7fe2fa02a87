import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Checked } from '../core/validate-report';

/** A refusal with its HTTP status; the message is sent to the client as `{ "error": message }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** What a handler answers: JSON (an object) or text of the given type. */
export interface Reply {
  status: number;
  body: unknown;
  /** Set for a text body (RSL XML); JSON otherwise. */
  type?: string;
  headers?: Record<string, string>;
}

export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-expose-headers': 'server-timing',
  'access-control-max-age': '86400',
};

/** Write a reply, with CORS headers on every response. */
export function send(res: ServerResponse, reply: Reply): void {
  const text = reply.type ? String(reply.body) : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...CORS_HEADERS,
    'content-type': reply.type ?? 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...reply.headers,
  });
  res.end(text);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Read a JSON request's body, at most `limit` bytes. The limit is checked on the declared length and then on
 * every chunk as it arrives, so an oversized body is refused (413) without ever being held in memory.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) return Promise.reject(new HttpError(415, 'send the body as JSON, with content-type: application/json'));
  const tooLarge = () => new HttpError(413, `body too large: the limit is ${limit} bytes`);
  if (Number(req.headers['content-length']) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (!refused && size <= limit) return void chunks.push(chunk);
      if (!refused) {
        refused = true;
        chunks.length = 0;
        reject(tooLarge());
      }
      // What follows is read and dropped, so a client still sending can read our 413; a client that keeps
      // sending long after it (another full limit's worth) is cut off.
      if (size > 2 * limit) req.socket.destroy();
    });
    req.on('error', reject);
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks, size));
    });
  });
}

/** Parse a body as UTF-8 JSON, saying what is wrong with it if it is not. */
export function parseJson(bytes: Uint8Array): Checked<unknown> {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, error: 'body: not valid UTF-8' };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: `body: malformed JSON (${(e as Error).message})` };
  }
}

/** Read and parse a JSON body; a body that is not JSON is a 400. */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const json = parseJson(await readBody(req, limit));
  if (!json.ok) throw new HttpError(400, json.error);
  return json.value;
}

/** `Server-Timing` for the steps of one request, in milliseconds: where the time of a slow request went. */
export function serverTiming(steps: Record<string, number>): string {
  return Object.entries(steps)
    .map(([name, ms]) => `${name};dur=${ms.toFixed(1)}`)
    .join(', ');
}
