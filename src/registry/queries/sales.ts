import type { Address, Hex } from 'viem';
import type { Db } from '../db/db';

/** One `Licensed` event: a buyer paid for a licence to an offer. */
export interface Sale {
  txHash: Hex;
  logIndex: number;
  blockNumber: bigint;
  blockHash: Hex;
  /** The block's timestamp, Unix seconds. */
  blockTime: bigint;
  offerId: Hex;
  licensor: Address;
  buyer: Address;
  token: Address;
  amount: bigint;
  licenseExpiresAt: bigint;
}

/** The chain and exchange a watcher follows. */
export interface Followed {
  chainId: bigint;
  exchange: Address;
}

/** Where the watcher resumes. */
export interface ChainCursor {
  /** The last block taken as final and its hash; undefined while the chain is shorter than the reorg depth. */
  final?: { number: bigint; hash: Hex };
  /** The newest block read. */
  head: bigint;
  updatedAt: Date;
}

export async function readCursor(db: Db, f: Followed): Promise<ChainCursor | undefined> {
  const { rows } = await db.query<{ block_number: string | null; block_hash: Hex | null; head_number: string; updated_at: Date }>(
    'select block_number::text as block_number, block_hash, head_number::text as head_number, updated_at from chain_cursors where chain_id = $1::numeric and exchange = $2',
    [f.chainId.toString(), f.exchange],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    final: r.block_number !== null && r.block_hash !== null ? { number: BigInt(r.block_number), hash: r.block_hash } : undefined,
    head: BigInt(r.head_number),
    updatedAt: r.updated_at,
  };
}

export interface ApplySalesParameters extends Followed {
  /** The blocks read: every stored sale in them that `sales` lacks was dropped by a reorg. */
  from: bigint;
  /** The last block read; undefined for "and everything after" (the chain may have got shorter). */
  to?: bigint;
  sales: readonly Sale[];
  /** The new cursor. */
  final?: { number: bigint; hash: Hex };
  /** The newest block read so far. */
  read: bigint;
}

/**
 * Make the stored sales in blocks `from`..`to` exactly `sales` and move the cursor, in one transaction: sales a
 * reorg dropped are deleted, new ones inserted (a sale already stored, by tx hash and log index, is kept once),
 * and the licence counters of every offer touched are recounted from `sales`. Returns how many sales were added
 * and removed.
 */
export async function applySales(db: Db, p: ApplySalesParameters): Promise<{ added: number; removed: number }> {
  const s = p.sales;
  const cols = {
    tx: s.map((x) => x.txHash),
    idx: s.map((x) => x.logIndex),
    block: s.map((x) => x.blockNumber.toString()),
    hash: s.map((x) => x.blockHash),
    time: s.map((x) => x.blockTime.toString()),
    offer: s.map((x) => x.offerId),
    licensor: s.map((x) => x.licensor),
    buyer: s.map((x) => x.buyer),
    token: s.map((x) => x.token),
    amount: s.map((x) => x.amount.toString()),
    expires: s.map((x) => x.licenseExpiresAt.toString()),
  };
  return db.transaction(async (tx) => {
    const removed = await tx.query<{ offer_id: Hex }>(
      `delete from sales s where s.chain_id = $1::numeric and s.exchange = $2 and s.block_number >= $3::numeric
         and ($4::numeric is null or s.block_number <= $4::numeric)
         and not exists (select 1 from unnest($5::text[], $6::integer[], $7::text[]) f(tx, idx, hash)
                         where f.tx = s.tx_hash and f.idx = s.log_index and f.hash = s.block_hash)
       returning s.offer_id`,
      [p.chainId.toString(), p.exchange, p.from.toString(), p.to?.toString() ?? null, cols.tx, cols.idx, cols.hash],
    );
    const added = await tx.query<{ offer_id: Hex }>(
      `insert into sales (tx_hash, log_index, chain_id, exchange, block_number, block_hash, block_time, offer_id, licensor, buyer, token, amount, license_expires_at)
       select f.tx, f.idx, $1::numeric, $2, f.block, f.hash, to_timestamp(f.time), f.offer, f.licensor, f.buyer, f.token, f.amount, f.expires
       from unnest($3::text[], $4::integer[], $5::numeric[], $6::text[], $7::double precision[], $8::text[], $9::text[], $10::text[], $11::text[], $12::numeric[], $13::numeric[])
         as f(tx, idx, block, hash, time, offer, licensor, buyer, token, amount, expires)
       on conflict (tx_hash, log_index) do nothing
       returning offer_id`,
      [p.chainId.toString(), p.exchange, cols.tx, cols.idx, cols.block, cols.hash, cols.time, cols.offer, cols.licensor, cols.buyer, cols.token, cols.amount, cols.expires],
    );
    const touched = [...new Set([...removed.rows, ...added.rows].map((r) => r.offer_id))];
    if (touched.length > 0)
      await tx.query(
        `update offers o set licensed_count = c.n, last_licensed_at = c.last
         from (select t.id, count(x.offer_id)::integer as n, max(x.block_time) as last
               from unnest($1::text[]) t(id) left join sales x on x.offer_id = t.id group by t.id) c
         where o.offer_id = c.id`,
        [touched],
      );
    await tx.query(
      `insert into chain_cursors (chain_id, exchange, block_number, block_hash, head_number) values ($1::numeric, $2, $3::numeric, $4, $5::numeric)
       on conflict (chain_id, exchange) do update set block_number = excluded.block_number, block_hash = excluded.block_hash,
         head_number = excluded.head_number, updated_at = now()`,
      [p.chainId.toString(), p.exchange, p.final?.number.toString() ?? null, p.final?.hash ?? null, p.read.toString()],
    );
    return { added: added.rowCount, removed: removed.rowCount };
  });
}
