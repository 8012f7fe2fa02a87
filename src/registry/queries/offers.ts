import type { Address, Hex } from 'viem';
import type { OfferLeafJson } from '../../core/offer/types';
import type { Usage, UserClass } from '../../core/terms/vocabulary';
import type { Db } from '../db/db';

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

const COLUMNS =
  'seq, offer_id, batch_id, licensor, platform, post_id, url, content_hash, terms_hash, price::text, token, chain_id::text, ' +
  'valid_until::text, license_duration::text, salt, revoked_at';

const column = (prefix: string, token: string) => `${prefix}_${token.replace('-', '_')}`;

/**
 * Live offers (not revoked, not expired) matching the filter, in seq order. One SQL text per combination of
 * filters, values always as parameters; column names come only from the fixed vocabularies.
 */
export async function listOffers(db: Db, f: OfferFilter): Promise<OfferRow[]> {
  const params: unknown[] = [f.now.toString()];
  const where = ['revoked_at is null', 'valid_until > $1::numeric'];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (f.platform !== undefined) where.push(`platform = ${param(f.platform)}`);
  for (const use of f.uses ?? []) where.push(column('use', use));
  if (f.user !== undefined) where.push(column('user', f.user));
  if (f.maxPrice !== undefined) where.push(`price <= ${param(f.maxPrice.toString())}::numeric`);
  if (f.token !== undefined) where.push(`token = ${param(f.token)}`);
  if (f.licensor !== undefined) where.push(`licensor = ${param(f.licensor)}`);
  if (f.afterSeq !== undefined) where.push(`seq > ${param(f.afterSeq.toString())}::bigint`);
  const sql = `select ${COLUMNS} from offers where ${where.join(' and ')} order by seq limit ${param(f.limit)}`;
  return (await db.query<OfferRow>(sql, params)).rows;
}

/** One offer with its batch, revoked or not; undefined if the registry never stored it. */
export async function findOffer(db: Db, offerId: Hex): Promise<(OfferRow & BatchRow) | undefined> {
  const sql = `select ${COLUMNS.split(', ').map((c) => `o.${c}`).join(', ')}, ${BATCH_COLUMNS}
    from offers o join batches b on b.batch_id = o.batch_id where o.offer_id = $1`;
  return (await db.query<OfferRow & BatchRow>(sql, [offerId])).rows[0];
}

/** The signed batch an offer belongs to. */
export interface BatchRow {
  root: Hex;
  leaf_count: number;
  counter: string;
  issued_at: string;
  signature: Hex;
  domain_chain_id: string;
  verifying_contract: Address;
}

const BATCH_COLUMNS =
  'b.root, b.leaf_count, b.counter::text, b.issued_at::text, b.signature, b.chain_id::text as domain_chain_id, b.verifying_contract';

/** Every offer id of a batch: the leaves its Merkle tree is rebuilt from. */
export async function batchOfferIds(db: Db, batchId: Hex): Promise<Hex[]> {
  return (await db.query<{ offer_id: Hex }>('select offer_id from offers where batch_id = $1', [batchId])).rows.map((r) => r.offer_id);
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
