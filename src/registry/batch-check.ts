import type { Hex } from 'viem';
import { createHash } from 'node:crypto';
import { contentPreimage } from '../core/content-hash';
import { loadFastKeccak } from '../core/keccak';
import { verifySignedBatch } from '../core/offer/batch';
import type { Checked } from '../core/validate-report';
import { readBatchBody, type BatchBody, type ReadBatchBodyOptions } from './batch-body';
import { parseJson } from './http';

/** A batch body that parsed, checked and verified: ready to store. */
export interface CheckedBatch extends BatchBody {
  batchId: Hex;
  /** `offerIds[i]` is the id of `leaves[i]`. */
  offerIds: Hex[];
  /** `proofs[i]` proves `offerIds[i]` under the batch root: stored, so serving an offer never rebuilds a tree. */
  proofs: Hex[][];
  /** Milliseconds spent parsing JSON, checking fields and verifying hashes and signature. */
  timings: { parse: number; fields: number; verify: number };
}

/** Turns the raw bytes of a `POST /v1/batches` body into a batch ready to store, or the reason it is refused. */
export type CheckBatch = (bytes: Uint8Array, options: ReadBatchBodyOptions) => Promise<Checked<CheckedBatch>>;

/**
 * Everything the registry checks before storing a batch, and nothing that needs the database: pure CPU (about
 * 0.3 ms per leaf, nearly all of it hashing), so it can run on a worker thread (verify-pool.ts).
 * @example const checked = await checkBatch(body, { config, now })
 */
export const checkBatch: CheckBatch = async (bytes, options) => {
  const t0 = performance.now();
  const json = parseJson(bytes);
  if (!json.ok) return json;
  const t1 = performance.now();
  const body = readBatchBody(json.value, options);
  if (!body.ok) return body;
  const t2 = performance.now();
  await loadFastKeccak(); // recomputing 10,000 offer ids is mostly keccak
  const verified = await verifySignedBatch(body.value);
  if (!verified.ok) return verified;
  const { batchId, offerIds, tree } = verified.value;
  // The content is not signed; its hash is. A text that does not hash to the signed contentHash is not the post.
  const { leaves, contents } = body.value;
  for (const [i, content] of contents.entries()) {
    // core's contentHash, hashed synchronously: 10,000 WebCrypto round trips would cost more than the hashing.
    if (content && `0x${createHash('sha256').update(contentPreimage(content.text, content.media)).digest('hex')}` !== leaves[i]!.contentHash.toLowerCase())
      return { ok: false, error: `contents[${i}]: the text and media do not hash to leaves[${i}].contentHash (see the content hash's canonical form)` };
  }
  const proofs = offerIds.map((id) => tree.proof(id));
  const timings = { parse: t1 - t0, fields: t2 - t1, verify: performance.now() - t2 };
  return { ok: true, value: { ...body.value, batchId, offerIds, proofs, timings } };
};
