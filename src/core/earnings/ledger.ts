/** One `Licensed` event paid to the user, as stored: amounts are decimal strings so the ledger is plain JSON. */
export interface Sale {
  offerId: string;
  buyer: string;
  token: string;
  /** Base units (no decimals applied), decimal string. */
  amount: string;
  blockNumber: number;
  blockHash: string;
  txHash: string;
  logIndex: number;
  /** Block time, Unix seconds. */
  timestamp: number;
}

/** A `Licensed` log as read from the chain, with its block's time. */
export interface LicensedLog extends Omit<Sale, 'amount'> {
  amount: bigint | string;
}

export interface SyncedBlock {
  number: number;
  hash: string;
}

/** Every sale seen, keyed by `${txHash}:${logIndex}`, and how far the chain has been read. */
export interface EarningsLedger {
  sales: Record<string, Sale>;
  /** The last block read in full, or null before the first sync. */
  syncedTo: number | null;
  /** Hashes of the last few synced range ends, oldest first: how a reorg is noticed. */
  recent: SyncedBlock[];
}

export function emptyLedger(): EarningsLedger {
  return { sales: {}, syncedTo: null, recent: [] };
}

export const saleKey = (s: { txHash: string; logIndex: number }) => `${s.txHash.toLowerCase()}:${s.logIndex}`;

export interface ApplyLogsOptions {
  /** How many range-end hashes to keep for the reorg check (deeper reorgs are not expected on an L2). */
  confirmations: number;
  /** The end of the range these logs cover: it becomes `syncedTo`. */
  syncedTo?: SyncedBlock;
}

/**
 * Adds the logs to the ledger. Idempotent: a log already there (same tx and index) counts once, so a range
 * read twice, e.g. after the worker died mid-sync, changes nothing.
 * @example applyLogs(emptyLedger(), logs, { confirmations: 12, syncedTo: { number: 120, hash } })
 */
export function applyLogs(state: EarningsLedger, logs: readonly LicensedLog[], { confirmations, syncedTo }: ApplyLogsOptions): EarningsLedger {
  const sales = { ...state.sales };
  for (const log of logs) {
    const key = saleKey(log);
    if (!sales[key]) sales[key] = { ...log, amount: BigInt(log.amount).toString() };
  }
  if (!syncedTo) return { ...state, sales };
  const recent = [...state.recent.filter((b) => b.number < syncedTo.number), syncedTo].slice(-Math.max(1, confirmations));
  return { sales, syncedTo: syncedTo.number, recent };
}

/**
 * Forgets everything at or above `fromBlock` (a block there changed hash): its sales may not exist on the
 * new chain. The next sync reads from `fromBlock` again.
 */
export function reorg(state: EarningsLedger, fromBlock: number): EarningsLedger {
  const sales: Record<string, Sale> = {};
  for (const [k, s] of Object.entries(state.sales)) if (s.blockNumber < fromBlock) sales[k] = s;
  const syncedTo = state.syncedTo === null ? null : Math.min(state.syncedTo, fromBlock - 1);
  return { sales, syncedTo: syncedTo !== null && syncedTo < 0 ? null : syncedTo, recent: state.recent.filter((b) => b.number < fromBlock) };
}

/**
 * Where to rewind to, given the chain's current hash at each recent height (null: the chain no longer has
 * that height). Null when the newest recorded block still matches, so nothing changed below it either.
 */
export function reorgPoint(recent: readonly SyncedBlock[], chainHashes: readonly (string | null)[]): number | null {
  for (let i = recent.length - 1; i >= 0; i--) {
    if (chainHashes[i]?.toLowerCase() === recent[i]!.hash.toLowerCase()) return i === recent.length - 1 ? null : recent[i]!.number + 1;
  }
  // Nothing we recorded survives: start again from the oldest height we knew.
  return recent.length ? recent[0]!.number : null;
}
