// The registry relays signed revocations on chain: a revoked offer cannot be bought even from a kept copy, the
// licensor pays no gas, and an RPC that is down or loses an answer delays the relay but never doubles it.
import { parseEventLogs, type Hex } from 'viem';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chainLinkSummary } from '../../src/registry/chain/link';
import { configFromEnv } from '../../src/registry/config';
import { CHAIN_TIMEOUTS, exchangeAbi, revertName } from '../chain/fixture';
import { DATABASES } from './harness';
import { receiptOf, until, useLinkedRegistry } from './relay-chain';

vi.setConfig(CHAIN_TIMEOUTS);

describe('chain link configuration (configFromEnv)', () => {
  const KEY = `0x${'ab'.repeat(32)}`;
  it('is off by default, on with CHAIN_RPC_URL, relaying with RELAYER_PRIVATE_KEY too', () => {
    expect(configFromEnv({})).toMatchObject({ chainRpcUrl: undefined, relayerKey: undefined, chainPollMs: 2000, chainReorgDepth: 32, chainStartBlock: 0n });
    const on = configFromEnv({ CHAIN_RPC_URL: 'http://127.0.0.1:8545', RELAYER_PRIVATE_KEY: KEY, CHAIN_POLL_MS: '500', CHAIN_REORG_DEPTH: '12', CHAIN_START_BLOCK: '19000000' });
    expect(on).toMatchObject({ chainRpcUrl: 'http://127.0.0.1:8545', relayerKey: KEY, chainPollMs: 500, chainReorgDepth: 12, chainStartBlock: 19_000_000n });
    expect(chainLinkSummary(on)).toMatch(/^Chain link to http:\/\/127\.0\.0\.1:8545: following sales; relaying revocations from 0x/);
    expect(chainLinkSummary(configFromEnv({}))).toMatch(/^Chain link off/);
  });

  it('refuses what does not parse, never echoing a key or a provider URL', () => {
    const bad = `0x${'zz'.repeat(32)}`;
    expect(() => configFromEnv({ CHAIN_RPC_URL: 'http://x', RELAYER_PRIVATE_KEY: bad })).toThrow(/^RELAYER_PRIVATE_KEY: expected 0x and 64 hex digits$/);
    expect(() => configFromEnv({ RELAYER_PRIVATE_KEY: KEY })).toThrow(/^RELAYER_PRIVATE_KEY: set CHAIN_RPC_URL too/);
    expect(() => configFromEnv({ CHAIN_RPC_URL: 'wss://secret-key@provider.example/v2/k3y' })).toThrow(/^CHAIN_RPC_URL: not an http\(s\) URL$/);
    expect(() => configFromEnv({ CHAIN_RPC_URL: 'http://x', CHAIN_REORG_DEPTH: '0' })).toThrow(/^CHAIN_REORG_DEPTH/);
    // What logs and /health may show of a provider URL: its origin.
    expect(chainLinkSummary({ chainRpcUrl: 'https://eth.provider.example/v2/s3cr3t' })).toBe(
      'Chain link to https://eth.provider.example/…: following sales; not relaying revocations (no RELAYER_PRIVATE_KEY)',
    );
  });
});

describe.each(DATABASES)('relaying revocations on %s', (kind) => {
  const l = useLinkedRegistry(kind);
  const isRevoked = (licensor: Hex, id: Hex) => l.fx.exchangeAs(l.relayer).read.isRevoked([licensor, id]);
  const relayerNonce = () => l.fx.publicClient.getTransactionCount({ address: l.relayer.address });
  const relayed = (revocationId: Hex) => until(() => l.revocationRow(revocationId), (r) => r.relayed_at !== null);
  afterEach(() => {
    l.proxy.mode = 'up'; // a failed test must not leave the next one without a chain
  });

  it('a revocation posted to the registry ends up on chain: a kept copy of the offer no longer sells, the licensor paid no gas', async () => {
    const alice = await l.fx.newAccount();
    const ids = await l.publish(alice, 3);
    const kept = await l.purchasable(ids[0]!); // a buyer saved the record before the revocation
    const aliceEth = await l.fx.publicClient.getBalance({ address: alice.address });
    const nonceBefore = await relayerNonce();

    const res = await l.revoke(alice, ids.slice(0, 2));
    expect(res.status).toBe(201);
    const { revocationId } = (await res.json()) as { revocationId: Hex };
    const row = await relayed(revocationId);

    expect(await isRevoked(alice.address, ids[0]!)).toBe(true);
    expect(await isRevoked(alice.address, ids[1]!)).toBe(true);
    expect(await isRevoked(alice.address, ids[2]!)).toBe(false);
    const receipt = await receiptOf(l.fx, row.relay_tx!);
    expect(receipt.from.toLowerCase()).toBe(l.relayer.address.toLowerCase());
    expect(parseEventLogs({ abi: exchangeAbi, logs: receipt.logs, eventName: 'Revoked' }).map((e) => e.args.offerId)).toEqual(ids.slice(0, 2));
    expect(await relayerNonce()).toBe(nonceBefore + 1);
    expect(await l.fx.publicClient.getBalance({ address: alice.address })).toBe(aliceEth);

    const buyer = await l.fx.newAccount();
    expect(await revertName(l.buy(buyer, kept))).toBe('OfferRevoked');
    await l.fx.mined(l.buy(buyer, await l.purchasable(ids[2]!))); // the rest of the batch still sells
    expect((await l.health()).unrelayed.count).toBe(0);
  });

  it('relays the oldest first, one transaction each; offers already revoked on chain cost no transaction', async () => {
    const bob = await l.fx.newAccount();
    const ids = await l.publish(bob, 3);
    // Bob revokes the first directly on chain, then also through the registry.
    await l.fx.mined(l.fx.exchangeAs(bob).write.revoke([[ids[0]!]]));
    l.proxy.mode = 'down'; // hold the relayer back until all three are stored
    const posted: Hex[] = [];
    for (const id of ids) posted.push(((await (await l.revoke(bob, [id])).json()) as { revocationId: Hex }).revocationId);
    const nonceBefore = await relayerNonce();
    expect((await l.health()).unrelayed.count).toBe(3);
    l.proxy.mode = 'up';

    const rows = await Promise.all(posted.map(relayed));
    expect(rows[0]!.relay_tx).toBeNull();
    const [second, third] = await Promise.all([receiptOf(l.fx, rows[1]!.relay_tx!), receiptOf(l.fx, rows[2]!.relay_tx!)]);
    expect(second.blockNumber).toBeLessThan(third.blockNumber);
    expect(await relayerNonce()).toBe(nonceBefore + 2);
    for (const id of ids) expect(await isRevoked(bob.address, id)).toBe(true);
  });

  it('a revocation of offers whose batch never reached the chain is relayed too', async () => {
    const carol = await l.fx.newAccount();
    const ids = await l.publish(carol, 1);
    const { revocationId } = (await (await l.revoke(carol, ids)).json()) as { revocationId: Hex };
    await relayed(revocationId);
    expect(await isRevoked(carol.address, ids[0]!)).toBe(true);
  });

  it('RPC down: the revocation waits, /health says why; back up: relayed exactly once', async () => {
    const dan = await l.fx.newAccount();
    const ids = await l.publish(dan, 2);
    l.proxy.mode = 'down';
    const { revocationId } = (await (await l.revoke(dan, ids)).json()) as { revocationId: Hex };
    const nonceBefore = await relayerNonce();
    const down = await until(l.health, (h) => h.relayer?.lastError !== null && h.relayer!.failures >= 2);
    expect(down.relayer!.lastError!.message).toMatch(/^cannot reach the chain RPC http:\/\/127\.0\.0\.1:\d+/);
    expect(down.unrelayed.count).toBe(1);
    expect((await l.revocationRow(revocationId)).relayed_at).toBeNull();
    expect(await isRevoked(dan.address, ids[0]!)).toBe(false);

    l.proxy.mode = 'up';
    await relayed(revocationId);
    expect(await isRevoked(dan.address, ids[0]!)).toBe(true);
    expect(await relayerNonce()).toBe(nonceBefore + 1);
    const up = await until(l.health, (h) => h.relayer?.lastError === null);
    expect(up.unrelayed.count).toBe(0);
  });

  it('the answer to the broadcast is lost and the RPC goes down: once up, the same transaction is recognised, none sent again', async () => {
    const erin = await l.fx.newAccount();
    const ids = await l.publish(erin, 1);
    const nonceBefore = await relayerNonce();
    const sendsBefore = l.proxy.sends;
    l.proxy.mode = 'lose-send';
    const { revocationId } = (await (await l.revoke(erin, ids)).json()) as { revocationId: Hex };
    await until(async () => l.proxy.sends, (n) => n > sendsBefore);
    // Mined on chain, but the registry never heard back.
    expect(await isRevoked(erin.address, ids[0]!)).toBe(true);
    await until(l.health, (h) => h.relayer!.failures >= 2);
    expect((await l.revocationRow(revocationId)).relayed_at).toBeNull();

    l.proxy.mode = 'up';
    const row = await relayed(revocationId);
    expect(await relayerNonce()).toBe(nonceBefore + 1);
    const receipt = await receiptOf(l.fx, row.relay_tx!);
    expect(receipt.status).toBe('success');
    expect(receipt.from.toLowerCase()).toBe(l.relayer.address.toLowerCase());
    expect(l.proxy.sends - sendsBefore).toBe(1);
  });

  it('a reorg that drops the relay transaction: the revocation is relayed again', async () => {
    const gina = await l.fx.newAccount();
    const ids = await l.publish(gina, 1);
    const snapshot = await l.fx.testClient.snapshot();
    const { revocationId } = (await (await l.revoke(gina, ids)).json()) as { revocationId: Hex };
    const first = await relayed(revocationId);
    expect(await isRevoked(gina.address, ids[0]!)).toBe(true);

    await l.fx.testClient.revert({ id: snapshot }); // the block with the relay transaction is gone
    await l.fx.testClient.mine({ blocks: 1 });
    expect(await isRevoked(gina.address, ids[0]!)).toBe(false);
    const again = await until(() => l.revocationRow(revocationId), (r) => r.relayed_at !== null && r.relay_tx !== first.relay_tx);
    expect((await receiptOf(l.fx, again.relay_tx!)).status).toBe('success');
    expect(await isRevoked(gina.address, ids[0]!)).toBe(true);
  });

  it('a revocation too big for one transaction is kept with the reason and retried later; the ones after it are relayed', async () => {
    const frank = await l.fx.newAccount();
    // Each id costs a new storage slot and an event: this many need more gas than an anvil block holds (30M).
    const many = await l.publish(frank, 1500);
    const few = await l.publish(frank, 1);
    const big = ((await (await l.revoke(frank, many)).json()) as { revocationId: Hex }).revocationId;
    const small = ((await (await l.revoke(frank, few)).json()) as { revocationId: Hex }).revocationId;
    await relayed(small);
    const row = await l.revocationRow(big);
    expect(row.relayed_at).toBeNull();
    expect(row.relay_error).toMatch(/^revokeBySig cannot be sent: .*gas/i);
    expect(await isRevoked(frank.address, many[0]!)).toBe(false);
    expect((await l.t.get(`/v1/offers/${many[0]}`)).status).toBe(410); // the registry stopped serving them at once
    expect((await l.health()).unrelayed.count).toBe(1); // last in the suite: it stays
  });
});
