import { availableParallelism } from 'node:os';
import { getAddress, isAddress, isHex, type Address, type Hex } from 'viem';

/** Everything the registry needs to know about where it runs. */
export interface RegistryConfig {
  port: number;
  host: string;
  /** The chain whose LicenseExchange settles the offers; batches signed for any other are refused. */
  chainId: bigint;
  /** The LicenseExchange contract: the EIP-712 verifying contract every signature must be bound to. */
  exchangeAddress: Address;
  /** Base URL buyers reach this registry at, for links in RSL; defaults to the address it listens on. */
  publicUrl?: string;
  /** Most offers one batch may carry. */
  maxBatch: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** PGlite data directory, used when `databaseUrl` is not set. */
  dataDir: string;
  /** A PostgreSQL connection string; when set, PostgreSQL is used instead of PGlite. */
  databaseUrl?: string;
  /** Worker threads that check batches (hashing, signatures) off the main thread; 0 checks on the main thread. */
  verifyThreads: number;
  /** JSON-RPC endpoint of `chainId`; when set, the registry follows `Licensed` sales (chain/watcher.ts). */
  chainRpcUrl?: string;
  /** Key of the account that pays for relaying signed revocations (`revokeBySig`); needs `chainRpcUrl`. */
  relayerKey?: Hex;
  /** How often the chain is polled for new blocks and revocations are looked for, in ms. */
  chainPollMs: number;
  /** Blocks re-read on every poll, so a reorg up to this deep replaces the sales it dropped. */
  chainReorgDepth: number;
  /** Where the watcher starts reading `Licensed` logs: the exchange's deployment block. */
  chainStartBlock: bigint;
}

/**
 * The exchange address of the local stack: `deployLocalStack` deploys TestStablecoin (nonce 0,
 * 0x5FbDB…0aa3) and then LicenseExchange (nonce 1) from anvil's first account on a fresh chain.
 */
export const LOCAL_EXCHANGE_ADDRESS: Address = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';

/** The local defaults: anvil's chain and the local stack's exchange, PGlite under `.data/registry`. */
export const DEFAULT_CONFIG: RegistryConfig = {
  port: 8787,
  host: '127.0.0.1',
  chainId: 31337n,
  exchangeAddress: LOCAL_EXCHANGE_ADDRESS,
  maxBatch: 10_000,
  maxBodyBytes: 16 * 1024 * 1024,
  dataDir: '.data/registry',
  // One core stays free for the HTTP thread (and, with PGlite, the database in it).
  verifyThreads: Math.max(1, availableParallelism() - 1),
  chainPollMs: 2000,
  chainReorgDepth: 32,
  chainStartBlock: 0n,
};

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name}: expected a whole number ≥ ${min}, got "${raw}"`);
  return n;
}

/**
 * The configuration from environment variables, each falling back to `DEFAULT_CONFIG`:
 * PORT, HOST, CHAIN_ID, EXCHANGE_ADDRESS, PUBLIC_URL, MAX_BATCH, MAX_BODY_BYTES, REGISTRY_DATA_DIR, DATABASE_URL,
 * VERIFY_THREADS; and for the link to the chain (off unless CHAIN_RPC_URL is set): CHAIN_RPC_URL, RELAYER_PRIVATE_KEY
 * (relays signed revocations; without it sales are still followed), CHAIN_POLL_MS, CHAIN_REORG_DEPTH,
 * CHAIN_START_BLOCK.
 * Throws, naming the variable, on a value that does not parse: a registry bound to the wrong chain must not start.
 * @example const config = configFromEnv(process.env)
 */
export function configFromEnv(env: NodeJS.ProcessEnv): RegistryConfig {
  const chainIdText = env.CHAIN_ID || String(DEFAULT_CONFIG.chainId);
  if (!/^[1-9][0-9]{0,77}$/.test(chainIdText)) throw new Error(`CHAIN_ID: expected a positive decimal number, got "${chainIdText}"`);
  const exchange = env.EXCHANGE_ADDRESS || DEFAULT_CONFIG.exchangeAddress;
  if (!isAddress(exchange, { strict: true })) throw new Error(`EXCHANGE_ADDRESS: not a checksummed or lowercase address: "${exchange}"`);
  const publicUrl = env.PUBLIC_URL || undefined;
  if (publicUrl !== undefined && !URL.canParse(publicUrl)) throw new Error(`PUBLIC_URL: not a URL: "${publicUrl}"`);
  const chainRpcUrl = env.CHAIN_RPC_URL || undefined;
  if (chainRpcUrl !== undefined && !(URL.canParse(chainRpcUrl) && /^https?:$/.test(new URL(chainRpcUrl).protocol)))
    throw new Error('CHAIN_RPC_URL: not an http(s) URL'); // not echoed: provider URLs carry API keys
  const relayerKey = env.RELAYER_PRIVATE_KEY || undefined;
  if (relayerKey !== undefined && !(isHex(relayerKey, { strict: true }) && relayerKey.length === 66))
    throw new Error('RELAYER_PRIVATE_KEY: expected 0x and 64 hex digits'); // never echo a key, even a malformed one
  if (relayerKey !== undefined && chainRpcUrl === undefined) throw new Error('RELAYER_PRIVATE_KEY: set CHAIN_RPC_URL too, or the revocations cannot be relayed');
  return {
    port: integer(env, 'PORT', DEFAULT_CONFIG.port, 0),
    host: env.HOST || DEFAULT_CONFIG.host,
    chainId: BigInt(chainIdText),
    exchangeAddress: getAddress(exchange),
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    maxBatch: integer(env, 'MAX_BATCH', DEFAULT_CONFIG.maxBatch, 1),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', DEFAULT_CONFIG.maxBodyBytes, 1024),
    dataDir: env.REGISTRY_DATA_DIR || DEFAULT_CONFIG.dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    verifyThreads: integer(env, 'VERIFY_THREADS', DEFAULT_CONFIG.verifyThreads, 0),
    chainRpcUrl,
    relayerKey: relayerKey as Hex | undefined,
    chainPollMs: integer(env, 'CHAIN_POLL_MS', DEFAULT_CONFIG.chainPollMs, 10),
    chainReorgDepth: integer(env, 'CHAIN_REORG_DEPTH', DEFAULT_CONFIG.chainReorgDepth, 1),
    chainStartBlock: BigInt(integer(env, 'CHAIN_START_BLOCK', Number(DEFAULT_CONFIG.chainStartBlock), 0)),
  };
}
