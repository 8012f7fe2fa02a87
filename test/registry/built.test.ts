// `npm run registry` as shipped: the vite build of src/registry, run by plain Node, checking batches on a worker
// thread, configured by environment variables and stopped by a signal.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, describe, expect, it } from 'vitest';
import { batchOf } from './offers';

const ROOT = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'consentry-registry-built-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the built registry', () => {
  it('starts from the environment, verifies on a worker thread, and stops cleanly on SIGTERM', { timeout: 120_000 }, async () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts/registry.mjs'), '--build-only'], { cwd: ROOT, stdio: 'pipe' });
    const proc = spawn(process.execPath, [join(ROOT, 'dist-registry/main.js')], {
      env: { ...process.env, PORT: '0', REGISTRY_DATA_DIR: dataDir, VERIFY_THREADS: '1', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
    try {
      const url = await new Promise<string>((res, rej) => {
        const timer = setInterval(() => {
          const m = /registry on (http:\/\/\S+)/.exec(out);
          if (m || proc.exitCode !== null) clearInterval(timer);
          if (m) res(m[1]!);
          else if (proc.exitCode !== null) rej(new Error(out));
        }, 50);
      });
      expect(out).toContain(`PGlite in ${dataDir}`);
      expect(out).toContain('1 verify thread(s)');
      const post = (body: unknown) => fetch(`${url}/v1/batches`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const { body, offerIds } = await batchOf(privateKeyToAccount(generatePrivateKey()), 5);
      const created = await post(body);
      expect(created.status).toBe(201);
      expect(((await created.json()) as { offerIds: string[] }).offerIds).toEqual(offerIds);
      const bad = await post({ ...body, signature: `0x${'11'.repeat(65)}` });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toMatch(/^signature: /);
      expect(await (await fetch(`${url}/health`)).json()).toEqual({ ok: true, db: 'pglite', offers: 5 });
    } finally {
      proc.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(out).toContain('SIGTERM: stopping');
  });
});
