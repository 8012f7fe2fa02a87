import { BlockNotFoundError, type Hex, type PublicClient } from 'viem';
import { abi as exchangeAbi } from '../../chain/generated/LicenseExchange';
import type { Db } from '../db/db';
import { applySales, readCursor, type Followed, type Sale } from '../queries/sales';
import { describeError, isUnreachable } from './errors';

export interface WatcherParameters {
  db: Db;
  client: PublicClient;
  followed: Followed;
  /** Blocks re-read on every poll: a reorg up to this deep is undone exactly. */
  reorgDepth: number;
  /** The first block that can hold a sale (the exchange's deployment). */
  startBlock: bigint;
  /** Most blocks asked for in one `eth_getLogs`; halved (and kept so) each time the RPC refuses a range. */
  maxRange?: bigint;
  log: (message: string) => void;
}

export interface PollResult {
  head: bigint;
  from: bigint;
  added: number;
  removed: number;
}

const blockAt = (client: PublicClient, blockNumber: bigint) =>
  client.getBlock({ blockNumber }).catch((e: unknown) => {
    if (e instanceof BlockNotFoundError) return undefined;
    throw e;
  });

/**
 * Follows the exchange's `Licensed` events into `sales` (and the offers' licence counters).
 *
 * The cursor is a block `reorgDepth` below the newest one read, with its hash. Each poll first checks that the
 * chain still has that block: if so, everything up to it stands and the poll reads from the block after it to the
 * head, so the last `reorgDepth` blocks are read again every time and a sale a shallow reorg dropped (or moved)
 * is deleted and a new one inserted; if not (a deeper reorg, or a development chain started afresh), it reads
 * again from `startBlock`. Storing is idempotent by transaction hash and log index.
 */
export function createWatcher({ db, client, followed, reorgDepth, startBlock, maxRange = 5000n, log }: WatcherParameters) {
  const depth = BigInt(reorgDepth);
  let range = maxRange;

  async function salesOf(fromBlock: bigint, toBlock: bigint): Promise<Sale[]> {
    const logs = await client.getContractEvents({ address: followed.exchange, abi: exchangeAbi, eventName: 'Licensed', fromBlock, toBlock, strict: true });
    const live = logs.filter((l) => !l.removed);
    const times = new Map<Hex, Promise<bigint>>();
    const timeOf = (hash: Hex) => {
      let t = times.get(hash);
      if (!t) times.set(hash, (t = client.getBlock({ blockHash: hash }).then((b) => b.timestamp)));
      return t;
    };
    return Promise.all(
      live.map(async (l) => ({
        txHash: l.transactionHash,
        logIndex: l.logIndex,
        blockNumber: l.blockNumber,
        blockHash: l.blockHash,
        blockTime: await timeOf(l.blockHash),
        offerId: l.args.offerId,
        licensor: l.args.licensor,
        buyer: l.args.buyer,
        token: l.args.token,
        amount: l.args.amount,
        licenseExpiresAt: BigInt(l.args.licenseExpiresAt),
      })),
    );
  }

  return {
    /** Read from the cursor to the head and store what changed. Throws, changing nothing more, if the RPC fails. */
    async poll(): Promise<PollResult> {
      const head = await client.getBlockNumber({ cacheTime: 0 });
      const cursor = await readCursor(db, followed);
      let from = startBlock;
      if (cursor?.final) {
        const block = await blockAt(client, cursor.final.number);
        if (block?.hash === cursor.final.hash) from = cursor.final.number + 1n;
        else
          log(
            `block ${cursor.final.number} is no longer ${cursor.final.hash} (a reorg deeper than ${reorgDepth} blocks, or a new chain): ` +
              `reading sales again from block ${startBlock}`,
          );
      }
      let added = 0;
      let removed = 0;
      for (let lo = from; ; ) {
        const hi = lo + range - 1n < head ? lo + range - 1n : head;
        const last = hi >= head;
        let sales: Sale[];
        try {
          sales = lo <= hi ? await salesOf(lo, hi) : [];
        } catch (e) {
          // Providers refuse ranges too long or with too many logs, each in its own words: any answer but
          // silence means try a shorter range.
          if (isUnreachable(e) || hi === lo) throw e;
          range = (hi - lo + 1n) / 2n;
          log(`blocks ${lo}–${hi} refused (${describeError(e)}): asking for ${range} at a time`);
          continue;
        }
        const finalNumber = hi < head - depth ? hi : head - depth;
        const finalBlock = finalNumber >= startBlock && finalNumber >= 0n ? await blockAt(client, finalNumber) : undefined;
        const r = await applySales(db, {
          ...followed,
          from: lo,
          // The last range is open-ended: sales above the head are gone (the chain got shorter).
          to: last ? undefined : hi,
          sales,
          final: finalBlock ? { number: finalNumber, hash: finalBlock.hash } : undefined,
          read: hi < lo ? head : hi,
        });
        added += r.added;
        removed += r.removed;
        if (last) break;
        lo = hi + 1n;
      }
      if (removed > 0) log(`${removed} sale(s) dropped by a reorg removed`);
      return { head, from, added, removed };
    },
  };
}

export type Watcher = ReturnType<typeof createWatcher>;
