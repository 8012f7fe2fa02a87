import { isAddressEqual } from 'viem';
import type { OfferDomain } from '../core/offer/types';
import type { Checked } from '../core/validate-report';
import type { RegistryConfig } from './config';
import { address, decimal, isRecord, UINT256_MAX } from './json-fields';

/** The EIP-712 domain as JSON: `{ chainId: "31337", verifyingContract: "0x…" }`. */
export interface OfferDomainJson {
  chainId: string;
  verifyingContract: string;
}

/**
 * Read a signed message's domain and refuse any but the registry's own chain and exchange: an offer signed
 * for another contract could never be settled by the one buyers are sent to.
 */
export function readDomain(x: unknown, config: Pick<RegistryConfig, 'chainId' | 'exchangeAddress'>): Checked<OfferDomain> {
  if (!isRecord(x)) return { ok: false, error: 'domain: not an object with chainId and verifyingContract' };
  const chainId = decimal(x.chainId, 'domain.chainId', UINT256_MAX);
  if (!chainId.ok) return chainId;
  const contract = address(x.verifyingContract, 'domain.verifyingContract');
  if (!contract.ok) return contract;
  if (chainId.value !== config.chainId)
    return { ok: false, error: `domain.chainId: wrong chain: this registry serves chain ${config.chainId}, not ${chainId.value}` };
  if (!isAddressEqual(contract.value, config.exchangeAddress))
    return {
      ok: false,
      error: `domain.verifyingContract: wrong verifying contract: this registry serves LicenseExchange ${config.exchangeAddress}, not ${contract.value}`,
    };
  return { ok: true, value: { chainId: chainId.value, verifyingContract: config.exchangeAddress } };
}

/** The domain as JSON. */
export function domainToJson(d: OfferDomain): OfferDomainJson {
  return { chainId: d.chainId.toString(), verifyingContract: d.verifyingContract };
}
