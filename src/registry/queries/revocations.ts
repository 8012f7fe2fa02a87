import type { Address, Hex } from 'viem';
import type { OfferDomain, Revocation } from '../../core/offer/types';
import type { Db } from '../db/db';

/** A revocation whose signer is its licensor, ready to store. */
export interface NewRevocation {
  revocationId: Hex;
  domain: OfferDomain;
  revocation: Revocation;
  signature: Hex;
}

export type StoreRevocationResult =
  | { kind: 'stored'; revoked: number }
  | { kind: 'duplicate' }
  | { kind: 'unknown'; index: number; offerId: Hex }
  | { kind: 'foreign'; index: number; offerId: Hex; licensor: Address };

/**
 * Keep the signed revocation (to relay on chain later: `relayed_at` stays null) and mark its offers revoked,
 * in one transaction; refuse, storing nothing, if an offer is unknown or another licensor's.
 */
export async function storeRevocation(db: Db, r: NewRevocation): Promise<StoreRevocationResult> {
  const ids = r.revocation.offerIds;
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ offer_id: Hex; licensor: Address }>('select offer_id, licensor from offers where offer_id = any($1::text[])', [ids]);
    const owner = new Map(rows.map((row) => [row.offer_id, row.licensor]));
    for (const [index, offerId] of ids.entries()) {
      const licensor = owner.get(offerId);
      if (licensor === undefined) return { kind: 'unknown', index, offerId };
      if (licensor !== r.revocation.licensor) return { kind: 'foreign', index, offerId, licensor };
    }
    const inserted = await tx.query(
      `insert into revocations (revocation_id, chain_id, verifying_contract, licensor, offer_ids, issued_at, signature)
       values ($1, $2::numeric, $3, $4, $5::text[], $6::numeric, $7) on conflict (revocation_id) do nothing`,
      [r.revocationId, r.domain.chainId.toString(), r.domain.verifyingContract, r.revocation.licensor, ids, r.revocation.issuedAt.toString(), r.signature],
    );
    if (inserted.rowCount === 0) return { kind: 'duplicate' };
    const updated = await tx.query(
      'update offers set revoked_at = now(), revoked_by = $2, live = false where offer_id = any($1::text[]) and revoked_at is null',
      [ids, r.revocationId],
    );
    return { kind: 'stored', revoked: updated.rowCount };
  });
}

/** A stored revocation still to be relayed on chain, with the transaction in flight for it if any. */
export interface UnrelayedRevocation {
  revocationId: Hex;
  revocation: Revocation;
  signature: Hex;
  /** The signed transaction already broadcast (or about to be): rebroadcast it, never sign another. */
  pending?: { hash: Hex; raw: Hex; nonce: bigint };
  /** Attempts that failed for this revocation alone (reverted, refused): how long the next wait is. */
  attempts: number;
}

interface UnrelayedRow {
  revocation_id: Hex;
  licensor: Address;
  offer_ids: Hex[];
  issued_at: string;
  signature: Hex;
  relay_tx: Hex | null;
  relay_raw: Hex | null;
  relay_nonce: string | null;
  relay_attempts: number;
}

/**
 * The oldest revocation of `domain` not yet relayed and not waiting out a retry delay: the relayer sends one at a
 * time, in the order licensors signed them into the registry. Served by the `revocations_unrelayed` index.
 */
export async function nextUnrelayed(db: Db, domain: OfferDomain): Promise<UnrelayedRevocation | undefined> {
  const { rows } = await db.query<UnrelayedRow>(
    `select revocation_id, licensor, offer_ids, issued_at::text as issued_at, signature, relay_tx, relay_raw, relay_nonce::text as relay_nonce, relay_attempts
     from revocations
     where relayed_at is null and (relay_retry_at is null or relay_retry_at <= now()) and chain_id = $1::numeric and verifying_contract = $2
     order by received_at, revocation_id limit 1`,
    [domain.chainId.toString(), domain.verifyingContract],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    revocationId: r.revocation_id,
    revocation: { licensor: r.licensor, offerIds: r.offer_ids, issuedAt: BigInt(r.issued_at) },
    signature: r.signature,
    pending: r.relay_tx && r.relay_raw && r.relay_nonce !== null ? { hash: r.relay_tx, raw: r.relay_raw, nonce: BigInt(r.relay_nonce) } : undefined,
    attempts: r.relay_attempts,
  };
}

/** Remember the signed transaction about to be broadcast for a revocation (before broadcasting it). */
export async function recordRelayPending(db: Db, revocationId: Hex, tx: { hash: Hex; raw: Hex; nonce: bigint }): Promise<void> {
  await db.query(
    'update revocations set relay_tx = $2, relay_raw = $3, relay_nonce = $4::numeric, relay_retry_at = null where revocation_id = $1 and relayed_at is null',
    [revocationId, tx.hash, tx.raw, tx.nonce.toString()],
  );
}

/**
 * The revocation is in effect on chain: by our transaction `txHash`, or (null) because its offers were already
 * revoked there. Keeps the hash; drops the raw transaction, which is no longer needed.
 */
export async function markRelayed(db: Db, revocationId: Hex, txHash: Hex | null): Promise<void> {
  await db.query(
    'update revocations set relayed_at = now(), relay_tx = $2, relay_raw = null, relay_error = null, relay_retry_at = null where revocation_id = $1 and relayed_at is null',
    [revocationId, txHash],
  );
}

/** The attempt failed for this revocation alone (say, it reverts): forget any transaction, retry after `retryMs`. */
export async function deferRelay(db: Db, revocationId: Hex, error: string, retryMs: number): Promise<void> {
  await db.query(
    `update revocations set relay_tx = null, relay_raw = null, relay_nonce = null, relay_error = $2, relay_attempts = relay_attempts + 1,
       relay_retry_at = now() + ($3::integer * interval '1 millisecond')
     where revocation_id = $1 and relayed_at is null`,
    [revocationId, error, retryMs],
  );
}

/** How many revocations of `domain` wait to be relayed, and when the oldest of them came in. */
export async function unrelayedSummary(db: Db, domain: OfferDomain): Promise<{ count: number; oldest: Date | null }> {
  const { rows } = await db.query<{ n: string; oldest: Date | null }>(
    'select count(*) as n, min(received_at) as oldest from revocations where relayed_at is null and chain_id = $1::numeric and verifying_contract = $2',
    [domain.chainId.toString(), domain.verifyingContract],
  );
  return { count: Number(rows[0]?.n ?? 0), oldest: rows[0]?.oldest ?? null };
}

/** Revocations of `domain` relayed by a transaction, newest first: what the relayer checks is still on chain. */
export async function recentlyRelayed(db: Db, domain: OfferDomain, limit: number): Promise<{ revocationId: Hex; txHash: Hex }[]> {
  const { rows } = await db.query<{ revocation_id: Hex; relay_tx: Hex }>(
    `select revocation_id, relay_tx from revocations
     where relayed_at is not null and relay_tx is not null and chain_id = $1::numeric and verifying_contract = $2
     order by relayed_at desc limit $3`,
    [domain.chainId.toString(), domain.verifyingContract, limit],
  );
  return rows.map((r) => ({ revocationId: r.revocation_id, txHash: r.relay_tx }));
}

/** The chain lost the transaction that relayed it (a reorg, a development chain started afresh): relay it again. */
export async function requeueRelayed(db: Db, revocationId: Hex, txHash: Hex, reason: string): Promise<void> {
  await db.query(
    `update revocations set relayed_at = null, relay_tx = null, relay_raw = null, relay_nonce = null, relay_error = $3, relay_retry_at = null
     where revocation_id = $1 and relay_tx = $2`,
    [revocationId, txHash, reason],
  );
}
