import { emptyLedger, type EarningsLedger } from '../core/earnings/ledger';
import { storageItem } from './storage-item';

/**
 * The earnings ledger and its sync state. Written by the background only (one write per synced range);
 * the popup mirrors it. Tied to one licensor, exchange and chain: when any changes the ledger starts over.
 */
export interface EarningsStore {
  licensor: string | null;
  exchange: string | null;
  chain: string | null;
  ledger: EarningsLedger;
  /** Offer id (lowercase) → post storage key, for sales of posts found in storage. */
  postKeys: Record<string, string>;
  /** Last sync that reached the chain head (ISO). */
  lastSyncAt: string | null;
  /** Why the last sync failed, in words for the popup; null when it worked. */
  error: string | null;
  /** How many sales there were when the user last opened the Earnings view: the rest are new (badge). */
  seenCount: number;
}

export function emptyEarnings(): EarningsStore {
  return { licensor: null, exchange: null, chain: null, ledger: emptyLedger(), postKeys: {}, lastSyncAt: null, error: null, seenCount: 0 };
}

function isEarningsStore(x: unknown): x is EarningsStore {
  const s = x as EarningsStore;
  return typeof s === 'object' && s !== null && typeof s.ledger === 'object' && typeof s.ledger?.sales === 'object' && Array.isArray(s.ledger?.recent) && typeof s.postKeys === 'object';
}

export const earningsItem = storageItem<EarningsStore>({ key: 'earnings', area: 'local', version: 1, fallback: emptyEarnings(), isValid: isEarningsStore });

/**
 * The runtime port the popup's Earnings view holds open: while it is connected the background syncs at every
 * new block (src/background/earnings/live.ts), and the view follows the ledger through storage changes.
 */
export const EARNINGS_LIVE_PORT = 'earnings-live';
