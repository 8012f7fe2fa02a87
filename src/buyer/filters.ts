import { getAddress, isAddress, type Address } from 'viem';
import { parseDisplayAmount } from '../core/terms/amount';
import type { Flags } from './args';
import type { Chain } from './chain';
import { CliError } from './io';
import type { ListedOffer, OfferQuery } from './registry-client';

/** The registry query for the filter flags, plus the check the registry cannot do for us. */
export interface OfferFilter {
  query: OfferQuery;
  /** True if the offer is within `--max-price` in its own token's display units. */
  accept(offer: ListedOffer): Promise<boolean>;
}

function addressFlag(value: string | undefined, name: string): Address | undefined {
  if (value === undefined) return undefined;
  if (!isAddress(value, { strict: false })) throw new CliError(`--${name}: not an address: "${value}"`);
  return getAddress(value);
}

function amount(text: string, decimals: number): bigint {
  try {
    return parseDisplayAmount(text, decimals);
  } catch (e) {
    throw new CliError(`--max-price: ${(e as Error).message}`);
  }
}

/**
 * Turn `--platform --use --user --max-price --token --licensor` into a registry query. `--max-price` is in display
 * units ("0.05"); the registry compares base units, so with `--token` it is converted with the token's on-chain
 * decimals and sent, and without it each offer is compared in its own token's units here.
 */
export async function offerFilter(flags: Flags, chain: Chain): Promise<OfferFilter> {
  const token = addressFlag(flags.token, 'token');
  const query: OfferQuery = { platform: flags.platform, use: flags.use, user: flags.user, token, licensor: addressFlag(flags.licensor, 'licensor') };
  const maxPrice = flags['max-price'];
  if (maxPrice !== undefined && token) query.maxPrice = amount(maxPrice, (await chain.tokenMeta(token)).decimals);
  const clientSide = maxPrice !== undefined && !token;
  return {
    query,
    async accept(offer) {
      if (!clientSide) return true;
      const { decimals } = await chain.tokenMeta(getAddress(offer.token));
      return BigInt(offer.price) <= amount(maxPrice, decimals);
    },
  };
}
