import { emptyLedger, saleKey, type EarningsLedger, type Sale } from '../core/earnings/ledger';
import { storageItem } from './storage-item';

/**
 * The earnings ledger and its sync state, as the background works on it. Tied to one licensor, exchange and
 * chain: when any changes the ledger starts over. Stored in two parts (see `saveEarnings`): the sales and the
 * post links in IndexedDB, which only the background reads, and the rest with a summary for the popup in
 * `earningsItem`. Ten thousand sales are megabytes: in chrome.storage every write of them would be sent to
 * every open extension page, and the popup would parse them all to show ten.
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

/** A sum of one token's sales (base units, decimal string) and how many there were. */
export interface EarningsSum {
  key: string;
  amount: string;
  count: number;
}

/** What the Earnings view shows, computed by the background from the ledger for the network's token. */
export interface EarningsSummary {
  /** The token summed (lowercase address). */
  token: string;
  total: string;
  count: number;
  /** Site name → sum. */
  bySite: EarningsSum[];
  /** The five best-earning offers; `postKey` when the offer is one of the stored posts. */
  topPosts: (EarningsSum & { postKey: string | null })[];
  /** The ten newest sales. */
  recent: Sale[];
  /** UTC day ('YYYY-MM-DD') → sum, for the last 31 days with sales. */
  byDay: Record<string, string>;
}

/** The stored part of `EarningsStore`: everything but the sales and post links, plus the popup's summary. */
export interface EarningsMeta extends Omit<EarningsStore, 'ledger' | 'postKeys'> {
  ledger: Omit<EarningsLedger, 'sales'>;
  /** Sales (all tokens) in IndexedDB at or below `ledger.syncedTo`: fewer there means they were lost. */
  saleCount: number;
  summary: EarningsSummary | null;
  /** Changes on every write; the background tells its own writes from others' by it. */
  rev: string;
}

export function emptyMeta(): EarningsMeta {
  return { licensor: null, exchange: null, chain: null, ledger: { syncedTo: null, recent: [] }, saleCount: 0, lastSyncAt: null, error: null, seenCount: 0, summary: null, rev: '' };
}

function isMeta(x: unknown): x is EarningsMeta {
  const s = x as EarningsMeta;
  return typeof s === 'object' && s !== null && typeof s.ledger === 'object' && Array.isArray(s.ledger?.recent) && typeof s.saleCount === 'number';
}

/**
 * Version 1 kept the sales in chrome.storage. They move to IndexedDB the next time the background loads the
 * ledger (`legacy`), so nothing has to be read from the chain again.
 */
type Legacy = EarningsMeta & { legacy?: { sales: Record<string, Sale>; postKeys: Record<string, string> } };

export const earningsItem = storageItem<EarningsMeta>({
  key: 'earnings',
  area: 'local',
  version: 2,
  migrations: {
    1: (data) => {
      const v1 = data as EarningsStore;
      const sales = v1?.ledger?.sales ?? {};
      const { ledger, postKeys, ...rest } = v1;
      return { ...rest, ledger: { syncedTo: ledger?.syncedTo ?? null, recent: ledger?.recent ?? [] }, saleCount: 0, summary: null, rev: '', legacy: { sales, postKeys: postKeys ?? {} } };
    },
  },
  fallback: emptyMeta(),
  isValid: isMeta,
});

/**
 * The runtime port the popup's Earnings view holds open: while it is connected the background syncs at every
 * new block (src/background/earnings/live.ts), and the view follows the ledger through storage changes.
 */
export const EARNINGS_LIVE_PORT = 'earnings-live';

// ---- IndexedDB, for the background only: sales in chunks (one record per write that added sales) and the post links. ----

const DB_NAME = 'consentry-earnings';
const RECORDS = 'records';

type DbRecord = { id: string; ledger: string; sales: Sale[] } | { id: string; ledger: string; postKeys: Record<string, string> };
/** More chunks than this are merged into one when the ledger is loaded. */
const MAX_CHUNKS = 200;

/** The ledger a record belongs to: a wallet's sales on one exchange of one chain. */
export const ledgerId = (s: Pick<EarningsStore, 'licensor' | 'exchange' | 'chain'>) => `${s.chain}|${s.exchange}|${s.licensor}`.toLowerCase();

let db: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  db ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(RECORDS, { keyPath: 'id' }).createIndex('ledger', 'ledger');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB: could not open the earnings database'));
  }).catch((e: unknown) => {
    db = null;
    throw e;
  });
  return db;
}

const done = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB: the earnings write failed'));
  });

async function readRecords(ledger: string): Promise<DbRecord[]> {
  const store = (await openDb()).transaction(RECORDS, 'readonly').objectStore(RECORDS);
  return new Promise((resolve, reject) => {
    const req = store.index('ledger').getAll(ledger);
    req.onsuccess = () => resolve(req.result as DbRecord[]);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB: could not read the earnings'));
  });
}

const rev = () => Math.random().toString(36).slice(2);

/** Replace everything stored with this ledger's sales in one chunk, and its post links, in one transaction. */
async function writeAll(id: string, sales: Record<string, Sale>, postKeys: Record<string, string>): Promise<void> {
  const tx = (await openDb()).transaction(RECORDS, 'readwrite');
  const store = tx.objectStore(RECORDS);
  store.clear(); // one ledger at a time: another wallet's or exchange's sales go
  const all = Object.values(sales);
  if (all.length) store.put({ id: `${id}|${saleKey(all[0]!)}`, ledger: id, sales: all });
  store.put({ id: `${id}|postKeys`, ledger: id, postKeys });
  await done(tx);
}

/**
 * The ledger from both parts. Sales above `syncedTo` (written before a crash, their range not finished) are
 * left out: they are read again. If fewer sales are found than the stored count, some were lost (site data
 * cleared): the ledger starts over rather than show a wrong total.
 */
export async function loadEarnings(): Promise<{ store: EarningsStore; persisted: EarningsStore | null; rev: string }> {
  const meta = (await earningsItem.get()) as Legacy;
  const { legacy, saleCount, summary: _summary, rev: r, ...rest } = meta;
  void _summary;
  const base: EarningsStore = { ...rest, ledger: { ...rest.ledger, sales: {} }, postKeys: {} };
  // Version 1's sales: none of them is in IndexedDB yet, so the first save writes them all.
  if (legacy) return { store: { ...base, ledger: { ...base.ledger, sales: legacy.sales }, postKeys: legacy.postKeys }, persisted: base, rev: r };
  if (!meta.licensor) return { store: base, persisted: base, rev: r };
  const syncedTo = meta.ledger.syncedTo ?? -1;
  const id = ledgerId(meta);
  const sales: Record<string, Sale> = {};
  let postKeys: Record<string, string> = {};
  let count = 0;
  let chunks = 0;
  for (const rec of await readRecords(id)) {
    if ('postKeys' in rec) {
      postKeys = rec.postKeys;
      continue;
    }
    chunks++;
    for (const sale of rec.sales) {
      if (sale.blockNumber > syncedTo) continue;
      sales[saleKey(sale)] = sale;
      count++;
    }
  }
  if (chunks > MAX_CHUNKS) await writeAll(id, sales, postKeys);
  if (count < saleCount) {
    // Unknown what IndexedDB holds: the next save clears it.
    return { store: { ...emptyEarnings(), licensor: meta.licensor, exchange: meta.exchange, chain: meta.chain }, persisted: null, rev: r };
  }
  const store = { ...base, ledger: { ...base.ledger, sales }, postKeys };
  return { store, persisted: store, rev: r };
}

/**
 * Write `next`, given `prev` (what was last written, or null if unknown), with its summary; returns the new
 * `rev`. Only the difference goes to IndexedDB. Order keeps a crash harmless: new sales are written before
 * the `syncedTo` that covers them; removals (a reorg, a new ledger) after the `syncedTo` that excludes them.
 */
export async function saveEarnings(prev: EarningsStore | null, next: EarningsStore, summary: EarningsSummary | null): Promise<string> {
  const id = ledgerId(next);
  const sameLedger = prev !== null && ledgerId(prev) === id;
  const nextSales = next.ledger.sales;
  const prevSales = sameLedger ? prev.ledger.sales : {};
  const added: Sale[] = [];
  for (const k in nextSales) if (!(k in prevSales)) added.push(nextSales[k]!);
  const removed: string[] = [];
  for (const k in prevSales) if (!(k in nextSales)) removed.push(k);
  const postKeysChanged = !sameLedger || prev.postKeys !== next.postKeys;
  const { ledger, postKeys: _pk, ...rest } = next;
  void _pk;
  const meta: EarningsMeta = { ...rest, ledger: { syncedTo: ledger.syncedTo, recent: ledger.recent }, saleCount: Object.keys(nextSales).length, summary, rev: rev() };

  if (!sameLedger || removed.length) {
    // A new ledger, or a reorg (rare): the `syncedTo` first, then every chunk written again.
    await earningsItem.set(meta);
    if (next.licensor) await writeAll(id, nextSales, next.postKeys);
    return meta.rev;
  }
  if (added.length || postKeysChanged) {
    const tx = (await openDb()).transaction(RECORDS, 'readwrite');
    const store = tx.objectStore(RECORDS);
    // One record for all the sales this write adds: a first sync of 10,000 is one put, not 10,000.
    if (added.length) store.put({ id: `${id}|${saleKey(added[0]!)}`, ledger: id, sales: added });
    if (postKeysChanged) store.put({ id: `${id}|postKeys`, ledger: id, postKeys: next.postKeys });
    await done(tx);
  }
  await earningsItem.set(meta);
  return meta.rev;
}
