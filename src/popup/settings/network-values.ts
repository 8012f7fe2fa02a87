import { getAddress, isAddress } from 'viem';
import { CHAINS, type ChainName, type NetworkSettings } from '../../ext/protocol';

/** The settings as typed. */
export interface NetworkFormValues {
  chain: ChainName;
  rpcUrl: string;
  registryUrl: string;
  exchange: string;
  tokenAddress: string;
  tokenSymbol: string;
  tokenDecimals: string;
}

export type NetworkField = Exclude<keyof NetworkFormValues, 'chain'>;

export type NetworkResult = { ok: true; value: NetworkSettings } | { ok: false; errors: Partial<Record<NetworkField, string>> };

/** The local chain that `npm start` runs (anvil's first deployments: token, then exchange). */
export const LOCAL_DEFAULTS: NetworkSettings = {
  chain: 'anvil',
  rpcUrl: 'http://127.0.0.1:8545',
  registryUrl: 'http://127.0.0.1:8787',
  exchange: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
  token: { address: '0x5FbDB2315678afecb367f032d93F642f64180aa3', symbol: 'USDC', decimals: 6 },
};

export function formFromNetwork(n: NetworkSettings): NetworkFormValues {
  return {
    chain: n.chain,
    rpcUrl: n.rpcUrl,
    registryUrl: n.registryUrl,
    exchange: n.exchange,
    tokenAddress: n.token.address,
    tokenSymbol: n.token.symbol,
    tokenDecimals: String(n.token.decimals),
  };
}

function urlIssue(text: string): string | undefined {
  if (text === '') return 'Enter an address starting with http:// or https://.';
  if (!/^https?:\/\//i.test(text) || !URL.canParse(text)) return 'This must be a web address starting with http:// or https://.';
  return undefined;
}

function addressIssue(text: string): string | undefined {
  if (!/^0x[0-9a-fA-F]{40}$/.test(text)) return 'Enter a contract address: 0x followed by 40 hexadecimal characters.';
  // viem checks the capitals of a mixed-case address against its checksum: that catches a mistyped character.
  if (!isAddress(text)) return 'This address has a typo: its capital letters do not match its checksum.';
  return undefined;
}

/**
 * Checks what was typed and returns settings ready for 'network.set': URLs http(s) without a trailing slash
 * (offer links append paths), addresses checksummed, decimals a whole number from 0 to 255.
 */
export function networkFromForm(form: NetworkFormValues): NetworkResult {
  const rpcUrl = form.rpcUrl.trim();
  const registryUrl = form.registryUrl.trim().replace(/\/+$/, '');
  const exchange = form.exchange.trim();
  const tokenAddress = form.tokenAddress.trim();
  const tokenSymbol = form.tokenSymbol.trim();
  const decimalsText = form.tokenDecimals.trim();
  const errors: Partial<Record<NetworkField, string>> = {
    rpcUrl: urlIssue(rpcUrl),
    registryUrl: urlIssue(registryUrl),
    exchange: addressIssue(exchange),
    tokenAddress: addressIssue(tokenAddress),
    tokenSymbol: tokenSymbol === '' ? 'Enter the token symbol, e.g. USDC.' : tokenSymbol.length > 20 ? 'At most 20 characters.' : undefined,
    tokenDecimals:
      /^\d{1,3}$/.test(decimalsText) && Number(decimalsText) <= 255 ? undefined : 'Enter a whole number from 0 to 255 (USDC has 6).',
  };
  for (const key of Object.keys(errors) as NetworkField[]) if (errors[key] === undefined) delete errors[key];
  if (Object.keys(errors).length > 0 || !(form.chain in CHAINS)) return { ok: false, errors };
  return {
    ok: true,
    value: {
      chain: form.chain,
      rpcUrl,
      registryUrl,
      exchange: getAddress(exchange),
      token: { address: getAddress(tokenAddress), symbol: tokenSymbol, decimals: Number(decimalsText) },
    },
  };
}
