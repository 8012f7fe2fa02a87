// Body size: refused with 413 on the declared length, or while streaming, before it is all held in memory.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { DATABASES, useRegistry } from './harness';

describe.each(DATABASES)('body size limit on %s', (kind) => {
  const t = useRegistry(kind);

  it('refuses a declared body over 16 MiB with 413', async () => {
    const before = await t.stored();
    const res = await t.post('/v1/batches', `{"pad":"${'x'.repeat(16 * 1024 * 1024)}"}`);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'body too large: the limit is 16777216 bytes' });
    expect(await t.stored()).toEqual(before);
  });

  it('refuses a streamed body (no content-length) as soon as it passes the limit', async () => {
    const { status, body, sent } = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      const req = request(`${t.url}/v1/batches`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } });
      const chunk = Buffer.alloc(1024 * 1024, 'x');
      let sent = 0;
      req.on('response', (res) => {
        let text = '';
        const answeredAfter = sent;
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          resolve({ status: res.statusCode!, body: text, sent: answeredAfter });
          req.destroy(); // a client stops sending once it is refused
        });
      });
      req.on('error', reject);
      const pump = () => {
        // Up to 64 MiB; the server must answer long before.
        while (sent < 64 * 1024 * 1024 && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(status).toBe(413);
    expect(JSON.parse(body).error).toMatch(/body too large/);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
  });
});
