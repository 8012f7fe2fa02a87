// The local stack in one process: anvil (from the npm package), the contracts deployed, the offer registry.
// Run built by scripts/start.mjs. Every address is the local default the extension ships with.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPublicClient, createWalletClient, http, parseUnits } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { startAnvil } from '../chain/anvil';
import { deployLocalStack } from '../chain/deploy';
import { abi as stablecoinAbi } from '../chain/generated/TestStablecoin';
import { configFromEnv } from '../registry/config';
import { openDb } from '../registry/db/open';
import { createRegistry } from '../registry/server';
import { createCheckPool } from '../registry/verify-pool';

/** anvil's well-known development keys (mnemonic "test test … junk"): never use them anywhere else. */
const DEPLOYER_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const BUYER_KEY = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
/** Account #2 pays for relaying revocations: never the deployer's or the buyer's nonces to race with. */
const RELAYER_KEY = '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a';

const port = Number(process.env.ANVIL_PORT ?? 8545);
const anvil = await startAnvil({ port, chainId: 31337 });
const stack = await deployLocalStack({ rpcUrl: anvil.rpcUrl, deployerKey: DEPLOYER_KEY });

// Give the local buyer (anvil account #1) test dollars to buy with.
const buyer = privateKeyToAccount(BUYER_KEY);
const wallet = createWalletClient({ account: buyer, transport: http(anvil.rpcUrl) });
const chain = { id: 31337, name: 'anvil', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [anvil.rpcUrl] } } };
const hash = await wallet.writeContract({ chain, address: stack.stablecoin, abi: stablecoinAbi, functionName: 'mint', args: [buyer.address, parseUnits('1000', 6)] });
await createPublicClient({ transport: http(anvil.rpcUrl) }).waitForTransactionReceipt({ hash });

// The registry relays revocations to this chain and follows its sales.
const config = configFromEnv({ ...process.env, EXCHANGE_ADDRESS: stack.exchange, CHAIN_ID: '31337', CHAIN_RPC_URL: anvil.rpcUrl, RELAYER_PRIVATE_KEY: RELAYER_KEY });
const db = await openDb(config);
// Batches are checked on worker threads as `npm run registry` does (verify-worker.js is built beside this file).
const workerFile = join(dirname(fileURLToPath(import.meta.url)), 'verify-worker.js');
const pool = config.verifyThreads > 0 && existsSync(workerFile) ? createCheckPool(workerFile, config.verifyThreads) : undefined;
const registry = await createRegistry({ db, config, checkBatch: pool?.check });

console.log(`
Consentry local stack
  chain     ${anvil.rpcUrl} (anvil, chain id 31337)
  exchange  ${stack.exchange}
  USDC      ${stack.stablecoin} (test token, 6 decimals; buyer ${buyer.address} holds 1,000)
  registry  ${registry.url} (PGlite in ${config.dataDir}); relays revocations from ${privateKeyToAccount(RELAYER_KEY).address}, follows sales
The extension's defaults point here. Buy with: npm run buyer -- buy --yes`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await registry.close();
  await pool?.close();
  await db.close();
  await anvil.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
