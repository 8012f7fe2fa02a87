// The registry follows Licensed sales on chain: a purchase shows on the offer (get-one and queries), and a reorg
// that drops the purchase takes it off again. Reorgs are anvil snapshots reverted, followed by new blocks.
import type { Hex } from 'viem';
import { describe, expect, it, vi } from 'vitest';
import { CHAIN_TIMEOUTS } from '../chain/fixture';
import { DATABASES } from './harness';
import { until, useLinkedRegistry } from './relay-chain';

vi.setConfig(CHAIN_TIMEOUTS);

interface Licensed {
  count: number;
  lastAt: string | null;
}

// Shallower than the deep reorg below, so that one goes past the cursor and the other does not.
const REORG_DEPTH = 4;

describe.each(DATABASES)('following sales on %s', (kind) => {
  const l = useLinkedRegistry(kind, { chainReorgDepth: REORG_DEPTH });
  const licensedOf = async (id: Hex): Promise<Licensed> => ((await (await l.t.get(`/v1/offers/${id}`)).json()) as { licensed: Licensed }).licensed;
  const listed = async (licensor: Hex) =>
    ((await (await l.t.get(`/v1/offers?licensor=${licensor}`)).json()) as { offers: { offerId: Hex; licensed: Licensed }[] }).offers;
  const salesOf = async (id: Hex) =>
    (await l.t.db.query<{ buyer: string; amount: string; token: string; tx_hash: string; log_index: number; block_number: string }>(
      'select buyer, amount::text as amount, token, tx_hash, log_index, block_number::text as block_number from sales where offer_id = $1 order by block_number',
      [id],
    )).rows;
  /** Wait until the watcher has read past `block`. */
  const seen = (block: bigint) => until(l.health, (h) => BigInt(h.watcher.lastBlock ?? -1) >= block);
  const mine = (blocks: number) => l.fx.testClient.mine({ blocks });
  const head = () => l.fx.publicClient.getBlockNumber({ cacheTime: 0 });

  it('a purchase on chain shows on the offer and in queries, with the sale stored once', async () => {
    const alice = await l.fx.newAccount();
    const ids = await l.publish(alice, 2);
    expect(await licensedOf(ids[0]!)).toEqual({ count: 0, lastAt: null });

    const buyer = await l.fx.newAccount();
    const receipt = await l.fx.mined(l.buy(buyer, await l.purchasable(ids[0]!)));
    const block = await l.fx.publicClient.getBlock({ blockNumber: receipt.blockNumber });
    const lastAt = new Date(Number(block.timestamp) * 1000).toISOString();
    const shown = await until(() => licensedOf(ids[0]!), (x) => x.count === 1);
    expect(shown).toEqual({ count: 1, lastAt });
    expect((await listed(alice.address)).map((o) => [o.offerId, o.licensed])).toEqual([
      [ids[0], { count: 1, lastAt }],
      [ids[1], { count: 0, lastAt: null }],
    ]);
    expect(await salesOf(ids[0]!)).toEqual([
      { buyer: buyer.address, amount: l.terms.price.amount.toString(), token: l.fx.stablecoin, tx_hash: receipt.transactionHash, log_index: expect.any(Number), block_number: String(receipt.blockNumber) },
    ]);

    // Many polls later, past the re-read window, it is still one sale; a second buyer makes two.
    await mine(REORG_DEPTH * 2);
    await seen(await head());
    expect(await licensedOf(ids[0]!)).toEqual({ count: 1, lastAt });
    const other = await l.fx.newAccount();
    await l.fx.mined(l.buy(other, await l.purchasable(ids[0]!)));
    expect((await until(() => licensedOf(ids[0]!), (x) => x.count === 2)).count).toBe(2);
    expect(await salesOf(ids[0]!)).toHaveLength(2);
    expect((await l.health()).watcher.lastError).toBeNull();
  });

  it('a shallow reorg (snapshot reverted, new blocks) drops the reverted sale', async () => {
    const bob = await l.fx.newAccount();
    const [id] = await l.publish(bob, 1);
    const record = await l.purchasable(id!);
    const buyer = await l.fx.newAccount();
    await l.fx.fund(buyer, record.leaf.price);
    const snapshot = await l.fx.testClient.snapshot();
    const receipt = await l.fx.mined(l.fx.exchangeAs(buyer).write.purchase([record.leaf, record.proof, record.batch, record.signature]));
    await until(() => licensedOf(id!), (x) => x.count === 1);

    await l.fx.testClient.revert({ id: snapshot });
    await mine(2); // the chain goes on without the purchase: the same heights, other blocks
    expect(await head()).toBeGreaterThanOrEqual(receipt.blockNumber);
    expect(await until(() => licensedOf(id!), (x) => x.count === 0)).toEqual({ count: 0, lastAt: null });
    expect(await salesOf(id!)).toEqual([]);
  });

  it('a reorg to a shorter chain (no new blocks yet) drops the sale too', async () => {
    const carol = await l.fx.newAccount();
    const [id] = await l.publish(carol, 1);
    const record = await l.purchasable(id!);
    const buyer = await l.fx.newAccount();
    await l.fx.fund(buyer, record.leaf.price);
    const snapshot = await l.fx.testClient.snapshot();
    await l.fx.mined(l.fx.exchangeAs(buyer).write.purchase([record.leaf, record.proof, record.batch, record.signature]));
    await until(() => licensedOf(id!), (x) => x.count === 1);
    await l.fx.testClient.revert({ id: snapshot });
    expect(await until(() => licensedOf(id!), (x) => x.count === 0)).toEqual({ count: 0, lastAt: null });
  });

  it('a reorg deeper than the re-read window: read again from the start, the reverted sale gone, the others kept', async () => {
    const dan = await l.fx.newAccount();
    const ids = await l.publish(dan, 2);
    const kept = await l.fx.mined(l.buy(await l.fx.newAccount(), await l.purchasable(ids[0]!)));
    const record = await l.purchasable(ids[1]!);
    const buyer = await l.fx.newAccount();
    await l.fx.fund(buyer, record.leaf.price);
    const snapshot = await l.fx.testClient.snapshot();
    await l.fx.mined(l.fx.exchangeAs(buyer).write.purchase([record.leaf, record.proof, record.batch, record.signature]));
    await mine(REORG_DEPTH * 3);
    const top = await head();
    const before = await seen(top);
    expect(BigInt(before.watcher.finalBlock!)).toBe(top - BigInt(REORG_DEPTH)); // the cursor is past the sale
    expect(await licensedOf(ids[1]!)).toMatchObject({ count: 1 });

    await l.fx.testClient.revert({ id: snapshot });
    await mine(REORG_DEPTH * 4); // a longer chain without the purchase
    expect(await until(() => licensedOf(ids[1]!), (x) => x.count === 0)).toEqual({ count: 0, lastAt: null });
    expect(await licensedOf(ids[0]!)).toMatchObject({ count: 1 });
    expect((await salesOf(ids[0]!)).map((s) => s.tx_hash)).toEqual([kept.transactionHash]);
  });

  it('an RPC that refuses long eth_getLogs ranges: asked for shorter ones, the sale still shows', async () => {
    const erin = await l.fx.newAccount();
    const [id] = await l.publish(erin, 1);
    l.proxy.maxLogRange = 2; // each poll reads the re-read window and more: wider than this (last: the range stays short)
    try {
      await l.fx.mined(l.buy(await l.fx.newAccount(), await l.purchasable(id!)));
      expect(await until(() => licensedOf(id!), (x) => x.count === 1)).toMatchObject({ count: 1 });
      expect(l.proxy.refusedLogRanges).toBeGreaterThan(0);
      expect((await l.health()).watcher.lastError).toBeNull();
    } finally {
      l.proxy.maxLogRange = undefined;
    }
  });
});
