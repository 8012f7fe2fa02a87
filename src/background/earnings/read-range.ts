import { getAbiItem, type Address } from 'viem';
import { abi as exchangeAbi } from '../../chain/generated/LicenseExchange';
import type { LicensedLog, SyncedBlock } from '../../core/earnings/ledger';
import type { EarningsPublicClient } from './client';

const LICENSED = getAbiItem({ abi: exchangeAbi, name: 'Licensed' });

/** Block times by number, for one sync run: a block with many sales is fetched once. */
export type BlockCache = Map<bigint, { hash: string; timestamp: number }>;

export async function blockAt(client: EarningsPublicClient, n: bigint, cache: BlockCache) {
  let b = cache.get(n);
  if (!b) {
    const block = await client.getBlock({ blockNumber: n });
    b = { hash: block.hash, timestamp: Number(block.timestamp) };
    cache.set(n, b);
  }
  return b;
}

/** The `Licensed` sales paid to `licensor` in [from, to], with block times, and the hash of `to`. */
export async function readRange(
  client: EarningsPublicClient,
  { exchange, licensor, from, to, cache }: { exchange: Address; licensor: Address; from: bigint; to: bigint; cache: BlockCache },
): Promise<{ logs: LicensedLog[]; end: SyncedBlock }> {
  const raw = await client.getLogs({ address: exchange, event: LICENSED, args: { licensor }, fromBlock: from, toBlock: to, strict: true });
  const logs: LicensedLog[] = [];
  for (const l of raw) {
    const block = await blockAt(client, l.blockNumber, cache);
    logs.push({
      offerId: l.args.offerId,
      buyer: l.args.buyer,
      token: l.args.token,
      amount: l.args.amount,
      blockNumber: Number(l.blockNumber),
      blockHash: l.blockHash,
      txHash: l.transactionHash,
      logIndex: l.logIndex,
      timestamp: block.timestamp,
    });
  }
  const end = await blockAt(client, to, cache);
  return { logs, end: { number: Number(to), hash: end.hash } };
}
