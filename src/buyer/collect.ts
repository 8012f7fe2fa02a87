import { getAddress, type Address } from 'viem';
import type { Chain } from './chain';
import { checkContent, checkOffer, type CheckedPurchase } from './check-offer';
import type { OfferFilter } from './filters';
import { short } from './format';
import type { CliIo } from './io';
import { fetchOfferDetail, listOffers } from './registry-client';
import type { BuyerState, StateOffer } from './state';

/** An offer to buy: the checked purchase, and what the state keeps for export once it is bought. */
export interface Candidate {
  purchase: CheckedPurchase;
  token: Address;
  record: Omit<StateOffer, 'status' | 'txHash'>;
}

export interface CollectParameters {
  registry: string;
  chain: Chain;
  filter: OfferFilter;
  state: BuyerState;
  /** Stop after this many offers to buy. */
  max: number;
  io: CliIo;
}

export interface CollectReturnType {
  candidates: Candidate[];
  /** Offer id and why it is not bought. */
  skipped: { offerId: string; why: string }[];
  /** Offers already licensed (by the state or the chain). */
  owned: number;
}

/**
 * Walk the matching offers and keep those worth paying for: not already owned, still served (not revoked), and
 * passing every local check. Licences found on chain but missing from the state are recorded as done.
 */
export async function collect({ registry, chain, filter, state, max, io }: CollectParameters): Promise<CollectReturnType> {
  const out: CollectReturnType = { candidates: [], skipped: [], owned: 0 };
  const now = BigInt(Math.floor(Date.now() / 1000));
  const skip = (offerId: string, why: string) => {
    out.skipped.push({ offerId, why });
    io.err(`skip ${short(offerId)}: ${why}`);
  };
  for await (const listed of listOffers(registry, filter.query)) {
    if (out.candidates.length >= max) break;
    const id = listed.offerId.toLowerCase() as `0x${string}`;
    if (state.offers[id]?.status === 'done') {
      out.owned++;
      continue;
    }
    if (!(await filter.accept(listed))) continue;
    const fetched = await fetchOfferDetail(registry, id);
    if (fetched.kind !== 'ok') {
      skip(id, fetched.error);
      continue;
    }
    const checked = await checkOffer({ detail: fetched.detail, chainId: chain.chainId, exchange: chain.exchange, now });
    if (!checked.ok) {
      skip(id, `failed the local check: ${checked.error}`);
      continue;
    }
    const d = fetched.detail;
    const content = await checkContent(d.content, checked.value.leaf.contentHash);
    if (!content.ok) {
      skip(id, content.error);
      continue;
    }
    const record = { offer: d.offer, terms: d.terms, text: content.value?.text ?? null, media: content.value?.media ?? null };
    if (await chain.hasLicense(id)) {
      state.offers[id] = { status: 'done', ...record };
      out.owned++;
      continue;
    }
    out.candidates.push({ purchase: checked.value, token: getAddress(checked.value.leaf.token), record });
  }
  return out;
}
