import { createPublicClient, createWalletClient, http, type Address, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { RegistryConfig } from '../config';
import type { Db } from '../db/db';
import { unrelayedSummary } from '../queries/revocations';
import { readCursor } from '../queries/sales';
import { describeError, isUnreachable, redactedUrl } from './errors';
import { createRelayer } from './relayer';
import { createWatcher } from './watcher';

/** What `/health` says about one half of the link. */
export interface LoopState {
  /** When it last completed a round against the chain; null until the first. */
  lastOkAt: string | null;
  /** The last failure, cleared by the next round that succeeds. */
  lastError: { message: string; at: string } | null;
  /** Failures in a row; each doubles the wait before the next try, up to `MAX_BACKOFF_MS`. */
  failures: number;
}

export interface ChainLinkState {
  chainId: string;
  exchange: Address;
  /** The newest block the watcher has read, and the one it takes as final (the cursor). */
  watcher: LoopState & { lastBlock: string | null; finalBlock: string | null };
  /** Who pays for relaying (null: no RELAYER_PRIVATE_KEY, revocations wait), and how many wait. */
  relayer: (LoopState & { address: Address }) | null;
  unrelayed: { count: number; oldest: string | null };
}

export interface ChainLink {
  state(): Promise<ChainLinkState>;
  /** Stop both loops after the round in flight. */
  stop(): Promise<void>;
}

export const MAX_BACKOFF_MS = 60_000;

/** One line for the start-up log: what the link to the chain does with this configuration. */
export function chainLinkSummary(config: Pick<RegistryConfig, 'chainRpcUrl' | 'relayerKey'>): string {
  if (!config.chainRpcUrl) return 'Chain link off (no CHAIN_RPC_URL): revocations are kept unrelayed, sales are not followed';
  const relaying = config.relayerKey
    ? `relaying revocations from ${privateKeyToAccount(config.relayerKey).address}`
    : 'not relaying revocations (no RELAYER_PRIVATE_KEY)';
  return `Chain link to ${redactedUrl(config.chainRpcUrl)}: following sales; ${relaying}`;
}

export type ChainLinkConfig = Pick<RegistryConfig, 'chainId' | 'exchangeAddress' | 'relayerKey' | 'chainPollMs' | 'chainReorgDepth' | 'chainStartBlock'> & {
  chainRpcUrl: string;
};

/**
 * Start following the chain: the watcher reads `Licensed` sales every `chainPollMs`, and with a relayer key the
 * relayer sends stored revocations. An RPC that fails (down, wrong chain) is retried with doubling waits and
 * logged once per change of error, and again when it answers; nothing waiting is dropped.
 * @example const link = startChainLink(db, { ...config, chainRpcUrl }); … await link.stop()
 */
export function startChainLink(db: Db, config: ChainLinkConfig, log: (message: string) => void = (m) => console.log(`registry: chain: ${m}`)): ChainLink {
  const rpc = config.chainRpcUrl;
  const where = redactedUrl(rpc);
  // No retries inside viem: the loops below retry, with backoff and a log line, and a dead RPC fails fast.
  const transport = http(rpc, { retryCount: 0, timeout: 10_000, batch: { batchSize: 500, wait: 0 } });
  const client = createPublicClient({ transport }) as PublicClient;
  const followed = { chainId: config.chainId, exchange: config.exchangeAddress };
  const domain = { chainId: config.chainId, verifyingContract: config.exchangeAddress };
  let stopped = false;
  const wakers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakers.add(done);
    });

  let chainChecked = false;
  async function checkChain() {
    if (chainChecked) return;
    const id = await client.getChainId();
    if (BigInt(id) !== config.chainId) throw new Error(`${where} serves chain ${id}, not CHAIN_ID ${config.chainId}: not following it`);
    chainChecked = true;
  }

  const newState = (): LoopState => ({ lastOkAt: null, lastError: null, failures: 0 });

  async function loop(name: string, state: LoopState, step: () => Promise<boolean>) {
    while (!stopped) {
      let delay = config.chainPollMs;
      try {
        await checkChain();
        const more = await step();
        if (state.failures > 0) log(`${name}: ${where} answers again, resuming`);
        state.failures = 0;
        state.lastError = null;
        state.lastOkAt = new Date().toISOString();
        if (more) delay = 0;
      } catch (e) {
        const message = `${isUnreachable(e) ? `cannot reach the chain RPC ${where}` : 'failed'}: ${describeError(e, rpc)}`;
        state.failures++;
        delay = Math.min(MAX_BACKOFF_MS, config.chainPollMs * 2 ** Math.min(state.failures, 16));
        if (message !== state.lastError?.message || state.failures % 10 === 0)
          log(`${name}: ${message}; try ${state.failures}, next in ${(delay / 1000).toFixed(1)} s`);
        state.lastError = { message, at: new Date().toISOString() };
      }
      if (!stopped) await sleep(delay);
    }
  }

  const watcherState = newState();
  const watcher = createWatcher({ db, client, followed, reorgDepth: config.chainReorgDepth, startBlock: config.chainStartBlock, log: (m) => log(`watcher: ${m}`) });
  const loops = [
    loop('watcher', watcherState, async () => {
      await watcher.poll();
      return false;
    }),
  ];

  let relayerState: (LoopState & { address: Address }) | null = null;
  if (config.relayerKey) {
    const account = privateKeyToAccount(config.relayerKey);
    const wallet = createWalletClient({ account, transport });
    const relayer = createRelayer({
      db, client, wallet, account, domain, pollMs: config.chainPollMs, reorgDepth: config.chainReorgDepth, stopping: () => stopped, log: (m) => log(`relayer: ${m}`),
    });
    const state = { ...newState(), address: account.address };
    relayerState = state;
    // Straight on to the next revocation after one is done; a pause while idle or while a transaction is mined.
    loops.push(loop('relayer', state, async () => ['relayed', 'deferred'].includes(await relayer.step())));
  }

  return {
    async state() {
      const [cursor, unrelayed] = await Promise.all([readCursor(db, followed), unrelayedSummary(db, domain)]);
      return {
        chainId: config.chainId.toString(),
        exchange: config.exchangeAddress,
        watcher: { ...watcherState, lastBlock: cursor?.head.toString() ?? null, finalBlock: cursor?.final?.number.toString() ?? null },
        relayer: relayerState && { ...relayerState },
        unrelayed: { count: unrelayed.count, oldest: unrelayed.oldest?.toISOString() ?? null },
      };
    },
    async stop() {
      stopped = true;
      for (const wake of [...wakers]) wake();
      await Promise.all(loops);
    },
  };
}
