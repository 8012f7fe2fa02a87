import { bytesToHex, type Address, type Hex } from 'viem';
import { makeBatch } from '../core/offer/batch';
import { signOfferBatch, signRevocation, batchId as batchIdOf, hashRevocation } from '../core/offer/eip712';
import { leafToJson } from '../core/offer/leaf';
import type { OfferDomain, OfferLeaf } from '../core/offer/types';
import type { PostRecord } from '../core/post';
import { termsHash } from '../core/terms/terms-hash';
import { termsToJson, type TermsJson } from '../core/terms/terms-json';
import type { NetworkSettings } from '../ext/protocol';
import type { PrivateKeyAccount } from 'viem/accounts';
import { effectiveTerms, chainIdOf } from './terms-store';

/** An offer stays buyable this long; a later session can renew it. */
const OFFER_LIFETIME_S = 365n * 24n * 3600n;

export function domainOf(network: NetworkSettings): OfferDomain {
  return { chainId: chainIdOf(network), verifyingContract: network.exchange };
}

function randomSalt(): Hex {
  return bytesToHex(crypto.getRandomValues(new Uint8Array(32)));
}

export interface SignedBatch {
  batchId: Hex;
  body: string;
  /** Post key → offer id. */
  offerIds: Record<string, string>;
}

/**
 * One signed OfferBatch over every post given: one signature however many posts. Everything signed is built
 * here from the background's own records; nothing a content script sent is signed as is.
 */
export async function buildSignedBatch(
  account: PrivateKeyAccount,
  network: NetworkSettings,
  posts: { key: string; rec: PostRecord }[],
  counter: bigint,
  now = new Date(),
): Promise<SignedBatch> {
  const issuedAt = BigInt(Math.floor(now.getTime() / 1000));
  const licensor: Address = account.address;
  const terms: Record<string, TermsJson> = {};
  const leaves: OfferLeaf[] = [];
  for (const { rec } of posts) {
    const t = await effectiveTerms(rec);
    const hash = termsHash(t);
    terms[hash] = termsToJson(t);
    leaves.push({
      licensor,
      platform: rec.post.platform,
      postId: rec.post.postId,
      url: rec.post.url,
      contentHash: rec.post.contentHash as Hex,
      termsHash: hash,
      price: t.payment === 'purchase' ? t.price.amount : 0n,
      token: t.price.token,
      chainId: chainIdOf(network),
      validUntil: issuedAt + OFFER_LIFETIME_S,
      licenseDuration: t.licenseDuration,
      salt: randomSalt(),
    });
  }
  const { batch, offerIds } = makeBatch({ leaves, licensor, counter, issuedAt });
  const domain = domainOf(network);
  const signature = await signOfferBatch(account, domain, batch);
  const body = JSON.stringify({
    domain: { chainId: domain.chainId.toString(), verifyingContract: domain.verifyingContract },
    batch: { licensor: batch.licensor, root: batch.root, count: batch.count.toString(), counter: batch.counter.toString(), issuedAt: batch.issuedAt.toString() },
    signature,
    leaves: leaves.map(leafToJson),
    terms,
    // What each contentHash was computed from: buyers license the text itself, and check it against the hash.
    contents: posts.map(({ rec }) => ({ text: rec.post.text, media: rec.post.media })),
  });
  return {
    batchId: batchIdOf(domain, batch),
    body,
    offerIds: Object.fromEntries(posts.map((p, i) => [p.key, offerIds[i]!])),
  };
}

/** A signed withdrawal of the given offers, for the registry to relay (the user pays no gas). */
export async function buildSignedRevocation(account: PrivateKeyAccount, network: NetworkSettings, offerIds: Hex[], now = new Date()) {
  const revocation = { licensor: account.address, offerIds, issuedAt: BigInt(Math.floor(now.getTime() / 1000)) };
  const domain = domainOf(network);
  const signature = await signRevocation(account, domain, revocation);
  const body = JSON.stringify({
    domain: { chainId: domain.chainId.toString(), verifyingContract: domain.verifyingContract },
    revocation: { ...revocation, issuedAt: revocation.issuedAt.toString() },
    signature,
  });
  return { id: hashRevocation(domain, revocation), body };
}
