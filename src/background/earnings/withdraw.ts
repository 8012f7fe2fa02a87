import { erc20Abi, formatEther, formatUnits, getAddress, isAddress, parseUnits, zeroAddress, type Address } from 'viem';
import type { NetworkSettings, WithdrawEstimate } from '../../ext/protocol';
import { networkItem } from '../../ext/publish-items';
import { signer, walletStatus } from '../wallet';
import { publicClientFor, walletClientFor, type EarningsPublicClient } from './client';

function checkAddress(to: unknown): Address {
  if (typeof to !== 'string' || !isAddress(to, { strict: false })) throw new Error('Send to address: not an Ethereum address (0x followed by 40 hex digits).');
  if (getAddress(to) === zeroAddress) throw new Error('Send to address: the zero address burns tokens; use a real address.');
  return getAddress(to);
}

function checkAmount(amount: unknown, network: NetworkSettings, balance: bigint): bigint {
  let units: bigint;
  try {
    if (typeof amount !== 'string' || !/^\d*\.?\d+$|^\d+\.$/.test(amount.trim())) throw new Error();
    units = parseUnits(amount.trim(), network.token.decimals);
  } catch {
    throw new Error(`Amount: type a number of ${network.token.symbol}, e.g. 2.50.`);
  }
  if (units <= 0n) throw new Error('Amount: must be more than 0.');
  if (units > balance) throw new Error(`Amount: more than your balance of ${formatUnits(balance, network.token.decimals)} ${network.token.symbol}.`);
  return units;
}

interface Plan {
  to: Address;
  amount: bigint;
  gas: bigint;
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
  cost: bigint;
  ethBalance: bigint;
  tokenBalance: bigint;
}

/** Check and price a token transfer from `from`. Without `to`/`amount` (an estimate for an empty form) it prices a transfer to self. */
async function plan(client: EarningsPublicClient, network: NetworkSettings, from: Address, req: { to?: unknown; amount?: unknown }, strict: boolean): Promise<Plan> {
  const token = network.token.address;
  const [tokenBalance, ethBalance, fees] = await Promise.all([
    client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [from] }),
    client.getBalance({ address: from }),
    client.estimateFeesPerGas(),
  ]);
  const to = strict || req.to ? checkAddress(req.to) : from;
  const amount = strict || req.amount ? checkAmount(req.amount, network, tokenBalance) : tokenBalance;
  const gas = await client.estimateContractGas({ address: token, abi: erc20Abi, functionName: 'transfer', args: [to, amount], account: from });
  const { maxFeePerGas, maxPriorityFeePerGas } = fees;
  return { to, amount, gas, maxFeePerGas, maxPriorityFeePerGas, cost: gas * maxFeePerGas, ethBalance, tokenBalance };
}

async function context() {
  const [{ address }, network] = await Promise.all([walletStatus(), networkItem.get()]);
  if (!address) throw new Error('There is no wallet yet: create or import one first.');
  return { address, network, client: publicClientFor(network) };
}

export async function estimateWithdraw(req: { to?: unknown; amount?: unknown }): Promise<WithdrawEstimate> {
  const { address, network, client } = await context();
  const p = await plan(client, network, address, req ?? {}, false);
  return { gasEth: formatEther(p.cost), ethBalance: formatEther(p.ethBalance), tokenBalance: formatUnits(p.tokenBalance, network.token.decimals), symbol: network.token.symbol };
}

/** Sends the token transfer with the unlocked key; refuses, before signing anything, what would fail on chain. */
export async function withdraw(req: { to?: unknown; amount?: unknown }): Promise<{ txHash: `0x${string}` }> {
  const { address, network, client } = await context();
  const account = await signer();
  if (!account) throw new Error('Unlock your wallet to withdraw.');
  if (account.address !== address) throw new Error('The unlocked key is not this wallet’s; lock and unlock again.');
  const p = await plan(client, network, address, req ?? {}, true);
  if (p.ethBalance < p.cost)
    throw new Error(`No ETH to pay for gas: send a little ETH to ${address} first (estimated cost ${formatEther(p.cost)} ETH).`);
  const txHash = await walletClientFor(network, account).writeContract({
    address: network.token.address,
    abi: erc20Abi,
    functionName: 'transfer',
    args: [p.to, p.amount],
    gas: p.gas,
    maxFeePerGas: p.maxFeePerGas,
    maxPriorityFeePerGas: p.maxPriorityFeePerGas,
  });
  return { txHash };
}
