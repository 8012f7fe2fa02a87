// Query latency: typical buyer filters, first pages and pages deep behind a cursor, through HTTP.
import { privateKeyToAccount } from 'viem/accounts';
import type { Hex } from 'viem';
import { int, rng, type Rng } from '../../../src/core/offer/test-leaves';
import { encodeCursor } from '../../../src/registry/cursor';
import { licensorKey } from './generate';
import { EURC, USDC } from './terms';
import { httpGet, parseServerTiming, quantile } from './registry-process';

export interface QueryStats {
  name: string;
  query: string;
  n: number;
  /** Wall time seen by the client, ms. */
  p50: number;
  p99: number;
  /** The SQL query alone (Server-Timing db), ms. */
  dbP50: number;
  dbP99: number;
  /** Mean offers per page. */
  rows: number;
}

/** Each combination a buyer plausibly sends; `licensor` picks one of the generated licensors. */
export const COMBOS: [name: string, query: (r: Rng, batches: number) => string][] = [
  ['ai-train, commercial (broad)', () => 'use=ai-train&user=commercial'],
  ['bluesky, ai-train, commercial', () => 'platform=bluesky&use=ai-train&user=commercial'],
  ['ai-train, USDC, maxPrice 0.02', () => `use=ai-train&token=${USDC.token}&maxPrice=20000`],
  ['one licensor (1 in batches)', (r, n) => `licensor=${privateKeyToAccount(licensorKey(int(r, n))).address}`],
  ['EURC, maxPrice 0.05 (~8%)', () => `token=${EURC.token}&maxPrice=50000`],
  ['ai-input, government (5%)', () => 'use=ai-input&user=government'],
  ['free for education (15%)', () => 'user=education&maxPrice=0'],
  ['search, bluesky, EURC (0.6%)', () => `use=search&platform=bluesky&token=${EURC.token}`],
  ['price > 2^64 cap, ai-train, x', () => `use=ai-train&platform=x&maxPrice=${2n ** 64n + 1n}`],
  ['ai-input + education (no match)', () => 'use=ai-input&user=education'],
];

async function timedGet(url: string): Promise<{ ms: number; db: number; rows: number }> {
  const t0 = performance.now();
  const res = await httpGet(url);
  const body = JSON.parse(res.text) as { offers?: unknown[]; error?: string };
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${body.error}`);
  return { ms, db: parseServerTiming(res.serverTiming).db ?? NaN, rows: body.offers?.length ?? 0 };
}

/**
 * `n` requests per combination (after 10 to warm up), one at a time: half first pages, half from a random
 * point of the collection, the way a crawler paging through resumes.
 */
export async function measureQueries(url: string, batches: number, totalOffers: number, n: number): Promise<QueryStats[]> {
  const out: QueryStats[] = [];
  for (const [i, [name, make]] of COMBOS.entries()) {
    const r = rng(1000 + i);
    const samples: { ms: number; db: number; rows: number }[] = [];
    for (let k = -10; k < n; k++) {
      const cursor = k % 2 === 1 ? `&cursor=${encodeCursor(BigInt(int(r, totalOffers)))}` : '';
      const s = await timedGet(`${url}/v1/offers?${make(r, batches)}${cursor}`);
      if (k >= 0) samples.push(s);
    }
    const ms = samples.map((s) => s.ms);
    const db = samples.map((s) => s.db);
    out.push({
      name,
      query: make(rng(1000 + i), batches),
      n,
      p50: quantile(ms, 0.5),
      p99: quantile(ms, 0.99),
      dbP50: quantile(db, 0.5),
      dbP99: quantile(db, 0.99),
      rows: samples.reduce((a, s) => a + s.rows, 0) / samples.length,
    });
  }
  return out;
}

/** `GET /v1/offers/:id` for sampled ids: the first request for a batch rebuilds its tree, later ones hit the cache. */
export async function measureGetOne(url: string, ids: readonly Hex[], n: number) {
  const r = rng(7);
  const ms: number[] = [];
  for (let k = 0; k < n; k++) {
    const t0 = performance.now();
    const res = await httpGet(`${url}/v1/offers/${ids[int(r, ids.length)]}`);
    if (res.status !== 200) throw new Error(`get-one: ${res.status}`);
    ms.push(performance.now() - t0);
  }
  return { n, p50: quantile(ms, 0.5), p99: quantile(ms, 0.99), max: Math.max(...ms) };
}

/** Query latency while a batch is being ingested: what a buyer sees during someone's big import. */
export async function measureDuringIngest(url: string, post: () => Promise<unknown>) {
  let done = false;
  const ms: number[] = [];
  const posting = post().finally(() => (done = true));
  while (!done) ms.push((await timedGet(`${url}/v1/offers?use=ai-train&user=commercial`)).ms);
  await posting;
  return { n: ms.length, p50: quantile(ms, 0.5), p99: quantile(ms, 0.99), max: Math.max(...ms) };
}
