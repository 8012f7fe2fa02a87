import {
  createPublicClient,
  createWalletClient,
  erc20Abi,
  getAddress,
  http,
  isAddress,
  isHex,
  type Address,
  type Hex,
  type PublicClient,
} from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { abi as exchangeAbi } from '../chain/generated/LicenseExchange';
import { LOCAL_EXCHANGE_ADDRESS } from '../registry/config';
import { CliError } from './io';

/** Anvil's account #1: a fine default on a local chain, a public key everywhere else. */
export const ANVIL_KEY_1: Hex = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
const LOCAL_CHAIN_ID = 31337;

/** What a price needs to be shown: read from the token contract, not from the (licensor-written) terms. */
export interface TokenMeta {
  decimals: number;
  symbol: string;
}

export interface ConnectParameters {
  rpc: string;
  /** `--key`, else BUYER_PRIVATE_KEY, else anvil's account #1 (local chain only). */
  key?: string;
  /** `--exchange`; defaults to the local stack's LicenseExchange. */
  exchange?: string;
  /** Only reading (search): no key needed and the exchange is not checked. */
  readOnly?: boolean;
}

export type Chain = Awaited<ReturnType<typeof connect>>;

/** Say which endpoint failed, rather than viem's long HTTP error, when the node is not there. */
export function rpcError(rpc: string, e: unknown): CliError {
  const first = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  return new CliError(`cannot reach the RPC at ${rpc} (${first}); is the chain running? (--rpc)`);
}

/**
 * Connect to the chain as the buyer: checks the RPC answers, the key is allowed there, and the exchange has code.
 * @example const chain = await connect({ rpc: 'http://127.0.0.1:8545' }); await chain.hasLicense(id)
 */
export async function connect({ rpc, key, exchange, readOnly = false }: ConnectParameters) {
  const transport = http(rpc, { retryCount: 0 });
  const publicClient: PublicClient = createPublicClient({ transport });
  let chainId: number;
  try {
    chainId = await publicClient.getChainId();
  } catch (e) {
    throw rpcError(rpc, e);
  }
  if (key === undefined && chainId !== LOCAL_CHAIN_ID && !readOnly)
    throw new CliError(`chain ${chainId} is not a local anvil chain: give the buyer's key with --key or BUYER_PRIVATE_KEY`);
  const rawKey = key ?? ANVIL_KEY_1;
  if (!isHex(rawKey) || rawKey.length !== 66) throw new CliError('--key / BUYER_PRIVATE_KEY: not 0x + 64 hex digits');
  const account: PrivateKeyAccount = privateKeyToAccount(rawKey);
  const exchangeText = exchange ?? LOCAL_EXCHANGE_ADDRESS;
  if (!isAddress(exchangeText, { strict: false })) throw new CliError(`--exchange: not an address: "${exchangeText}"`);
  const exchangeAddress = getAddress(exchangeText);
  const code = await publicClient.getCode({ address: exchangeAddress }).catch((e: unknown) => {
    throw rpcError(rpc, e);
  });
  if (!readOnly && (!code || code === '0x')) throw new CliError(`no contract at ${exchangeAddress} on chain ${chainId}: give the LicenseExchange with --exchange`);
  const wallet = createWalletClient({ account, transport });
  const tokens = new Map<Address, Promise<TokenMeta>>();

  return {
    rpc,
    chainId,
    exchange: exchangeAddress,
    account,
    buyer: account.address,
    publicClient,
    wallet,
    /** Decimals and symbol of an ERC-20, read once per token. */
    tokenMeta(token: Address): Promise<TokenMeta> {
      let meta = tokens.get(token);
      if (!meta) {
        meta = Promise.all([
          publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'decimals' }),
          publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'symbol' }),
        ]).then(([decimals, symbol]) => ({ decimals, symbol }));
        tokens.set(token, meta);
      }
      return meta;
    },
    hasLicense(offerId: Hex): Promise<boolean> {
      return publicClient.readContract({ address: exchangeAddress, abi: exchangeAbi, functionName: 'hasLicense', args: [offerId, account.address] });
    },
    balance(token: Address): Promise<bigint> {
      return publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [account.address] });
    },
    allowance(token: Address): Promise<bigint> {
      return publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'allowance', args: [account.address, exchangeAddress] });
    },
  };
}
