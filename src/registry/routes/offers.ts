import type { Hex } from 'viem';
import type { RegistryContext } from '../context';
import { encodeCursor } from '../cursor';
import { HttpError, serverTiming, type Reply } from '../http';
import { bytes32 } from '../json-fields';
import { readOfferFilter } from '../offer-filter';
import { listedOffer, offerDetail, statusOf } from '../offer-view';
import { findOffer, listOffers } from '../queries/offers';
import { pathSegment, type Handler } from './route';

// Revocation must take effect at once: no cache between us and a buyer may keep serving an offer.
const NO_STORE = { 'cache-control': 'no-store' };

/**
 * `GET /v1/offers`: a page of live offers matching the filters, in insertion order, the terms they name (once
 * each: a page's offers mostly share a few terms, which were half of every offer's bytes), and the next cursor.
 */
export const getOffers: Handler = async (ctx, { url }): Promise<Reply> => {
  const filter = readOfferFilter(url.searchParams);
  if (!filter.ok) throw new HttpError(400, filter.error);
  const { limit } = filter.value;
  const t0 = performance.now();
  // One row more than asked tells whether there is a next page without a second query.
  const rows = await listOffers(ctx.db, { ...filter.value, now: ctx.now(), limit: limit + 1 });
  const t1 = performance.now();
  const page = rows.slice(0, limit);
  const terms = await ctx.terms.get([...new Set(page.map((r) => r.terms_hash))]);
  const offers = page.map(listedOffer);
  const views = Object.fromEntries([...terms].map(([hash, t]) => [hash, t.view]));
  const nextCursor = rows.length > limit ? encodeCursor(page.at(-1)!.seq) : null;
  return { status: 200, body: { offers, terms: views, nextCursor }, headers: { ...NO_STORE, 'server-timing': serverTiming({ db: t1 - t0 }) } };
};

/** The stored offer a path segment names: 400 if it is not an offer id, 404 if the registry never stored it. */
export async function offerAt(ctx: RegistryContext, segment: string) {
  const id = bytes32(pathSegment(segment, 'offerId'), 'offerId');
  if (!id.ok) throw new HttpError(400, `${id.error} (an offer id)`);
  const row = await findOffer(ctx.db, id.value);
  if (!row) throw new HttpError(404, `offer ${id.value} is not in this registry`);
  return { row, status: statusOf(row, ctx.now()) };
}

/** The 410 a revoked offer gets: its status, and nothing a buyer could settle with. */
export function revokedReply(offerId: Hex, revokedAt: Date | null): Reply {
  return {
    status: 410,
    body: { error: `offer ${offerId} was revoked by its licensor`, offerId, status: 'revoked', revokedAt: revokedAt?.toISOString() ?? null },
    headers: NO_STORE,
  };
}

/** `GET /v1/offers/:offerId`: the leaf, its proof, the signed batch and the terms; 410 once revoked. */
export const getOffer: Handler = async (ctx, { params }): Promise<Reply> => {
  const { row, status } = await offerAt(ctx, params[0]!);
  if (status === 'revoked') return revokedReply(row.offer_id, row.revoked_at);
  const proof = (row.proof.match(/.{64}/g) ?? []).map((h) => `0x${h}` as Hex);
  const terms = await ctx.terms.get([row.terms_hash]);
  return { status: 200, body: offerDetail(row, proof, terms.get(row.terms_hash)!.view, status), headers: NO_STORE };
};
