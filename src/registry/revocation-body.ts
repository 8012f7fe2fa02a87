import type { Hex } from 'viem';
import { signatureFormError } from '../core/offer/signature';
import type { OfferDomain, Revocation } from '../core/offer/types';
import type { Checked } from '../core/validate-report';
import type { RegistryConfig } from './config';
import { readDomain } from './domain-json';
import { address, bytes32, decimal, isRecord, UINT64_MAX } from './json-fields';

/** A `POST /v1/revocations` body, read and checked except for who signed it. */
export interface RevocationBody {
  domain: OfferDomain;
  revocation: Revocation;
  signature: Hex;
}

const fail = (error: string): Checked<never> => ({ ok: false, error });

/**
 * Read a `POST /v1/revocations` body: `{ domain, revocation: { licensor, offerIds, issuedAt }, signature }`.
 * The signature must have the one form the contract accepts, since the registry relays it on chain.
 */
export function readRevocationBody(x: unknown, config: Pick<RegistryConfig, 'chainId' | 'exchangeAddress' | 'maxBatch'>): Checked<RevocationBody> {
  if (!isRecord(x)) return fail('body: not a JSON object');
  for (const key of ['domain', 'revocation', 'signature'])
    if (x[key] === undefined) return fail(`${key}: missing (a revocation body has domain, revocation and signature)`);
  const domain = readDomain(x.domain, config);
  if (!domain.ok) return domain;
  const r = x.revocation;
  if (!isRecord(r)) return fail('revocation: not an object with licensor, offerIds and issuedAt');
  const licensor = address(r.licensor, 'revocation.licensor');
  if (!licensor.ok) return licensor;
  if (!Array.isArray(r.offerIds) || r.offerIds.length === 0) return fail('revocation.offerIds: not a non-empty list of offer ids');
  if (r.offerIds.length > config.maxBatch) return fail(`revocation.offerIds: ${r.offerIds.length} ids; at most ${config.maxBatch} per revocation`);
  const offerIds: Hex[] = [];
  for (const [i, id] of r.offerIds.entries()) {
    const checked = bytes32(id, `revocation.offerIds[${i}]`);
    if (!checked.ok) return checked;
    offerIds.push(checked.value);
  }
  const issuedAt = decimal(r.issuedAt, 'revocation.issuedAt', UINT64_MAX);
  if (!issuedAt.ok) return issuedAt;
  const formError = signatureFormError(x.signature);
  if (formError) return fail(`signature: ${formError}`);
  return {
    ok: true,
    value: { domain: domain.value, revocation: { licensor: licensor.value, offerIds, issuedAt: issuedAt.value }, signature: x.signature as Hex },
  };
}
