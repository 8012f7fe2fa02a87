// Withdrawing offers: signed revocations relayed by anyone, direct revocation, and the cancel-all counter.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeFunctionData, parseEventLogs, type Hex } from 'viem';
import * as ERC1271Wallet from '../../src/chain/generated/ERC1271Wallet';
import { deployExchange } from '../../src/chain/deploy';
import type { Revocation } from '../../src/core/offer/types';
import { CHAIN_TIMEOUTS, chainWithDomain, exchangeAbi, revertName, type Fixture } from './fixture';
import { makeLeaf, purchaseArgs, referenceOfferId, signBatch, signRevocation, type Domain, type SignedOffer } from './offers';

vi.setConfig(CHAIN_TIMEOUTS);

let fx: Fixture;
let domain: Domain;
beforeAll(async () => ({ fx, domain } = await chainWithDomain()));
afterAll(() => fx?.stop());

/** A licensor with `n` signed offers in one batch (at the licensor's current counter) and a funded buyer. */
async function setup(n = 2) {
  const licensor = await fx.newAccount();
  const buyer = await fx.newAccount();
  const relayer = await fx.newAccount();
  await fx.fund(buyer, 100_000_000n);
  const now = await fx.now();
  const offers = await signBatch(licensor, domain, Array.from({ length: n }, () => makeLeaf(licensor.address, fx.stablecoin, fx.chainIdBig, now)));
  const ids = offers.map((o) => referenceOfferId(o.leaf));
  const buy = (o: SignedOffer) => fx.exchangeAs(buyer).write.purchase(purchaseArgs(o));
  return { licensor, buyer, relayer, offers, ids, now, buy };
}

describe('revokeBySig', () => {
  it('lets a third party relay the licensor’s signed revocation; the offer can no longer be bought', async () => {
    const { licensor, relayer, offers, ids, now, buy } = await setup();
    const rev: Revocation = { licensor: licensor.address, offerIds: [ids[0]!], issuedAt: now };
    const signature = await signRevocation(licensor, domain, rev);
    const relayerEthBefore = await fx.publicClient.getBalance({ address: relayer.address });
    const licensorEthBefore = await fx.publicClient.getBalance({ address: licensor.address });

    const receipt = await fx.mined(fx.exchangeAs(relayer).write.revokeBySig([rev, signature]));
    const events = parseEventLogs({ abi: exchangeAbi, logs: receipt.logs, eventName: 'Revoked' });
    expect(events.map((e) => e.args)).toEqual([{ offerId: ids[0], licensor: licensor.address }]);
    expect(await fx.publicClient.getBalance({ address: relayer.address })).toBeLessThan(relayerEthBefore);
    expect(await fx.publicClient.getBalance({ address: licensor.address })).toBe(licensorEthBefore); // the user paid no gas

    expect(await fx.exchangeAs(relayer).read.isRevoked([licensor.address, ids[0]!])).toBe(true);
    expect(await revertName(buy(offers[0]!))).toBe('OfferRevoked');
    await fx.mined(buy(offers[1]!)); // the rest of the batch still sells

    // Replaying the revocation changes nothing and says nothing.
    const again = await fx.mined(fx.exchangeAs(relayer).write.revokeBySig([rev, signature]));
    expect(again.logs).toHaveLength(0);
  });

  it('refuses a forged revocation: signed by someone else, tampered, or for another contract', async () => {
    const { licensor, relayer, offers, ids, now, buy } = await setup();
    const rev: Revocation = { licensor: licensor.address, offerIds: [ids[0]!], issuedAt: now };
    const attacker = await fx.newAccount();
    const revoke = (sig: Hex, r = rev) => fx.exchangeAs(relayer).write.revokeBySig([r, sig]);

    expect(await revertName(revoke(await signRevocation(attacker, domain, rev)))).toBe('InvalidSignature');
    const signedOne = await signRevocation(licensor, domain, rev);
    expect(await revertName(revoke(signedOne, { ...rev, offerIds: [ids[0]!, ids[1]!] }))).toBe('InvalidSignature');
    const other = await deployExchange({ rpcUrl: fx.rpcUrl, deployerKey: fx.deployerKey });
    expect(await revertName(revoke(await signRevocation(licensor, { ...domain, verifyingContract: other.address }, rev)))).toBe('InvalidSignature');

    expect(await fx.exchangeAs(relayer).read.isRevoked([licensor.address, ids[0]!])).toBe(false);
    await fx.mined(buy(offers[0]!));
  });
});

describe('revoke', () => {
  it('lets the licensor withdraw their own offers directly', async () => {
    const { licensor, offers, ids, buy } = await setup(3);
    const receipt = await fx.mined(fx.exchangeAs(licensor).write.revoke([[ids[0]!, ids[2]!]]));
    expect(parseEventLogs({ abi: exchangeAbi, logs: receipt.logs, eventName: 'Revoked' })).toHaveLength(2);
    expect(await revertName(buy(offers[0]!))).toBe('OfferRevoked');
    expect(await revertName(buy(offers[2]!))).toBe('OfferRevoked');
    await fx.mined(buy(offers[1]!));
  });

  it('cannot withdraw someone else’s offer', async () => {
    const { licensor, offers, ids, buy } = await setup(1);
    const griefer = await fx.newAccount();
    await fx.mined(fx.exchangeAs(griefer).write.revoke([[ids[0]!]])); // records a revocation under the griefer only
    expect(await fx.exchangeAs(griefer).read.isRevoked([licensor.address, ids[0]!])).toBe(false);
    await fx.mined(buy(offers[0]!));
  });
});

describe('incrementCounter', () => {
  it('cancels every batch signed before, while batches signed at the new counter sell', async () => {
    const { licensor, offers, now, buy } = await setup(1);
    const receipt = await fx.mined(fx.exchangeAs(licensor).write.incrementCounter());
    const [event] = parseEventLogs({ abi: exchangeAbi, logs: receipt.logs, eventName: 'CounterIncremented' });
    const counter = await fx.exchangeAs(licensor).read.counters([licensor.address]);
    expect(event!.args).toEqual({ licensor: licensor.address, counter });
    expect(counter).toBeGreaterThan(0n);

    expect(await revertName(buy(offers[0]!))).toBe('BatchCancelled');
    const [fresh] = await signBatch(licensor, domain, [makeLeaf(licensor.address, fx.stablecoin, fx.chainIdBig, now)], { counter });
    await fx.mined(buy(fresh!));
  });

  it('refuses a batch signed ahead with a future counter, so the next increment cannot bring it to life', async () => {
    const { licensor, now, buy } = await setup(1);
    const [ahead] = await signBatch(licensor, domain, [makeLeaf(licensor.address, fx.stablecoin, fx.chainIdBig, now)], { counter: 1n });
    expect(await revertName(buy(ahead!))).toBe('BatchCancelled');
    await fx.mined(fx.exchangeAs(licensor).write.incrementCounter());
    expect(await fx.exchangeAs(licensor).read.counters([licensor.address])).not.toBe(1n);
    expect(await revertName(buy(ahead!))).toBe('BatchCancelled');
  });

  it('works for a smart-contract wallet acting through its own calls', async () => {
    const owner = await fx.newAccount();
    const wallet = await fx.deploy(ERC1271Wallet, [owner.address]);
    const buyer = await fx.newAccount();
    await fx.fund(buyer, 10_000_000n);
    const now = await fx.now();
    const [a, b] = await signBatch(owner, domain, [makeLeaf(wallet, fx.stablecoin, fx.chainIdBig, now), makeLeaf(wallet, fx.stablecoin, fx.chainIdBig, now)], {
      licensor: wallet,
    });
    const asWallet = (data: Hex) =>
      fx.mined(fx.walletOf(owner).writeContract({ address: wallet, abi: ERC1271Wallet.abi, functionName: 'execute', args: [fx.exchange, data] }));

    await asWallet(encodeFunctionData({ abi: exchangeAbi, functionName: 'revoke', args: [[referenceOfferId(a!.leaf)]] }));
    expect(await revertName(fx.exchangeAs(buyer).write.purchase(purchaseArgs(a!)))).toBe('OfferRevoked');
    await asWallet(encodeFunctionData({ abi: exchangeAbi, functionName: 'incrementCounter' }));
    expect(await revertName(fx.exchangeAs(buyer).write.purchase(purchaseArgs(b!)))).toBe('BatchCancelled');
  });
});
