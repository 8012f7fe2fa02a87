import type { Hex } from 'viem';
import type { OfferLeafJson } from '../core/offer/types';
import { CliError } from './io';

/** The terms as the registry serves them (registry/terms-json.ts `TermsView`): JSON terms, hash, plain sentences. */
export interface TermsView {
  hash: Hex;
  summary: string[];
  permits: string[];
  prohibits: string[];
  users: string[];
  geo: string[];
  payment: string;
  price: { amount: string; token: string; chainId: string; decimals: number; symbol: string };
  attribution: { required: boolean; credit?: string; url?: string };
  licenseDuration: string;
}

/** One offer of a `GET /v1/offers` page (its terms are the page's `terms[termsHash]`; the detail carries them too). */
export type ListedOffer = OfferLeafJson & { offerId: Hex; batchId: Hex };

/** `GET /v1/offers/:id`: what settling the offer on chain takes. Untrusted until checked (check-offer.ts). */
export interface OfferDetail {
  offer: OfferLeafJson;
  offerId: Hex;
  proof: Hex[];
  batch: { licensor: string; root: string; count: string; counter: string; issuedAt: string };
  signature: Hex;
  domain: { chainId: string; verifyingContract: string };
  terms: TermsView;
  status: string;
  /** The post's text and media as the licensor published them; null or absent if not published. */
  content?: unknown;
}

/** Query parameters of `GET /v1/offers`, already in the registry's units (maxPrice in base units). */
export interface OfferQuery {
  platform?: string;
  use?: string;
  user?: string;
  maxPrice?: bigint;
  token?: string;
  licensor?: string;
}

export type DetailResult = { kind: 'ok'; detail: OfferDetail } | { kind: 'revoked' | 'missing' | 'error'; error: string };

async function get(registry: string, path: string): Promise<Response> {
  try {
    return await fetch(new URL(path, registry), { headers: { accept: 'application/json' } });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
    throw new CliError(`cannot reach the registry at ${registry} (${cause}); is it running? (--registry)`);
  }
}

async function errorText(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: string } | null;
  return body?.error ?? `HTTP ${res.status}`;
}

/**
 * Every offer matching `query`, page after page, until `limit` offers or the last page.
 * @example for await (const offer of listOffers(url, { use: 'ai-train' }, 100)) console.log(offer.url)
 */
export async function* listOffers(registry: string, query: OfferQuery, limit = Infinity): AsyncGenerator<ListedOffer> {
  let cursor: string | null = null;
  let seen = 0;
  do {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) q.set(k, String(v));
    q.set('limit', String(Math.min(500, Math.max(1, limit - seen))));
    if (cursor) q.set('cursor', cursor);
    const res = await get(registry, `/v1/offers?${q}`);
    if (!res.ok) throw new CliError(`registry refused the search: ${await errorText(res)}`);
    const page = (await res.json()) as { offers: ListedOffer[]; nextCursor: string | null };
    for (const offer of page.offers) {
      if (seen >= limit) return;
      seen++;
      yield offer;
    }
    cursor = page.nextCursor;
  } while (cursor && seen < limit);
}

/** The full record of one offer; a revoked (410) or unknown (404) offer is a result to skip, not a failure. */
export async function fetchOfferDetail(registry: string, offerId: Hex): Promise<DetailResult> {
  const res = await get(registry, `/v1/offers/${offerId}`);
  if (res.status === 410) return { kind: 'revoked', error: 'revoked by its licensor (registry: 410)' };
  if (res.status === 404) return { kind: 'missing', error: await errorText(res) };
  if (!res.ok) return { kind: 'error', error: `registry: ${await errorText(res)}` };
  return { kind: 'ok', detail: (await res.json()) as OfferDetail };
}
