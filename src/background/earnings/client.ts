import { createPublicClient, createWalletClient, http, type Chain, type LocalAccount } from 'viem';
import type { NetworkSettings } from '../../ext/protocol';
import { chainIdOf } from '../terms-store';

/** A viem chain from the user's network settings: the RPC is theirs, not viem's built-in one. */
export function chainOf(network: NetworkSettings): Chain {
  return {
    id: Number(chainIdOf(network)),
    name: network.chain,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [network.rpcUrl] } },
  };
}

// Short timeouts, one retry: a sync runs again next minute anyway, and the popup waits on it.
const transport = (network: NetworkSettings) => http(network.rpcUrl, { timeout: 10_000, retryCount: 1 });

export function publicClientFor(network: NetworkSettings) {
  return createPublicClient({ chain: chainOf(network), transport: transport(network) });
}

export function walletClientFor(network: NetworkSettings, account: LocalAccount) {
  return createWalletClient({ account, chain: chainOf(network), transport: transport(network) });
}

export type EarningsPublicClient = ReturnType<typeof publicClientFor>;
