import { applyLogs, reorg, reorgPoint } from '../../core/earnings/ledger';
import { setBadgeCount } from '../../ext/badge';
import { earningsItem, emptyEarnings, loadEarnings, saveEarnings, type EarningsStore } from '../../ext/earnings-items';
import type { NetworkSettings } from '../../ext/protocol';
import { networkItem } from '../../ext/publish-items';
import { walletStatus } from '../wallet';
import { publicClientFor, type EarningsPublicClient } from './client';
import { linkPosts } from './link-posts';
import { readRange, type BlockCache } from './read-range';
import { summarize } from './summary';

export const EARNINGS_ALARM = 'earnings-sync';
/**
 * Blocks per getLogs at most. An RPC that refuses that many is asked for halves (see readRange), and from
 * then on for no more than the widest range it answered.
 */
export const MAX_RANGE = 100_000n;
/** Range-end hashes kept for the reorg check. */
export const CONFIRMATIONS = 12;
/** Ranges per run, so one alarm never runs for long; the next one continues. */
const MAX_RANGES = 25;
/** A first sync reads this far back, not from genesis (years of blocks on a real chain). */
const FIRST_LOOKBACK = 500_000n;
/**
 * A run that found nothing new writes the ledger (its `syncedTo`, `lastSyncAt`) at most this often: while the
 * popup is open the chain is read at every block, and the ledger can be megabytes. Progress not written is
 * only read again after a restart (the ledger is idempotent), never lost.
 */
const QUIET_WRITE_MS = 30_000;

/** Per RPC URL, the widest getLogs range it answered after refusing a wider one: learned, kept while the worker lives. */
const ceilings = new Map<string, bigint>();

/** How many popups show the Earnings view now (see live.ts): sales synced meanwhile are seen, not new. */
export const viewers = { count: 0 };

const saleCount = (s: EarningsStore) => Object.keys(s.ledger.sales).length;
const newCount = (s: EarningsStore) => Math.max(0, saleCount(s) - s.seenCount);

/**
 * The ledger as this worker last wrote or read it (`persisted`: what storage holds), and with progress not
 * written yet (`latest`), kept so a sync at every block does not load ten thousand sales each time. Storage
 * stays the truth: a write that is not ours (its `rev` is not one we wrote) drops both.
 */
let persisted: EarningsStore | null = null;
let latest: EarningsStore | null = null;
let persistedAt = 0;
let summaryToken: string | null = null;
const ownRevs = new Set<string>();
let unwatch: (() => void) | null = null;

async function load(): Promise<EarningsStore> {
  unwatch ??= earningsItem.watch((meta) => {
    if (ownRevs.has(meta.rev)) return;
    persisted = latest = null;
    summaryToken = null;
  });
  if (!latest) {
    const loaded = await loadEarnings();
    [latest, persisted, summaryToken] = [loaded.store, loaded.persisted, null];
  }
  return latest;
}

async function save(s: EarningsStore, token: string): Promise<void> {
  const rev = await saveEarnings(persisted, s, summarize(s, token));
  if (ownRevs.size > 16) ownRevs.clear();
  ownRevs.add(rev);
  persisted = latest = s;
  persistedAt = Date.now();
  summaryToken = token.toLowerCase();
}

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
 * write per range that found sales. On failure what was read stays, and the error is kept for the popup; the
 * next alarm retries. Runs once at a time: a popup click during the alarm's run joins it.
 */
export function syncEarnings({ relink = false }: { relink?: boolean } = {}): Promise<EarningsStore> {
  running ??= runSync(relink).finally(() => (running = null));
  return running;
}

async function runSync(relink: boolean): Promise<EarningsStore> {
  const [{ address }, network, stored] = await Promise.all([walletStatus(), networkItem.get(), load()]);
  if (!address) return stored;
  let s = ledgerFor(stored, address, network);
  // Whether `s` holds a change the user should see that is not written yet (a new ledger, a reorg).
  let dirty = s !== stored || summaryToken !== network.token.address.toLowerCase();
  const write = async () => {
    if (viewers.count > 0) s = { ...s, seenCount: saleCount(s) }; // on screen as it arrives
    await save(s, network.token.address);
    dirty = false;
  };
  const client = publicClientFor(network);
  const cache: BlockCache = new Map();
  try {
    const head = await client.getBlockNumber({ cacheTime: 0 });
    const checked = await checkReorg(client, s, cache);
    if (checked !== s) {
      // Written before any new sale, so removals and additions never share a write (see saveEarnings).
      s = checked;
      await write();
    }
    let from = s.ledger.syncedTo === null ? (head > FIRST_LOOKBACK ? head - FIRST_LOOKBACK : 0n) : BigInt(s.ledger.syncedTo + 1);
    for (let i = 0; i < MAX_RANGES && from <= head; i++) {
      const range = ceilings.get(network.rpcUrl) ?? MAX_RANGE;
      const to = from + range - 1n < head ? from + range - 1n : head;
      const { logs, end, widest } = await readRange(client, { exchange: network.exchange, licensor: address, from, to, cache });
      if (widest < to - from + 1n) ceilings.set(network.rpcUrl, widest);
      s = { ...s, ledger: applyLogs(s.ledger, logs, { confirmations: CONFIRMATIONS, syncedTo: end }) };
      // One write per range with sales: a range of 10,000 sales is one write, not 10,000. The sales show
      // first; finding their posts reads every stored post, so the links follow in a second write.
      if (logs.length) {
        await write();
        const linked = await linkPosts(s, logs.map((l) => l.offerId));
        if (linked.postKeys !== s.postKeys) {
          s = linked;
          await write();
        }
      }
      from = to + 1n;
    }
    // Posts captured after their sale was read are linked when the user looks (not every minute: it reads every post).
    if (relink) s = await linkPosts(s);
    s = { ...s, lastSyncAt: new Date().toISOString(), error: null };
  } catch (e) {
    s = { ...s, error: `Could not read sales from ${network.rpcUrl}: ${shortError(e)}` };
  }
  // A run that found nothing writes only now and then (or when asked): it would rewrite the same ledger.
  if (dirty || relink || s.error !== persisted?.error || Date.now() - persistedAt >= QUIET_WRITE_MS) await write();
  else latest = s;
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
  const [s, network] = await Promise.all([load(), networkItem.get()]);
  if (s.seenCount !== saleCount(s)) await save({ ...s, seenCount: saleCount(s) }, network.token.address);
  await setBadgeCount(0);
}
