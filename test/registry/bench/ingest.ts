// Ingest: every generated batch POSTed in turn; the rate, and where the server spent its time (Server-Timing).
import { readFileSync } from 'node:fs';
import type { Hex } from 'viem';
import { batchFile, BATCH_SIZE } from './generate';
import { parseServerTiming } from './registry-process';

export interface IngestResult {
  offers: number;
  wallMs: number;
  offersPerSecond: number;
  /** Server-side time per step, summed over all batches (ms): read = receive + JSON.parse. */
  server: Record<string, number>;
  /** Slowest single batch, wall ms. */
  slowestBatchMs: number;
  /** Some offer ids of each batch, for get-one requests. */
  sampleIds: Hex[];
}

/** POST batches `first..last-1` from `dir` to the registry at `url`, one after another. */
export async function ingest(url: string, dir: string, first: number, last: number, log: (s: string) => void): Promise<IngestResult> {
  const server: Record<string, number> = {};
  const sampleIds: Hex[] = [];
  let wallMs = 0;
  let slowestBatchMs = 0;
  for (let i = first; i < last; i++) {
    const body = readFileSync(batchFile(dir, i)); // read outside the timed part: disk speed is not the registry's
    const t0 = performance.now();
    const res = await fetch(`${url}/v1/batches`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const json = (await res.json()) as { offerIds?: Hex[]; error?: string };
    const ms = performance.now() - t0;
    if (res.status !== 201) throw new Error(`batch ${i}: ${res.status} ${json.error}`);
    wallMs += ms;
    slowestBatchMs = Math.max(slowestBatchMs, ms);
    for (const [k, v] of Object.entries(parseServerTiming(res.headers.get('server-timing')))) server[k] = (server[k] ?? 0) + v;
    sampleIds.push(...json.offerIds!.filter((_, k) => k % 500 === 0));
    if ((i - first + 1) % 10 === 0 || i === last - 1) log(`  ingested ${(i - first + 1) * BATCH_SIZE} offers, ${Math.round(((i - first + 1) * BATCH_SIZE) / (wallMs / 1000))}/s`);
  }
  const offers = (last - first) * BATCH_SIZE;
  return { offers, wallMs, offersPerSecond: offers / (wallMs / 1000), server, slowestBatchMs, sampleIds };
}
