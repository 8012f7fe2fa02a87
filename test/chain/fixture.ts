// A real anvil chain with the local stack deployed, plus funded throwaway accounts: what each test file shares.
import {
  BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  createTestClient,
  createWalletClient,
  decodeErrorResult,
  erc20Abi,
  getAddress,
  getContract,
  http,
  parseEther,
  type Abi,
  type Address,
  type Hash,
  type Hex,
  type TransactionReceipt,
} from 'viem';
import { generatePrivateKey, privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { startAnvil, type StartAnvilReturnType } from '../../src/chain/anvil';
import { deployLocalStack } from '../../src/chain/deploy';
import { abi as exchangeAbi } from '../../src/chain/generated/LicenseExchange';
import { abi as stablecoinAbi } from '../../src/chain/generated/TestStablecoin';
import type { Domain } from './offers';

export { exchangeAbi, stablecoinAbi };

/** Every custom error a purchase can revert with: the exchange's and, bubbled up through SafeERC20, the token's. */
const errorAbi = [...exchangeAbi, ...stablecoinAbi].filter((x) => x.type === 'error') as Abi;

/** A real chain is slower than a unit under a loaded machine; apply with `vi.setConfig` in each test file. */
export const CHAIN_TIMEOUTS = { testTimeout: 30_000, hookTimeout: 60_000 };

export type Fixture = Awaited<ReturnType<typeof setupChain>>;

/** Start anvil, deploy TestStablecoin + LicenseExchange from a fresh funded key. Call `stop()` in afterAll. */
export async function setupChain() {
  const anvil: StartAnvilReturnType = await startAnvil();
  const transport = http(anvil.rpcUrl);
  const publicClient = createPublicClient({ chain: foundry, transport });
  const testClient = createTestClient({ chain: foundry, mode: 'anvil', transport });

  async function newAccount(): Promise<PrivateKeyAccount> {
    const account = privateKeyToAccount(generatePrivateKey());
    await testClient.setBalance({ address: account.address, value: parseEther('100') });
    return account;
  }

  const deployerKey = generatePrivateKey();
  await testClient.setBalance({ address: privateKeyToAccount(deployerKey).address, value: parseEther('100') });
  const stack = await deployLocalStack({ rpcUrl: anvil.rpcUrl, deployerKey });
  const deployer = privateKeyToAccount(deployerKey);

  function walletOf(account: PrivateKeyAccount) {
    return createWalletClient({ account, chain: foundry, transport });
  }

  /** The exchange as `account` sees it: `.write.purchase([...])`, `.read.hasLicense([...])`, ... */
  function exchangeAs(account: PrivateKeyAccount, address: Address = stack.exchange) {
    return getContract({ address, abi: exchangeAbi, client: { public: publicClient, wallet: walletOf(account) } });
  }

  function stablecoinAs(account: PrivateKeyAccount) {
    return getContract({ address: stack.stablecoin, abi: stablecoinAbi, client: { public: publicClient, wallet: walletOf(account) } });
  }

  /** Wait for a transaction and insist it succeeded. */
  async function mined(hash: Promise<Hash>): Promise<TransactionReceipt> {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
    if (receipt.status !== 'success') throw new Error(`transaction ${receipt.transactionHash} reverted`);
    return receipt;
  }

  /** Deploy a contract from `src/chain/generated` as the deployer. */
  async function deploy(artifact: { abi: Abi; bytecode: Hex }, args: readonly unknown[] = []): Promise<Address> {
    const receipt = await mined(walletOf(deployer).deployContract({ abi: artifact.abi, bytecode: artifact.bytecode, args }));
    return getAddress(receipt.contractAddress!);
  }

  /** Mint `amount` of `token` (any of our test tokens: all have a public mint) to `buyer` and approve the exchange. */
  async function fund(buyer: PrivateKeyAccount, amount: bigint, token: Address = stack.stablecoin, spender: Address = stack.exchange) {
    const wallet = walletOf(buyer);
    await mined(wallet.writeContract({ address: token, abi: stablecoinAbi, functionName: 'mint', args: [buyer.address, amount] }));
    await mined(wallet.writeContract({ address: token, abi: erc20Abi, functionName: 'approve', args: [spender, amount] }));
  }

  async function balanceOf(owner: Address, token: Address = stack.stablecoin): Promise<bigint> {
    return publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [owner] });
  }

  async function now(): Promise<bigint> {
    return (await publicClient.getBlock()).timestamp;
  }

  return {
    ...stack,
    rpcUrl: anvil.rpcUrl,
    chainIdBig: BigInt(stack.chainId),
    publicClient,
    testClient,
    deployer,
    deployerKey,
    deploy,
    newAccount,
    walletOf,
    exchangeAs,
    stablecoinAs,
    mined,
    fund,
    balanceOf,
    now,
    stop: anvil.stop,
  };
}

/**
 * The chain for one test file, with the exchange's EIP-712 domain on it: assign in `beforeAll`
 * (`({ fx, domain } = await chainWithDomain())`), stop with `fx.stop()` in `afterAll`.
 */
export async function chainWithDomain(): Promise<{ fx: Fixture; domain: Domain }> {
  const fx = await setupChain();
  return { fx, domain: { chainId: fx.chainIdBig, verifyingContract: fx.exchange } };
}

/**
 * The custom error a call reverted with, e.g. 'InvalidSignature'. Fails the test if the call succeeded or
 * failed for another reason than a revert.
 */
export async function revertName(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (e) {
    const reverted = e instanceof BaseError ? e.walk((x) => x instanceof ContractFunctionRevertedError) : null;
    if (reverted instanceof ContractFunctionRevertedError) {
      if (reverted.data?.errorName) return reverted.data.errorName;
      if (reverted.raw) return decodeErrorResult({ abi: errorAbi, data: reverted.raw as Hex }).errorName;
    }
    throw e;
  }
  throw new Error('expected the call to revert, but it succeeded');
}
