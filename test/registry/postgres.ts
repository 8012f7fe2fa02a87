// A real PostgreSQL server for tests and the benchmark: a throwaway cluster in a temp dir, or DATABASE_URL if set.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface LocalPostgres {
  /** Connection string of the server's maintenance database (or DATABASE_URL as given). */
  url: string;
  /** A connection string to an empty place of one's own: a new database, or a new schema on a shared DATABASE_URL. */
  freshDatabase(): Promise<string>;
  /** Stop the server and delete its files; nothing for DATABASE_URL. */
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /** Skip fsync and synchronous commit: fine for tests, wrong for a benchmark. */
  fast?: boolean;
  /** More server settings (`-c name=value`), e.g. shared_buffers. */
  settings?: Record<string, string>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitReady(url: string, proc: ChildProcess, log: () => string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`postgres exited with code ${proc.exitCode}:\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
      if (Date.now() > until) throw new Error(`postgres not ready after ${timeoutMs} ms:\n${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function sharedServer(url: string): LocalPostgres {
  return {
    url,
    async freshDatabase() {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`create schema ${schema}`).finally(() => client.end());
      const u = new URL(url);
      u.searchParams.set('options', `-c search_path=${schema}`);
      return u.toString();
    },
    stop: async () => {},
  };
}

/**
 * Start a PostgreSQL server of our own: `initdb` into a temp dir, `postgres` on a free port listening on
 * 127.0.0.1 only. As root both run as the `postgres` user (PostgreSQL refuses root). With DATABASE_URL set, use
 * that server instead. Fails, saying what to install, when the binaries are missing: never a silent skip.
 */
export async function startPostgres({ fast = true, settings: extra = {} }: StartPostgresOptions = {}): Promise<LocalPostgres> {
  if (process.env.DATABASE_URL) return sharedServer(process.env.DATABASE_URL);
  if (!existsSync(join(PG_BIN, 'initdb')) || !existsSync(join(PG_BIN, 'postgres')))
    throw new Error(`PostgreSQL server binaries not found in ${PG_BIN}: install them (Debian: apt-get install postgresql), set PG_BIN, or set DATABASE_URL`);
  const asRoot = process.getuid?.() === 0;
  const run = (bin: string): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, bin)]] : [join(PG_BIN, bin), []]);
  const dir = mkdtempSync(join(tmpdir(), 'consentry-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const [initdb, initArgs] = run('initdb');
  execFileSync(initdb, [...initArgs, '-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], { stdio: 'pipe' });
  const port = await freePort();
  const settings = ['-c', 'listen_addresses=127.0.0.1', ...(fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [])];
  for (const [name, value] of Object.entries(extra)) settings.push('-c', `${name}=${value}`);
  const [postgres, pgArgs] = run('postgres');
  const proc = spawn(postgres, [...pgArgs, '-D', data, '-p', String(port), '-k', dir, ...settings], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  proc.stderr!.on('data', (c: Buffer) => void (log = (log + c.toString()).slice(-4000)));
  // The server's own pid (runuser stays in between as its parent): what we stop, and only that.
  const serverPid = () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const killOnExit = () => {
    try {
      process.kill(serverPid(), 'SIGQUIT');
    } catch {
      // already gone
    }
  };
  process.once('exit', killOnExit);
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  await waitReady(url, proc, () => log);
  let n = 0;
  return {
    url,
    async freshDatabase() {
      const name = `registry_${process.pid}_${++n}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`create database ${name}`).finally(() => client.end());
      return `postgresql://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      process.off('exit', killOnExit);
      const exited = proc.exitCode !== null ? Promise.resolve() : new Promise((r) => proc.once('exit', r));
      try {
        process.kill(serverPid(), 'SIGINT'); // fast shutdown: roll back, disconnect, stop
      } catch {
        // already gone
      }
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
