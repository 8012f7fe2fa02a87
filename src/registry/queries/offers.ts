import type { Address, Hex } from 'viem';
import type { OfferLeafJson } from '../../core/offer/types';
import type { Usage, UserClass } from '../../core/terms/vocabulary';
import type { Db } from '../db/db';
import { kindMask } from '../terms-json';

/** One stored offer as the queries return it (numbers as decimal strings). */
export interface OfferRow {
  seq: string;
  offer_id: Hex;
  batch_id: Hex;
  licensor: Address;
  platform: string;
  post_id: string;
  url: string;
  content_hash: Hex;
  terms_hash: Hex;
  price: string;
  token: Address;
  chain_id: string;
  valid_until: string;
  license_duration: string;
  salt: Hex;
  revoked_at: Date | null;
  /** The post's text and media URLs, when the licensor published them with the offer. */
  post_text: string | null;
  post_media: string[] | null;
  /** Licences sold on chain, as the watcher has seen them (chain/watcher.ts), and when the last one was. */
  licensed_count: number;
  last_licensed_at: Date | null;
}

/** Which live offers to list: every field set narrows the list. */
export interface OfferFilter {
  /** Unix seconds: offers valid until then or earlier are expired. */
  now: bigint;
  platform?: string;
  uses?: readonly Usage[];
  user?: UserClass;
  maxPrice?: bigint;
  token?: Address;
  licensor?: Address;
  /** Only offers after this seq (the cursor). */
  afterSeq?: bigint;
  limit: number;
}

const COLUMNS = [
  'seq', 'offer_id', 'batch_id', 'licensor', 'platform', 'post_id', 'url', 'content_hash', 'terms_hash', 'price::text as price', 'token',
  'chain_id::text as chain_id', 'valid_until::text as valid_until', 'license_duration::text as license_duration', 'salt', 'revoked_at',
  'post_text', 'post_media',
  'licensed_count', 'last_licensed_at',
];
const columns = (alias: string) => COLUMNS.map((c) => `${alias}.${c}`).join(', ');

// offer_kinds is a handful of rows that only ingest changes (a new kind, a lower price): kept in memory for a
// second, and forgotten at once when this process stores a batch, so a query costs one round trip, not two.
// Another registry process on the same PostgreSQL database sees a new kind within KINDS_TTL_MS.
const KINDS_TTL_MS = 1_000;
const kindCache = new WeakMap<Db, { at: number; gen: number; kinds: { kind: number; minPrice: bigint }[] }>();
const kindGen = new WeakMap<Db, number>();

/** Forget the cached offer kinds of `db`: called after a batch is stored. */
export function forgetOfferKinds(db: Db): void {
  kindCache.delete(db);
  kindGen.set(db, (kindGen.get(db) ?? 0) + 1);
}

async function offerKinds(db: Db): Promise<{ kind: number; minPrice: bigint }[]> {
  const gen = kindGen.get(db) ?? 0;
  const hit = kindCache.get(db);
  if (hit && hit.gen === gen && performance.now() - hit.at < KINDS_TTL_MS) return hit.kinds;
  const at = performance.now();
  const r = await db.query<{ kind: number; min_price: string }>('select kind, min_price::text as min_price from offer_kinds order by kind');
  const kinds = r.rows.map((k) => ({ kind: Number(k.kind), minPrice: BigInt(k.min_price) }));
  // A batch stored while this read was on its way may have added a kind: then do not keep what was read.
  if ((kindGen.get(db) ?? 0) === gen) kindCache.set(db, { at, gen, kinds });
  return kinds;
}

/**
 * Live offers (not revoked, not expired) matching the filter, in seq order.
 *
 * The uses and user class asked for pick the kinds of terms that allow them (few: offer_kinds), less any kind
 * whose cheapest offer costs more than maxPrice. Each kind gets its own branch, `kind = constant … order by seq
 * limit n`, which an index on (kind, seq) — or (licensor | token | platform, kind, seq) — answers already in
 * order, stopping after n rows; the branches merge. So a page costs about the rows it returns, however rare the
 * combination, and never a scan past offers that do not match. The kinds are constants (not a join) so the
 * planner sees each branch's real numbers, including how price goes with kind (extended statistics): a maxPrice
 * that few offers of a kind meet is answered from the price index.
 * Values are always parameters; the SQL differs only by which filters are present and how many kinds match.
 */
export async function listOffers(db: Db, f: OfferFilter): Promise<OfferRow[]> {
  const mask = kindMask(f.uses ?? [], f.user);
  const kinds = (await offerKinds(db)).filter(({ kind, minPrice }) => (kind & mask) === mask && (f.maxPrice === undefined || minPrice <= f.maxPrice));
  if (kinds.length === 0) return [];
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where = [`o.valid_until > ${param(f.now.toString())}::numeric`];
  if (f.platform !== undefined) where.push(`o.platform = ${param(f.platform)}`);
  if (f.maxPrice !== undefined) where.push(`o.price <= ${param(f.maxPrice.toString())}::numeric`);
  if (f.token !== undefined) where.push(`o.token = ${param(f.token)}`);
  if (f.licensor !== undefined) where.push(`o.licensor = ${param(f.licensor)}`);
  if (f.afterSeq !== undefined) where.push(`o.seq > ${param(f.afterSeq.toString())}::bigint`);
  const limit = param(f.limit);
  const branches = kinds.map(
    ({ kind }) => `(select ${columns('o')} from offers o where o.live and o.kind = ${param(kind)}::smallint and ${where.join(' and ')} order by o.seq limit ${limit})`,
  );
  const sql = `select * from (${branches.join(' union all ')}) p order by p.seq limit ${limit}`;
  return (await db.query<OfferRow>(sql, params)).rows;
}

/** The signed batch an offer belongs to, and the offer's proof. */
export interface BatchRow {
  proof: string;
  root: Hex;
  leaf_count: number;
  counter: string;
  issued_at: string;
  signature: Hex;
  domain_chain_id: string;
  verifying_contract: Address;
}

/** One offer with its batch and proof, revoked or not; undefined if the registry never stored it. */
export async function findOffer(db: Db, offerId: Hex): Promise<(OfferRow & BatchRow) | undefined> {
  const sql = `select ${columns('o')}, encode(o.proof, 'hex') as proof, b.root, b.leaf_count, b.counter::text as counter,
      b.issued_at::text as issued_at, b.signature, b.chain_id::text as domain_chain_id, b.verifying_contract
    from offers o join batches b on b.batch_id = o.batch_id where o.offer_id = $1`;
  return (await db.query<OfferRow & BatchRow>(sql, [offerId])).rows[0];
}

/** Take offers that expired by `now` out of the live indexes; returns how many. Queries check expiry anyway. */
export async function sweepExpired(db: Db, now: bigint): Promise<number> {
  return (await db.query('update offers set live = false where live and valid_until <= $1::numeric', [now.toString()])).rowCount;
}

/** How many offers are stored, revoked and expired included. */
export async function countOffers(db: Db): Promise<number> {
  return Number((await db.query<{ n: string }>('select count(*) as n from offers')).rows[0]?.n ?? 0);
}

/** The signed leaf of a stored offer, exactly as it was signed. */
export function leafJsonOf(r: OfferRow): OfferLeafJson {
  return {
    licensor: r.licensor,
    platform: r.platform,
    postId: r.post_id,
    url: r.url,
    contentHash: r.content_hash,
    termsHash: r.terms_hash,
    price: r.price,
    token: r.token,
    chainId: r.chain_id,
    validUntil: r.valid_until,
    licenseDuration: r.license_duration,
    salt: r.salt,
  };
}
