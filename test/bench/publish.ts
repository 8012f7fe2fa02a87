// Publishing benchmark: 10,000 opted-in posts → one OfferBatch built, signed once and published to a real
// registry in this process (PGlite, and PostgreSQL where installed), against signing each offer as its own batch. The same core code the
// background worker runs (src/core/offer, src/core/terms), timed in Node.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bytesToHex, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { contentHash } from '../../src/core/content-hash';
import { loadFastKeccak } from '../../src/core/keccak';
import { makeBatch } from '../../src/core/offer/batch';
import { signOfferBatch } from '../../src/core/offer/eip712';
import { leafToJson } from '../../src/core/offer/leaf';
import type { OfferDomain, OfferLeaf } from '../../src/core/offer/types';
import { defaultTerms } from '../../src/core/terms/terms';
import { termsHash } from '../../src/core/terms/terms-hash';
import { termsToJson } from '../../src/core/terms/terms-json';
import type { Db } from '../../src/registry/db/db';
import { openPglite } from '../../src/registry/db/pglite';
import { openPostgres } from '../../src/registry/db/postgres';
import { createRegistry } from '../../src/registry/server';
import { PG_BIN, startPostgres } from '../registry/postgres';

const N = Number(process.env.POSTS ?? 10_000);
const SEPARATE_SAMPLE = 200;
const EXCHANGE = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512' as const;
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3' as const;
const domain: OfferDomain = { chainId: 31337n, verifyingContract: EXCHANGE };
const account = privateKeyToAccount('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');
const terms = defaultTerms({ token: TOKEN, chainId: 31337n, decimals: 6, symbol: 'USDC' });
const tHash = termsHash(terms);

/** A post's text as the extension publishes it with the offer: a typical post's length (~200 characters). */
const textOf = (id: string) => `Post ${id}: ${'a thought worth sharing, with a link and an emoji 🌱. '.repeat(3)}`;

async function leaves(n: number, offset: number): Promise<OfferLeaf[]> {
  const out: OfferLeaf[] = [];
  for (let i = 0; i < n; i++) {
    const id = String(1900000000000000000n + BigInt(offset + i));
    out.push({
      licensor: account.address, platform: 'x', postId: id, url: `https://x.com/consentry_ana/status/${id}`,
      contentHash: await contentHash(textOf(id)), termsHash: tHash, price: terms.price.amount,
      token: TOKEN, chainId: 31337n, validUntil: 1_900_000_000n, licenseDuration: 0n,
      salt: bytesToHex(crypto.getRandomValues(new Uint8Array(32))) as Hex,
    });
  }
  return out;
}

function body(batch: ReturnType<typeof makeBatch>['batch'], signature: Hex, ls: OfferLeaf[]): string {
  return JSON.stringify({
    domain: { chainId: '31337', verifyingContract: EXCHANGE },
    batch: { licensor: batch.licensor, root: batch.root, count: batch.count.toString(), counter: '0', issuedAt: batch.issuedAt.toString() },
    signature, leaves: ls.map(leafToJson), terms: { [tHash]: termsToJson(terms) },
    contents: ls.map((l) => ({ text: textOf(l.postId), media: [] })),
  });
}

await loadFastKeccak();

/** One batch of N to a registry on `db`: tree and ids, one signature, publish; fresh leaves each run. */
async function publishOnce(db: Db, offset: number) {
  const registry = await createRegistry({ db, config: { port: 0, verifyThreads: 0, chainId: 31337n, exchangeAddress: EXCHANGE } });
  const all = await leaves(N, offset);
  const t0 = performance.now();
  const made = makeBatch({ leaves: all, licensor: account.address, counter: 0n, issuedAt: 1_800_000_000n });
  const tTree = performance.now();
  const signature = await signOfferBatch(account, domain, made.batch);
  const tSign = performance.now();
  const res = await fetch(`${registry.url}/v1/batches`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(made.batch, signature, all) });
  const tPublish = performance.now();
  if (res.status !== 201) throw new Error(`registry answered ${res.status}: ${await res.text()}`);
  const server = Object.fromEntries((res.headers.get('server-timing') ?? '').split(', ').map((t) => {
    const [name, dur] = t.split(';dur=');
    return [name, Math.round(Number(dur))];
  }));
  await registry.close();
  return { totalMs: Math.round(tPublish - t0), treeAndIdsMs: Math.round(tTree - t0), signMs: Math.round((tSign - tTree) * 10) / 10, publishMs: Math.round(tPublish - tSign), server, signingWorkMs: tSign - t0 };
}

// PGlite (the registry's embedded default) and, where this machine has it, a real PostgreSQL server (fsync on).
const runs: Record<string, Awaited<ReturnType<typeof publishOnce>>> = {};
{
  const db = await openPglite();
  runs.pglite = await publishOnce(db, 0);
  await db.close();
}
if (existsSync(join(PG_BIN, 'postgres'))) {
  const server = await startPostgres({ fast: false });
  try {
    const db = await openPostgres(await server.freshDatabase());
    runs.postgres = await publishOnce(db, N);
    await db.close();
  } finally {
    await server.stop();
  }
}

// Separately: each offer its own batch and signature (sampled, then scaled to N).
const sample = await leaves(SEPARATE_SAMPLE, 2 * N);
const s0 = performance.now();
for (const leaf of sample) {
  const one = makeBatch({ leaves: [leaf], licensor: account.address, counter: 0n, issuedAt: 1_800_000_000n });
  await signOfferBatch(account, domain, one.batch);
}
const perSeparate = (performance.now() - s0) / SEPARATE_SAMPLE;

const results = {
  posts: N,
  oneBatch: runs,
  separate: { perOfferMs: Math.round(perSeparate * 100) / 100, projectedTotalMs: Math.round(perSeparate * N) },
  /** Signing work alone: one batch's ids + tree + signature against N single-offer batches, each signed. */
  speedupSigning: Math.round((perSeparate * N) / runs.pglite!.signingWorkMs),
  /** One batch end to end (publishing included, PGlite) against signing alone separately. */
  speedupEndToEnd: Math.round((perSeparate * N) / runs.pglite!.totalMs),
};
const out = resolve(import.meta.dirname ?? '.', '..', 'bench-results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'publish.json'), JSON.stringify(results, null, 2));
const line = (name: string, r: (typeof runs)[string]) =>
  `  one batch, end to end, ${name.padEnd(9)}${String(r.totalMs).padStart(6)} ms   target ≤ 2000   (ids+tree ${r.treeAndIdsMs} ms, sign ${r.signMs} ms, publish ${r.publishMs} ms: registry check ${r.server.check} ms, store ${r.server.store} ms)`;
console.log(`
Publishing ${N} posts (core offer code + a real registry in this process)
${Object.entries(runs).map(([name, r]) => line(name, r)).join('\n')}
  each signed separately          ${results.separate.projectedTotalMs} ms (${results.separate.perOfferMs} ms per offer, ${SEPARATE_SAMPLE} sampled)
  signing: one batch vs separate  ${results.speedupSigning}×   target ≥ 50×
  one batch published (PGlite) vs separate signatures only  ${results.speedupEndToEnd}×`);
