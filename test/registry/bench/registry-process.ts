// The registry under test in a process of its own, as it runs in production: the built dist-registry/main.js.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, get } from 'node:http';

export interface RegistryProcess {
  url: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** Start `main.js` with `env` on a free port and wait for the line that names its URL. */
export async function startRegistryProcess(mainJs: string, env: Record<string, string>): Promise<RegistryProcess> {
  const proc = spawn(process.execPath, [mainJs], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stderr!.on('data', (c: Buffer) => void (log += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    proc.stdout!.on('data', (c: Buffer) => {
      const m = /registry on (http:\/\/\S+)/.exec(c.toString());
      if (m) resolve(m[1]!);
    });
    proc.once('exit', (code) => reject(new Error(`registry exited with ${code}:\n${log}`)));
  });
  return {
    url,
    proc,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

/** The steps of a `Server-Timing` header, in ms. */
export function parseServerTiming(header: string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of (header ?? '').matchAll(/([\w-]+);dur=([\d.]+)/g)) out[m[1]!] = Number(m[2]);
  return out;
}

/** The value at quantile q (0..1) of the samples. */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

// One kept-alive connection, as a crawler paging through holds one. node:http rather than fetch: fetch (undici, web
// streams) cost the benchmark's client ~2 ms of CPU per page on the two cores it shares with the registry and the
// database, which is more than the registry's own work.
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** GET `url` over the kept-alive connection: status, Server-Timing header and body text. */
export function httpGet(url: string): Promise<{ status: number; serverTiming: string | null; text: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, serverTiming: (res.headers['server-timing'] as string | undefined) ?? null, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    }).on('error', reject);
  });
}
