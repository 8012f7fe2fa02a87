// Buying one licence: money moves, the receipt event is exact, and every refusal a buyer could meet.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashTypedData, parseEventLogs } from 'viem';
import { offerId as coreOfferId } from '../../src/core/offer/leaf';
import { EIP712_NAME, EIP712_TYPES, EIP712_VERSION } from '../../src/core/offer/types';
import { deployExchange } from '../../src/chain/deploy';
import { CHAIN_TIMEOUTS, chainWithDomain, exchangeAbi, revertName, type Fixture } from './fixture';
import { makeLeaf, purchaseArgs, referenceOfferId, signBatch, type Domain } from './offers';

vi.setConfig(CHAIN_TIMEOUTS);

let fx: Fixture;
let domain: Domain;
beforeAll(async () => ({ fx, domain } = await chainWithDomain()));
afterAll(() => fx?.stop());

/** A licensor with one signed offer, and a buyer funded for `funds` and approved. */
async function oneOffer(overrides: Parameters<typeof makeLeaf>[4] = {}, funds = 10_000_000n) {
  const licensor = await fx.newAccount();
  const buyer = await fx.newAccount();
  const [offer] = await signBatch(licensor, domain, [makeLeaf(licensor.address, fx.stablecoin, fx.chainIdBig, await fx.now(), overrides)]);
  if (funds > 0n) await fx.fund(buyer, funds);
  return { licensor, buyer, offer: offer! };
}

describe('purchase', () => {
  it('moves the price from buyer to licensor and emits an exact Licensed receipt', async () => {
    const { licensor, buyer, offer } = await oneOffer();
    const receipt = await fx.mined(fx.exchangeAs(buyer).write.purchase(purchaseArgs(offer)));
    const block = await fx.publicClient.getBlock({ blockNumber: receipt.blockNumber });

    expect(await fx.balanceOf(licensor.address)).toBe(2_500_000n);
    expect(await fx.balanceOf(buyer.address)).toBe(7_500_000n);
    expect(await fx.balanceOf(fx.exchange)).toBe(0n);
    const [event, ...rest] = parseEventLogs({ abi: exchangeAbi, logs: receipt.logs, eventName: 'Licensed' });
    expect(rest).toHaveLength(0);
    expect(event!.address).toBe(fx.exchange.toLowerCase());
    expect(event!.args).toEqual({
      offerId: referenceOfferId(offer.leaf),
      licensor: licensor.address,
      buyer: buyer.address,
      token: fx.stablecoin,
      amount: 2_500_000n,
      licenseExpiresAt: block.timestamp + offer.leaf.licenseDuration,
    });
    expect(await fx.exchangeAs(buyer).read.hasLicense([referenceOfferId(offer.leaf), buyer.address])).toBe(true);
  });

  it('reports licenseExpiresAt 0 for a perpetual licence, and saturates an absurd duration', async () => {
    for (const [licenseDuration, expected] of [[0n, 0n], [2n ** 64n - 1n, 2n ** 64n - 1n]] as const) {
      const { buyer, offer } = await oneOffer({ licenseDuration });
      const receipt = await fx.mined(fx.exchangeAs(buyer).write.purchase(purchaseArgs(offer)));
      const [event] = parseEventLogs({ abi: exchangeAbi, logs: receipt.logs, eventName: 'Licensed' });
      expect(event!.args.licenseExpiresAt).toBe(expected);
    }
  });

  it('gives a free offer without touching the token', async () => {
    const { buyer, offer } = await oneOffer({ price: 0n }, 0n);
    const receipt = await fx.mined(fx.exchangeAs(buyer).write.purchase(purchaseArgs(offer)));
    expect(parseEventLogs({ abi: exchangeAbi, logs: receipt.logs, eventName: 'Licensed' })[0]!.args.amount).toBe(0n);
    expect(receipt.logs).toHaveLength(1); // no Transfer
  });

  it('refuses a second purchase by the same buyer, but sells to another buyer', async () => {
    const { licensor, buyer, offer } = await oneOffer();
    await fx.mined(fx.exchangeAs(buyer).write.purchase(purchaseArgs(offer)));
    expect(await revertName(fx.exchangeAs(buyer).write.purchase(purchaseArgs(offer)))).toBe('AlreadyLicensed');
    expect(await fx.balanceOf(buyer.address)).toBe(7_500_000n);

    const other = await fx.newAccount();
    await fx.fund(other, 2_500_000n);
    await fx.mined(fx.exchangeAs(other).write.purchase(purchaseArgs(offer)));
    expect(await fx.balanceOf(licensor.address)).toBe(5_000_000n);
  });

  it('refuses an expired offer', async () => {
    const { buyer, offer } = await oneOffer({ validUntil: (await fx.now()) - 1n });
    expect(await revertName(fx.exchangeAs(buyer).write.purchase(purchaseArgs(offer)))).toBe('OfferExpired');
  });

  it('still sells in the very second of validUntil, and not one second later', async () => {
    const at = (await fx.now()) + 100n;
    const { buyer, offer } = await oneOffer({ validUntil: at });
    await fx.testClient.setNextBlockTimestamp({ timestamp: at });
    // An explicit gas limit skips estimation, which would run against the current block's timestamp.
    await fx.mined(fx.exchangeAs(buyer).write.purchase(purchaseArgs(offer), { gas: 500_000n }));

    const late = await oneOffer({ validUntil: at + 1n });
    await fx.testClient.setNextBlockTimestamp({ timestamp: at + 2n });
    await fx.testClient.mine({ blocks: 1 });
    expect(await revertName(fx.exchangeAs(late.buyer).write.purchase(purchaseArgs(late.offer)))).toBe('OfferExpired');
  });

  it('fails with the token error when allowance or balance is short, and records no licence', async () => {
    const { buyer, offer } = await oneOffer({}, 0n);
    expect(await revertName(fx.exchangeAs(buyer).write.purchase(purchaseArgs(offer)))).toBe('ERC20InsufficientAllowance');

    await fx.fund(buyer, 1_000_000n); // approves only 1.00 for a 2.50 offer
    expect(await revertName(fx.exchangeAs(buyer).write.purchase(purchaseArgs(offer)))).toBe('ERC20InsufficientAllowance');

    await fx.mined(fx.stablecoinAs(buyer).write.approve([fx.exchange, 10n ** 18n])); // enough allowance, too little money
    expect(await revertName(fx.exchangeAs(buyer).write.purchase(purchaseArgs(offer)))).toBe('ERC20InsufficientBalance');
    expect(await fx.exchangeAs(buyer).read.hasLicense([referenceOfferId(offer.leaf), buyer.address])).toBe(false);
  });
});

describe('protocol fee', () => {
  it('splits the price between licensor and fee recipient, rounding in the licensor’s favour', async () => {
    const { address: exchange } = await deployExchange({ rpcUrl: fx.rpcUrl, deployerKey: fx.deployerKey });
    const feeRecipient = await fx.newAccount();
    await fx.mined(fx.exchangeAs(fx.deployer, exchange).write.setFee([feeRecipient.address, 250])); // 2.5%

    const licensor = await fx.newAccount();
    const buyer = await fx.newAccount();
    const [offer] = await signBatch(licensor, { chainId: fx.chainIdBig, verifyingContract: exchange }, [
      makeLeaf(licensor.address, fx.stablecoin, fx.chainIdBig, await fx.now(), { price: 1_000_001n }),
    ]);
    await fx.fund(buyer, 1_000_001n, fx.stablecoin, exchange);
    const receipt = await fx.mined(fx.exchangeAs(buyer, exchange).write.purchase(purchaseArgs(offer!)));

    expect(await fx.balanceOf(feeRecipient.address)).toBe(25_000n); // floor(1_000_001 * 250 / 10_000)
    expect(await fx.balanceOf(licensor.address)).toBe(975_001n);
    expect(await fx.balanceOf(buyer.address)).toBe(0n);
    expect(parseEventLogs({ abi: exchangeAbi, logs: receipt.logs, eventName: 'Licensed' })[0]!.args.amount).toBe(1_000_001n);
  });

  it('caps the fee at 10%, needs a recipient, and only the owner may set it', async () => {
    const owner = fx.exchangeAs(fx.deployer);
    const stranger = await fx.newAccount();
    expect(await owner.read.feeBps()).toBe(0);
    expect(await revertName(owner.write.setFee([stranger.address, 1_001]))).toBe('FeeTooHigh');
    expect(await revertName(owner.write.setFee(['0x0000000000000000000000000000000000000000', 100]))).toBe('ZeroFeeRecipient');
    expect(await revertName(fx.exchangeAs(stranger).write.setFee([stranger.address, 100]))).toBe('OwnableUnauthorizedAccount');
    expect(await owner.read.feeBps()).toBe(0);
  });
});

describe('views', () => {
  it('computes offer ids and batch digests exactly as the off-chain code does', async () => {
    const licensor = await fx.newAccount();
    const leaf = makeLeaf(licensor.address, fx.stablecoin, fx.chainIdBig, await fx.now(), { postId: 'ünïcødé 😀', url: 'https://x.com/a/status/1?q=%20' });
    const id = await fx.exchangeAs(licensor).read.offerId([leaf]);
    expect(id).toBe(referenceOfferId(leaf));
    expect(id).toBe(coreOfferId(leaf));

    const [offer] = await signBatch(licensor, domain, [leaf], { counter: 7n });
    const expected = hashTypedData({
      domain: { name: EIP712_NAME, version: EIP712_VERSION, ...domain },
      types: EIP712_TYPES,
      primaryType: 'OfferBatch',
      message: offer!.batch,
    });
    expect(await fx.exchangeAs(licensor).read.hashOfferBatch([offer!.batch])).toBe(expected);
  });
});
