import { applyLogs, reorg, reorgPoint } from '../../core/earnings/ledger';
import { setBadgeCount } from '../../ext/badge';
import { earningsItem, emptyEarnings, type EarningsStore } from '../../ext/earnings-items';
import type { NetworkSettings } from '../../ext/protocol';
import { networkItem } from '../../ext/publish-items';
import { walletStatus } from '../wallet';
import { publicClientFor, type EarningsPublicClient } from './client';
import { linkPosts } from './link-posts';
import { readRange, type BlockCache } from './read-range';

export const EARNINGS_ALARM = 'earnings-sync';
/** Public RPCs commonly refuse larger getLogs ranges. */
export const RANGE = 2_000n;
/** Range-end hashes kept for the reorg check. */
export const CONFIRMATIONS = 12;
/** Ranges per run, so one alarm never runs for long; the next one continues. */
const MAX_RANGES = 25;
/** A first sync reads this far back, not from genesis (years of blocks on a real chain). */
const FIRST_LOOKBACK = 500_000n;

const newCount = (s: EarningsStore) => Math.max(0, Object.keys(s.ledger.sales).length - s.seenCount);

/** The stored ledger if it belongs to this licensor on this exchange, else a fresh one. */
function ledgerFor(stored: EarningsStore, licensor: string, network: NetworkSettings): EarningsStore {
  const same = stored.licensor?.toLowerCase() === licensor.toLowerCase() && stored.exchange?.toLowerCase() === network.exchange.toLowerCase() && stored.chain === network.chain;
  return same ? stored : { ...emptyEarnings(), licensor, exchange: network.exchange, chain: network.chain };
}

/** If a block we synced changed hash, forget from there. */
async function checkReorg(client: EarningsPublicClient, s: EarningsStore, cache: BlockCache): Promise<EarningsStore> {
  const recent = s.ledger.recent;
  if (recent.length === 0) return s;
  const hashAt = async (n: number) => {
    try {
      return (await client.getBlock({ blockNumber: BigInt(n) })).hash;
    } catch {
      return null; // the chain is shorter than it was
    }
  };
  // Newest first: when it still matches (the usual case), one request is enough.
  const newest = recent[recent.length - 1]!;
  if ((await hashAt(newest.number)) === newest.hash) return s;
  const hashes = await Promise.all(recent.map((b) => hashAt(b.number)));
  const from = reorgPoint(recent, hashes);
  cache.clear();
  return from === null ? s : { ...s, ledger: reorg(s.ledger, from) };
}

let running: Promise<EarningsStore> | null = null;

/**
 * Read new `Licensed` sales for the wallet's address up to the chain head, a range at a time, one storage
 * write per range. On failure what was read stays, and the error is kept for the popup; the next alarm
 * retries. Runs once at a time: a popup click during the alarm's run joins it.
 */
export function syncEarnings({ relink = false }: { relink?: boolean } = {}): Promise<EarningsStore> {
  running ??= runSync(relink).finally(() => (running = null));
  return running;
}

async function runSync(relink: boolean): Promise<EarningsStore> {
  const [{ address }, network, stored] = await Promise.all([walletStatus(), networkItem.get(), earningsItem.get()]);
  if (!address) return stored;
  let s = ledgerFor(stored, address, network);
  const client = publicClientFor(network);
  const cache: BlockCache = new Map();
  try {
    const head = await client.getBlockNumber();
    s = await checkReorg(client, s, cache);
    let from = s.ledger.syncedTo === null ? (head > FIRST_LOOKBACK ? head - FIRST_LOOKBACK : 0n) : BigInt(s.ledger.syncedTo + 1);
    for (let i = 0; i < MAX_RANGES && from <= head; i++) {
      const to = from + RANGE - 1n < head ? from + RANGE - 1n : head;
      const { logs, end } = await readRange(client, { exchange: network.exchange, licensor: address, from, to, cache });
      s = { ...s, ledger: applyLogs(s.ledger, logs, { confirmations: CONFIRMATIONS, syncedTo: end }) };
      if (logs.length) s = await linkPosts(s);
      await earningsItem.set(s);
      from = to + 1n;
    }
    // Posts captured after their sale was read are linked when the user looks (not every minute: it reads every post).
    if (relink) s = await linkPosts(s);
    s = { ...s, lastSyncAt: new Date().toISOString(), error: null };
  } catch (e) {
    s = { ...s, error: `Could not read sales from ${network.rpcUrl}: ${shortError(e)}` };
  }
  await earningsItem.set(s);
  await setBadgeCount(newCount(s));
  return s;
}

/** viem's messages run to many lines of request details; the first says what went wrong. */
function shortError(e: unknown): string {
  const text = e instanceof Error ? ((e as { shortMessage?: string }).shortMessage ?? e.message) : String(e);
  return text.split('\n')[0]!;
}

/** The user opened the Earnings view. */
export async function markSeen(): Promise<void> {
  const s = await earningsItem.get();
  await earningsItem.set({ ...s, seenCount: Object.keys(s.ledger.sales).length });
  await setBadgeCount(0);
}
