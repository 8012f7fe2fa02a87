import { createPublicClient, createWalletClient, getAddress, http, type Abi, type Address, type Hash, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import * as LicenseExchange from './generated/LicenseExchange';
import * as TestStablecoin from './generated/TestStablecoin';

export interface DeployExchangeParameters {
  rpcUrl: string;
  /** Pays for deployment. */
  deployerKey: Hex;
  /** May set the protocol fee later; defaults to the deployer. */
  owner?: Address;
}

export interface DeployedContract {
  address: Address;
  transactionHash: Hash;
}

export interface DeployExchangeReturnType extends DeployedContract {
  chainId: number;
}

export interface DeployLocalStackReturnType {
  chainId: number;
  exchange: Address;
  /** TestStablecoin: 6 decimals, anyone may mint. */
  stablecoin: Address;
}

/** Chain ids of local development nodes (anvil, Hardhat, Ganache). */
const LOCAL_CHAIN_IDS = new Set([31337, 1337]);

function clients(rpcUrl: string, deployerKey: Hex) {
  const transport = http(rpcUrl);
  return {
    account: privateKeyToAccount(deployerKey),
    wallet: createWalletClient({ account: privateKeyToAccount(deployerKey), transport }),
    public: createPublicClient({ transport }),
  };
}

type Clients = ReturnType<typeof clients>;

async function deploy(c: Clients, abi: Abi, bytecode: Hex, args: readonly unknown[]): Promise<DeployedContract> {
  // chain: null takes the chain from the RPC rather than from a viem chain definition, so any node works.
  const transactionHash = await c.wallet.deployContract({ abi, bytecode, args, chain: null });
  const receipt = await c.public.waitForTransactionReceipt({ hash: transactionHash });
  if (receipt.status !== 'success' || !receipt.contractAddress) {
    throw new Error(`deploy: transaction ${transactionHash} failed`);
  }
  return { address: getAddress(receipt.contractAddress), transactionHash };
}

/**
 * Deploy LicenseExchange on any chain the RPC serves.
 * @example const { address } = await deployExchange({ rpcUrl, deployerKey, owner: multisig })
 */
export async function deployExchange({ rpcUrl, deployerKey, owner }: DeployExchangeParameters): Promise<DeployExchangeReturnType> {
  const c = clients(rpcUrl, deployerKey);
  const chainId = await c.public.getChainId();
  const deployed = await deploy(c, LicenseExchange.abi, LicenseExchange.bytecode, [owner ?? c.account.address]);
  return { ...deployed, chainId };
}

/**
 * Deploy what a local run needs: TestStablecoin and LicenseExchange (owned by the deployer, fee 0).
 * Refuses anything but a local node's chain id: the stablecoin lets anyone mint.
 * @example const anvil = await startAnvil(); const stack = await deployLocalStack({ rpcUrl: anvil.rpcUrl, deployerKey })
 */
export async function deployLocalStack({ rpcUrl, deployerKey }: Omit<DeployExchangeParameters, 'owner'>): Promise<DeployLocalStackReturnType> {
  const c = clients(rpcUrl, deployerKey);
  const chainId = await c.public.getChainId();
  if (!LOCAL_CHAIN_IDS.has(chainId)) throw new Error(`deployLocalStack: chain ${chainId} is not a local node`);
  // One after the other: both come from one account, and parallel sends could race for the same nonce.
  const stablecoin = await deploy(c, TestStablecoin.abi, TestStablecoin.bytecode, []);
  const exchange = await deploy(c, LicenseExchange.abi, LicenseExchange.bytecode, [c.account.address]);
  return { chainId, exchange: exchange.address, stablecoin: stablecoin.address };
}
