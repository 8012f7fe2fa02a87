// Health, CORS for the extension's service worker, and plain answers for unknown paths and methods.
import { describe, expect, it } from 'vitest';
import { DATABASES, useRegistry } from './harness';

describe.each(DATABASES)('the server on %s', (kind) => {
  const t = useRegistry(kind);

  it('reports health with the database kind and the offer count', async () => {
    const res = await t.get('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: kind, offers: 0 });
  });

  it('answers a CORS preflight and sends allow-origin on every answer, errors included', async () => {
    const pre = await fetch(`${t.url}/v1/batches`, {
      method: 'OPTIONS',
      headers: { origin: 'chrome-extension://abc', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect(pre.headers.get('access-control-allow-headers')).toContain('content-type');
    for (const res of [await t.get('/health'), await t.get('/nope'), await t.post('/v1/batches', '{')])
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('says 404 for an unknown path and 405 (with Allow) for a wrong method', async () => {
    const missing = await t.get('/v2/offers');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'no such endpoint: GET /v2/offers' });
    const wrong = await t.post('/v1/offers', {});
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, OPTIONS');
    expect(((await wrong.json()) as { error: string }).error).toBe('/v1/offers takes GET, not POST');
    const garbled = await t.get('/v1/offers/%E0%A4%A');
    expect(garbled.status).toBe(400);
    expect(await garbled.json()).toEqual({ error: 'offerId: malformed %-escape in the path' });
  });
});
