// Signed batches as the extension makes them: core's makeBatch and signOfferBatch, real keys, real terms.
import { keccak256, stringToHex, type Address, type Hex } from 'viem';
import { generatePrivateKey, type PrivateKeyAccount } from 'viem/accounts';
import { makeBatch } from '../../src/core/offer/batch';
import { signOfferBatch } from '../../src/core/offer/eip712';
import { leafToJson } from '../../src/core/offer/leaf';
import type { OfferBatch, OfferDomain, OfferLeaf } from '../../src/core/offer/types';
import { defaultTerms, type Terms, type TokenInfo } from '../../src/core/terms/terms';
import { termsHash } from '../../src/core/terms/terms-hash';
import { LOCAL_EXCHANGE_ADDRESS } from '../../src/registry/config';
import { termsToJson } from '../../src/registry/terms-json';

export const DOMAIN: OfferDomain = { chainId: 31337n, verifyingContract: LOCAL_EXCHANGE_ADDRESS };
export const USDC: TokenInfo = { token: '0x5FbDB2315678afecb367f032d93F642f64180aa3', chainId: 31337n, decimals: 6, symbol: 'USDC' };
export const EURC: TokenInfo = { token: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0', chainId: 31337n, decimals: 6, symbol: 'EURC' };
export const DAY = 86_400n;
export const now = () => BigInt(Math.floor(Date.now() / 1000));

let post = 1_800_000_000_000_000_000n;

/** A leaf for one of `account`'s posts under `terms`: price, token, chain and duration taken from the terms. */
export function leafFor(licensor: Address, terms: Terms, over: Partial<OfferLeaf> = {}): OfferLeaf {
  const postId = String(post++);
  const platform = over.platform ?? 'x';
  return {
    licensor,
    platform,
    postId,
    url: platform === 'x' ? `https://x.com/someone/status/${postId}` : `https://bsky.app/profile/someone.bsky.social/post/${postId}`,
    contentHash: keccak256(stringToHex(`post ${postId}`)),
    termsHash: termsHash(terms),
    price: terms.price.amount,
    token: terms.price.token,
    chainId: terms.price.chainId,
    validUntil: now() + 30n * DAY,
    licenseDuration: terms.licenseDuration,
    salt: generatePrivateKey(),
    ...over,
  };
}

/** The JSON body of `POST /v1/batches`. */
export interface BatchBodyJson {
  domain: { chainId: string; verifyingContract: string };
  batch: { licensor: string; root: string; count: string; counter: string; issuedAt: string };
  signature: Hex;
  leaves: ReturnType<typeof leafToJson>[];
  terms: Record<string, ReturnType<typeof termsToJson>>;
}

export interface SignedBatch {
  body: BatchBodyJson;
  batch: OfferBatch;
  leaves: OfferLeaf[];
  offerIds: Hex[];
}

export const batchJson = (b: OfferBatch) => ({
  licensor: b.licensor,
  root: b.root,
  count: b.count.toString(),
  counter: b.counter.toString(),
  issuedAt: b.issuedAt.toString(),
});
export const domainJson = (d: OfferDomain) => ({ chainId: d.chainId.toString(), verifyingContract: d.verifyingContract });

/** Sign `leaves` as one batch with `account` and build the request body. */
export async function signedBatch(account: PrivateKeyAccount, leaves: OfferLeaf[], terms: Terms[], domain = DOMAIN): Promise<SignedBatch> {
  const { batch, offerIds } = makeBatch({ leaves, licensor: account.address, counter: 0n, issuedAt: now() });
  const signature = await signOfferBatch(account, domain, batch);
  const body: BatchBodyJson = {
    domain: domainJson(domain),
    batch: batchJson(batch),
    signature,
    leaves: leaves.map(leafToJson),
    terms: Object.fromEntries(terms.map((t) => [termsHash(t), termsToJson(t)])),
  };
  return { body, batch, leaves, offerIds };
}

/** `n` leaves of `account` under one terms, signed as one batch. */
export async function batchOf(account: PrivateKeyAccount, n: number, terms: Terms = defaultTerms(USDC), over: Partial<OfferLeaf> = {}) {
  return signedBatch(account, Array.from({ length: n }, () => leafFor(account.address, terms, over)), [terms]);
}
