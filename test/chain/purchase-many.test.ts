// Buying many licences in one transaction: one signature check per batch, summed payments, all or nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { erc20Abi, parseEventLogs, type PrivateKeyAccount } from 'viem';
import { deployExchange } from '../../src/chain/deploy';
import { CHAIN_TIMEOUTS, chainWithDomain, exchangeAbi, revertName, type Fixture } from './fixture';
import { makeLeaf, referenceOfferId, signBatch, signRevocation, type Domain, type SignedOffer } from './offers';

vi.setConfig(CHAIN_TIMEOUTS);

let fx: Fixture;
let domain: Domain;
beforeAll(async () => ({ fx, domain } = await chainWithDomain()));
afterAll(() => fx?.stop());

async function batchOf(licensor: PrivateKeyAccount, n: number, price = 2_500_000n, d = domain) {
  const now = await fx.now();
  return signBatch(licensor, d, Array.from({ length: n }, () => makeLeaf(licensor.address, fx.stablecoin, fx.chainIdBig, now, { price })));
}

async function funded(amount = 1_000_000_000n) {
  const buyer = await fx.newAccount();
  await fx.fund(buyer, amount);
  return buyer;
}

const hasLicense = (o: SignedOffer, buyer: PrivateKeyAccount) => fx.exchangeAs(buyer).read.hasLicense([referenceOfferId(o.leaf), buyer.address]);

describe('purchaseMany', () => {
  it('buys many leaves of one batch with one token transfer', async () => {
    const licensor = await fx.newAccount();
    const buyer = await funded(50_000_000n);
    const offers = await batchOf(licensor, 20);

    const receipt = await fx.mined(fx.exchangeAs(buyer).write.purchaseMany([offers]));
    const licensed = parseEventLogs({ abi: exchangeAbi, logs: receipt.logs, eventName: 'Licensed' });
    expect(licensed.map((e) => e.args.offerId)).toEqual(offers.map((o) => referenceOfferId(o.leaf)));
    expect(licensed.every((e) => e.args.buyer === buyer.address && e.args.amount === 2_500_000n)).toBe(true);
    expect(parseEventLogs({ abi: erc20Abi, logs: receipt.logs, eventName: 'Transfer' })).toHaveLength(1);
    expect(await fx.balanceOf(licensor.address)).toBe(50_000_000n);
    expect(await fx.balanceOf(buyer.address)).toBe(0n);
    expect(await Promise.all(offers.map((o) => hasLicense(o, buyer)))).toEqual(offers.map(() => true));
  });

  it('pays each licensor their own sum when batches and licensors are interleaved', async () => {
    const [alice, bob] = [await fx.newAccount(), await fx.newAccount()];
    const buyer = await funded();
    const a1 = await batchOf(alice, 2, 1_000_000n);
    const a2 = await batchOf(alice, 1, 3_000_000n);
    const b1 = await batchOf(bob, 2, 7_000_000n);
    const purchases = [a1[0]!, b1[0]!, a2[0]!, a1[1]!, b1[1]!];

    const receipt = await fx.mined(fx.exchangeAs(buyer).write.purchaseMany([purchases]));
    expect(await fx.balanceOf(alice.address)).toBe(5_000_000n);
    expect(await fx.balanceOf(bob.address)).toBe(14_000_000n);
    expect(parseEventLogs({ abi: exchangeAbi, logs: receipt.logs, eventName: 'Licensed' })).toHaveLength(5);
    expect(await Promise.all(purchases.map((o) => hasLicense(o, buyer)))).toEqual(purchases.map(() => true));
  });

  it('is all or nothing: one refused purchase reverts the lot', async () => {
    const licensor = await fx.newAccount();
    const buyer = await funded(100_000_000n);
    const offers = await batchOf(licensor, 4);
    const rev = { licensor: licensor.address, offerIds: [referenceOfferId(offers[3]!.leaf)], issuedAt: 0n };
    await fx.mined(fx.exchangeAs(buyer).write.revokeBySig([rev, await signRevocation(licensor, domain, rev)]));

    expect(await revertName(fx.exchangeAs(buyer).write.purchaseMany([offers]))).toBe('OfferRevoked');
    expect(await fx.balanceOf(buyer.address)).toBe(100_000_000n);
    expect(await hasLicense(offers[0]!, buyer)).toBe(false);
  });

  it('checks the signature of every distinct batch, not just the first', async () => {
    const [alice, bob] = [await fx.newAccount(), await fx.newAccount()];
    const buyer = await funded();
    const good = await batchOf(alice, 2);
    const [forged] = await signBatch(alice, domain, [makeLeaf(bob.address, fx.stablecoin, fx.chainIdBig, await fx.now())], { licensor: bob.address });
    expect(await revertName(fx.exchangeAs(buyer).write.purchaseMany([[good[0]!, forged!, good[1]!]]))).toBe('InvalidSignature');
  });

  it('refuses the same offer twice in one call, and an empty list', async () => {
    const licensor = await fx.newAccount();
    const buyer = await funded();
    const [offer] = await batchOf(licensor, 1);
    expect(await revertName(fx.exchangeAs(buyer).write.purchaseMany([[offer!, offer!]]))).toBe('AlreadyLicensed');
    expect(await revertName(fx.exchangeAs(buyer).write.purchaseMany([[]]))).toBe('NoPurchases');
  });

  it('takes the protocol fee on each licence, summed per licensor', async () => {
    const { address: exchange } = await deployExchange({ rpcUrl: fx.rpcUrl, deployerKey: fx.deployerKey });
    const feeRecipient = await fx.newAccount();
    await fx.mined(fx.exchangeAs(fx.deployer, exchange).write.setFee([feeRecipient.address, 1_000]));
    const licensor = await fx.newAccount();
    const buyer = await fx.newAccount();
    await fx.fund(buyer, 30_000_009n, fx.stablecoin, exchange);
    const offers = await batchOf(licensor, 3, 10_000_003n, { ...domain, verifyingContract: exchange });

    await fx.mined(fx.exchangeAs(buyer, exchange).write.purchaseMany([offers]));
    expect(await fx.balanceOf(feeRecipient.address)).toBe(3n * 1_000_000n); // floor(10_000_003 / 10) each
    expect(await fx.balanceOf(licensor.address)).toBe(3n * 9_000_003n);
    expect(await fx.balanceOf(buyer.address)).toBe(0n);
  });
});
