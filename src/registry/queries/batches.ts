import type { Hex } from 'viem';
import type { OfferBatch, OfferDomain, OfferLeaf } from '../../core/offer/types';
import type { Terms } from '../../core/terms/terms';
import type { Db, Queryable } from '../db/db';
import { kindOf, termsToJson } from '../terms-json';
import { forgetOfferKinds } from './offers';

/** A verified batch, ready to store. */
export interface NewBatch {
  batchId: Hex;
  domain: OfferDomain;
  batch: OfferBatch;
  signature: Hex;
  leaves: readonly OfferLeaf[];
  /** `offerIds[i]` is the id of `leaves[i]`, `proofs[i]` its Merkle proof. */
  offerIds: readonly Hex[];
  proofs: readonly (readonly Hex[])[];
  terms: ReadonlyMap<Hex, Terms>;
  /** `contents[i]`: `leaves[i]`'s post text and media, checked against its contentHash; null if not sent. */
  contents: readonly ({ text: string; media: readonly string[] } | null)[];
}

export type StoreBatchResult =
  | { kind: 'stored' }
  | { kind: 'duplicate'; offers: number }
  /** `leaves[index]` is already stored, in another batch (or revoked). Nothing was stored. */
  | { kind: 'conflict'; index: number; offerId: Hex; batchId: Hex; revoked: boolean };

// Any constant: batches are stored one at a time, so seq values become visible in the order they are handed out
// and a reader paging by seq never skips an offer that commits late.
const INGEST_LOCK = 0x436f6e73656e7401n;

// Media lists travel as one array literal per offer, cast to text[] per row (a text[][] parameter cannot be
// ragged). An offer id already stored is skipped (on conflict): fewer rows inserted than offers means a clash,
// found after. Rows come out of unnest in array order, so seq follows the leaves' order.
const INSERT_OFFERS = `
insert into offers (offer_id, batch_id, licensor, chain_id, platform, post_id, url, content_hash, terms_hash, price, token,
  valid_until, license_duration, salt, kind, proof, post_text, post_media)
select l.offer_id, $1, $2, $3::numeric, l.platform, l.post_id, l.url, l.content_hash, l.terms_hash, l.price, l.token,
  l.valid_until, l.license_duration, l.salt, l.kind, decode(l.proof, 'hex'), l.post_text, l.post_media::text[]
from unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::numeric[], $11::text[],
  $12::numeric[], $13::numeric[], $14::text[], $15::smallint[], $16::text[], $17::text[], $18::text[])
  as l(offer_id, platform, post_id, url, content_hash, terms_hash, price, token, valid_until, license_duration, salt, kind, proof,
    post_text, post_media)
on conflict (offer_id) do nothing`;

/** A PostgreSQL array literal of strings: `{"a","b\\"c"}`. */
const arrayLiteral = (xs: readonly string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

// The same rows as INSERT_OFFERS, in COPY's text format, for a driver that takes COPY (PGlite): no parameters to
// encode and no arrays to unnest, a third less time to store 10,000 offers. COPY has no `on conflict`, so a clash is
// looked for first; batches are stored one at a time (INGEST_LOCK), so none can appear in between.
const COPY_OFFERS = `offers (offer_id, batch_id, licensor, chain_id, platform, post_id, url, content_hash, terms_hash, price, token,
  valid_until, license_duration, salt, kind, proof, post_text, post_media)`;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
/** A text value as COPY's text format reads it. Hex, addresses and decimals (checked on the way in) need none of this. */
const copyText = (s: string) => (/[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : s);

/** Every offer of the batch as a line of COPY text, UTF-8, written straight into one buffer. */
function copyData(b: NewBatch, kinds: ReadonlyMap<Hex, number>): Uint8Array<ArrayBuffer> {
  const common = `\t${b.batchId}\t${b.batch.licensor}\t${b.domain.chainId}\t`;
  let buf = Buffer.allocUnsafe(b.leaves.length * 1536);
  let at = 0;
  for (const [i, l] of b.leaves.entries()) {
    const content = b.contents[i];
    let proof = '';
    for (const h of b.proofs[i]!) proof += h.slice(2);
    const line =
      `${b.offerIds[i]}${common}${copyText(l.platform)}\t${copyText(l.postId)}\t${copyText(l.url)}\t${l.contentHash}\t${l.termsHash}\t` +
      `${l.price}\t${l.token}\t${l.validUntil}\t${l.licenseDuration}\t${l.salt}\t${kinds.get(l.termsHash)!}\t\\\\x${proof}\t` +
      `${content ? copyText(content.text) : '\\N'}\t${content ? copyText(arrayLiteral(content.media)) : '\\N'}\n`;
    // At most 3 bytes of UTF-8 per UTF-16 unit.
    if (at + 3 * line.length > buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(2 * buf.length, at + 3 * line.length));
      buf.copy(bigger, 0, 0, at);
      buf = bigger;
    }
    at += buf.write(line, at);
  }
  return buf.subarray(0, at);
}

/** An offer of the batch already stored (in another batch, or revoked: a revoked one first), if any. */
async function findClash(tx: Queryable, b: NewBatch): Promise<Extract<StoreBatchResult, { kind: 'conflict' }> | undefined> {
  const taken = await tx.query<{ offer_id: Hex; batch_id: Hex; revoked: boolean }>(
    `select offer_id, batch_id, revoked_at is not null as revoked from offers where offer_id = any($1::text[]) and batch_id <> $2
     order by revoked desc limit 1`,
    [b.offerIds, b.batchId],
  );
  const clash = taken.rows[0];
  return clash && { kind: 'conflict', index: b.offerIds.indexOf(clash.offer_id), offerId: clash.offer_id, batchId: clash.batch_id, revoked: clash.revoked };
}

/** Thrown inside the transaction to roll back a batch one of whose offers is already stored. */
class OfferClash extends Error {
  constructor(readonly result: Extract<StoreBatchResult, { kind: 'conflict' }>) {
    super(`offer ${result.offerId} is already stored`);
  }
}

/**
 * Store a verified batch, its terms and its offers in one transaction, unless the batch is already stored
 * (`duplicate`: nothing changes) or one of its offers is stored in another batch (`conflict`: nothing stored).
 */
export async function storeBatch(db: Db, b: NewBatch): Promise<StoreBatchResult> {
  try {
    const result = await db.transaction((tx) => storeIn(tx, b));
    if (result.kind === 'stored') forgetOfferKinds(db);
    return result;
  } catch (e) {
    if (e instanceof OfferClash) return e.result;
    throw e;
  }
}

async function storeIn(tx: Queryable, b: NewBatch): Promise<StoreBatchResult> {
  await tx.query(`select pg_advisory_xact_lock(${INGEST_LOCK})`);
  const existing = await tx.query<{ leaf_count: number }>('select leaf_count from batches where batch_id = $1', [b.batchId]);
  if (existing.rows[0]) return { kind: 'duplicate', offers: existing.rows[0].leaf_count };

  const hashes = [...b.terms.keys()];
  const kinds = new Map(hashes.map((h) => [h, kindOf(b.terms.get(h)!)]));
  await tx.query(
    'insert into terms (terms_hash, terms) select * from unnest($1::text[], $2::jsonb[]) on conflict (terms_hash) do nothing',
    [hashes, hashes.map((h) => JSON.stringify(termsToJson(b.terms.get(h)!)))],
  );
  await tx.query(
    `insert into offer_kinds (kind, min_price) select kind, min(price) from unnest($1::smallint[], $2::numeric[]) as t(kind, price) group by kind
     on conflict (kind) do update set min_price = least(offer_kinds.min_price, excluded.min_price)`,
    [hashes.map((h) => kinds.get(h)), hashes.map((h) => b.terms.get(h)!.price.amount.toString())],
  );
  const { batch, domain } = b;
  await tx.query(
    `insert into batches (batch_id, chain_id, verifying_contract, licensor, root, leaf_count, counter, issued_at, signature)
     values ($1, $2::numeric, $3, $4, $5, $6, $7::numeric, $8::numeric, $9)`,
    [b.batchId, domain.chainId.toString(), domain.verifyingContract, batch.licensor, batch.root.toLowerCase(), b.leaves.length,
      batch.counter.toString(), batch.issuedAt.toString(), b.signature],
  );
  if (tx.copyFrom) {
    const clash = await findClash(tx, b);
    if (clash) throw new OfferClash(clash);
    await tx.copyFrom(COPY_OFFERS, copyData(b, kinds));
    return { kind: 'stored' };
  }
  const col = <T>(f: (l: OfferLeaf) => T) => b.leaves.map(f);
  const inserted = await tx.query(INSERT_OFFERS, [
    b.batchId, batch.licensor, domain.chainId.toString(), b.offerIds,
    col((l) => l.platform), col((l) => l.postId), col((l) => l.url), col((l) => l.contentHash), col((l) => l.termsHash),
    col((l) => l.price.toString()), col((l) => l.token), col((l) => l.validUntil.toString()), col((l) => l.licenseDuration.toString()),
    col((l) => l.salt), col((l) => kinds.get(l.termsHash)!), b.proofs.map((p) => p.map((h) => h.slice(2)).join('')),
    b.leaves.map((_, i) => b.contents[i]?.text ?? null), b.leaves.map((_, i) => (b.contents[i] ? arrayLiteral(b.contents[i]!.media) : null)),
  ]);
  // Some offer is stored already, in another batch: report it and roll everything back.
  if (inserted.rowCount < b.leaves.length) throw new OfferClash((await findClash(tx, b))!);
  return { kind: 'stored' };
}
