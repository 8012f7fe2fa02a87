import { createPublicClient, http, type Address } from 'viem';
import { abi as licenseExchangeAbi } from '../chain/generated/LicenseExchange';
import type { NetworkSettings } from '../ext/protocol';
import { chainIdOf } from './terms-store';

/**
 * The licensor's cancel-all counter on the exchange: a batch must be signed at the current value to be
 * buyable. When the chain cannot be reached, 0 (never incremented: the common case) is assumed; the offer
 * still publishes, and a wrong guess shows at purchase time, not as lost work.
 */
export async function readCounter(network: NetworkSettings, licensor: Address): Promise<bigint> {
  try {
    const client = createPublicClient({
      chain: { id: Number(chainIdOf(network)), name: network.chain, nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [network.rpcUrl] } } },
      transport: http(network.rpcUrl, { timeout: 3_000, retryCount: 0 }),
    });
    return await client.readContract({ address: network.exchange, abi: licenseExchangeAbi, functionName: 'counters', args: [licensor] });
  } catch {
    return 0n;
  }
}
