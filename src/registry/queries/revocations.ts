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
