import { isAddressEqual, type Hex } from 'viem';
import { leafFromJson } from '../core/offer/leaf';
import type { OfferBatch, OfferDomain, OfferLeaf } from '../core/offer/types';
import type { Terms } from '../core/terms/terms';
import { readPostContent, type Checked, type PostContent } from '../core/validate-report';
import type { RegistryConfig } from './config';
import { readDomain } from './domain-json';
import { address, bytes32, decimal, isRecord, UINT256_MAX, UINT64_MAX } from './json-fields';
import { readTermsMap } from './terms-body';

/** A `POST /v1/batches` body, read and checked except for what `verifySignedBatch` checks. */
export interface BatchBody {
  domain: OfferDomain;
  batch: OfferBatch;
  signature: Hex;
  leaves: OfferLeaf[];
  /** Every terms a leaf names, by hash; no others. */
  terms: Map<Hex, Terms>;
  /** `contents[i]` is what `leaves[i]`'s contentHash was computed from, or null where the licensor sent none. */
  contents: (PostContent | null)[];
}


export interface ReadBatchBodyOptions {
  config: Pick<RegistryConfig, 'chainId' | 'exchangeAddress' | 'maxBatch'>;
  /** Unix seconds: a leaf that expires by then is refused. */
  now: bigint;
}

const fail = (error: string): Checked<never> => ({ ok: false, error });
const tooMany = (n: number | bigint, max: number) => `${n} offers; this registry takes at most ${max} per batch`;

function readBatch(x: unknown, maxBatch: number): Checked<OfferBatch> {
  if (!isRecord(x)) return fail('batch: not an object with licensor, root, count, counter and issuedAt');
  const licensor = address(x.licensor, 'batch.licensor');
  if (!licensor.ok) return licensor;
  const root = bytes32(x.root, 'batch.root');
  if (!root.ok) return root;
  const count = decimal(x.count, 'batch.count', UINT256_MAX);
  if (!count.ok) return count;
  if (count.value > BigInt(maxBatch)) return fail(`batch.count: ${tooMany(count.value, maxBatch)}`);
  const counter = decimal(x.counter, 'batch.counter', UINT256_MAX);
  if (!counter.ok) return counter;
  const issuedAt = decimal(x.issuedAt, 'batch.issuedAt', UINT64_MAX);
  if (!issuedAt.ok) return issuedAt;
  return { ok: true, value: { licensor: licensor.value, root: root.value, count: count.value, counter: counter.value, issuedAt: issuedAt.value } };
}

function readLeaves(x: unknown, maxBatch: number): Checked<OfferLeaf[]> {
  if (!Array.isArray(x)) return fail('leaves: not a list of offer leaves');
  if (x.length > maxBatch) return fail(`leaves: ${tooMany(x.length, maxBatch)}`);
  const leaves: OfferLeaf[] = [];
  for (const [i, json] of x.entries()) {
    const leaf = leafFromJson(json);
    if (!leaf.ok) return fail(`leaves[${i}]: ${leaf.error}`);
    leaves.push(leaf.value);
  }
  return { ok: true, value: leaves };
}

/** The optional `contents`: a list as long as `leaves`, each entry null or `{ text, media }`. */
function readContents(x: unknown, count: number): Checked<(PostContent | null)[]> {
  if (x === undefined || x === null) return { ok: true, value: new Array<null>(count).fill(null) };
  if (!Array.isArray(x) || x.length !== count) return fail(`contents: not a list of ${count} entries, one per leaf (null where there is none)`);
  const out: (PostContent | null)[] = [];
  for (const [i, c] of x.entries()) {
    if (c === null) {
      out.push(null);
      continue;
    }
    const content = readPostContent(c, `contents[${i}]`);
    if (!content.ok) return content;
    out.push(content.value);
  }
  return { ok: true, value: out };
}

/** Every leaf's terms present and agreeing with the leaf on what the contract enforces; no terms left over. */
function matchTerms(leaves: readonly OfferLeaf[], terms: ReadonlyMap<Hex, Terms>, now: bigint): string | undefined {
  const used = new Set<Hex>();
  for (const [i, leaf] of leaves.entries()) {
    const t = terms.get(leaf.termsHash);
    if (!t) return `leaves[${i}]: its terms ${leaf.termsHash} are not in the body's terms`;
    used.add(leaf.termsHash);
    // The contract charges the leaf's price; the RSL and the buyer's summary come from the terms. They must agree.
    if (leaf.price !== t.price.amount) return `leaves[${i}]: price ${leaf.price} is not its terms' price ${t.price.amount}`;
    if (!isAddressEqual(leaf.token, t.price.token)) return `leaves[${i}]: token ${leaf.token} is not its terms' token ${t.price.token}`;
    if (leaf.chainId !== t.price.chainId) return `leaves[${i}]: chainId ${leaf.chainId} is not its terms' chainId ${t.price.chainId}`;
    if (leaf.licenseDuration !== t.licenseDuration)
      return `leaves[${i}]: licenseDuration ${leaf.licenseDuration} is not its terms' licenseDuration ${t.licenseDuration}`;
    if (leaf.validUntil <= now) return `leaves[${i}]: validUntil ${leaf.validUntil} has passed`;
  }
  for (const hash of terms.keys()) if (!used.has(hash)) return `terms[${hash}]: no leaf uses these terms`;
  return undefined;
}

/**
 * Read a `POST /v1/batches` body: domain (the registry's own), batch, signature, leaves and their terms, and
 * optionally each post's content (checked against its leaf's contentHash in batch-check.ts).
 * The signature, the root and the leaves' licensor and chain are left to core's `verifySignedBatch`.
 * @example const body = readBatchBody(JSON.parse(text), { config, now: BigInt(Math.floor(Date.now() / 1000)) })
 */
export function readBatchBody(x: unknown, { config, now }: ReadBatchBodyOptions): Checked<BatchBody> {
  if (!isRecord(x)) return fail('body: not a JSON object');
  for (const key of ['domain', 'batch', 'signature', 'leaves', 'terms'])
    if (x[key] === undefined) return fail(`${key}: missing (a batch body has domain, batch, signature, leaves and terms)`);
  const domain = readDomain(x.domain, config);
  if (!domain.ok) return domain;
  const batch = readBatch(x.batch, config.maxBatch);
  if (!batch.ok) return batch;
  if (typeof x.signature !== 'string') return fail('signature: not a hex string');
  const leaves = readLeaves(x.leaves, config.maxBatch);
  if (!leaves.ok) return leaves;
  const terms = readTermsMap(x.terms, Math.max(1, leaves.value.length));
  if (!terms.ok) return terms;
  const mismatch = matchTerms(leaves.value, terms.value, now);
  if (mismatch) return fail(mismatch);
  const contents = readContents(x.contents, leaves.value.length);
  if (!contents.ok) return contents;
  return {
    ok: true,
    value: { domain: domain.value, batch: batch.value, signature: x.signature as Hex, leaves: leaves.value, terms: terms.value, contents: contents.value },
  };
}
