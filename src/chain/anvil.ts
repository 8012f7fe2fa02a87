import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface StartAnvilParameters {
  /** TCP port on 127.0.0.1; 0 (the default) lets the OS pick a free one. */
  port?: number;
  /** Default 31337, anvil's own. */
  chainId?: number;
  /** Give up if anvil has not answered `eth_chainId` by then. Default 20 s. */
  timeoutMs?: number;
}

export interface StartAnvilReturnType {
  rpcUrl: string;
  port: number;
  chainId: number;
  /** Stop anvil; resolves when the process has exited. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** The anvil binary shipped inside the npm package for this platform; never downloaded. */
export function anvilBinaryPath(): string {
  const arch = { x64: 'amd64', arm64: 'arm64' }[process.arch as string];
  const os = { linux: 'linux', darwin: 'darwin', win32: 'win32' }[process.platform as string];
  if (!arch || !os) throw new Error(`anvil: no @foundry-rs/anvil build for ${process.platform}/${process.arch}`);
  const pkg = `@foundry-rs/anvil-${os}-${arch}`;
  const require = createRequire(import.meta.url);
  let pkgJson: string;
  try {
    pkgJson = require.resolve(`${pkg}/package.json`);
  } catch {
    throw new Error(`anvil: ${pkg} is not installed (it comes with the @foundry-rs/anvil devDependency)`);
  }
  return join(dirname(pkgJson), 'bin', process.platform === 'win32' ? 'anvil.exe' : 'anvil');
}

/** Kill every anvil we started when Node exits, so a crashed test run leaves no stray chain behind. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

/** Resolves with the port from anvil's "Listening on host:port" line (the only way to learn it when port is 0). */
function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Listening on [^\s:]+:(\d+)/.exec(out);
      if (m) {
        child.stdout?.off('data', onData);
        child.stdout?.resume(); // keep draining, or anvil blocks once the pipe fills
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`anvil exited (code ${code}) before listening:\n${out}`)));
  });
}

async function waitForChainId(rpcUrl: string, deadline: number): Promise<number> {
  for (;;) {
    try {
      const res = await fetch(rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      });
      const body = (await res.json()) as { result?: string };
      if (body.result) return Number(BigInt(body.result));
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`anvil: no answer to eth_chainId at ${rpcUrl}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Start a local anvil chain and wait until it answers JSON-RPC.
 * @example const anvil = await startAnvil(); try { ... anvil.rpcUrl ... } finally { await anvil.stop(); }
 */
export async function startAnvil({ port = 0, chainId = 31337, timeoutMs = 20_000 }: StartAnvilParameters = {}): Promise<StartAnvilReturnType> {
  const deadline = Date.now() + timeoutMs;
  const child = spawn(anvilBinaryPath(), ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(chainId)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.add(child);
  installExitHook();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  exited.then(() => running.delete(child));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };

  try {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('anvil: did not start listening in time')), timeoutMs);
    });
    const actualPort = await Promise.race([listeningPort(child), timeout]).finally(() => clearTimeout(timer));
    const rpcUrl = `http://127.0.0.1:${actualPort}`;
    const actualChainId = await waitForChainId(rpcUrl, deadline);
    return { rpcUrl, port: actualPort, chainId: actualChainId, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
