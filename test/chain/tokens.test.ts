// Hostile and odd tokens a licensor might price in: one that re-enters the exchange, one that skims transfers.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeFunctionData, erc20Abi, parseEventLogs, toFunctionSelector, type Address } from 'viem';
import * as FeeOnTransferToken from '../../src/chain/generated/FeeOnTransferToken';
import * as ReentrantToken from '../../src/chain/generated/ReentrantToken';
import { CHAIN_TIMEOUTS, chainWithDomain, exchangeAbi, revertName, type Fixture } from './fixture';
import { makeLeaf, purchaseArgs, referenceOfferId, signBatch, type Domain } from './offers';

vi.setConfig(CHAIN_TIMEOUTS);

let fx: Fixture;
let domain: Domain;
beforeAll(async () => ({ fx, domain } = await chainWithDomain()));
afterAll(() => fx?.stop());

const REENTRANT_CALL = toFunctionSelector('error ReentrancyGuardReentrantCall()');

async function offersIn(token: Address, n: number) {
  const licensor = await fx.newAccount();
  const buyer = await fx.newAccount();
  await fx.fund(buyer, 100_000_000n, token);
  const now = await fx.now();
  const offers = await signBatch(licensor, domain, Array.from({ length: n }, () => makeLeaf(licensor.address, token, fx.chainIdBig, now)));
  return { licensor, buyer, offers };
}

describe('re-entrant token', () => {
  async function armed(bubble: boolean) {
    const token = await fx.deploy(ReentrantToken);
    const { licensor, buyer, offers } = await offersIn(token, 2);
    const payload = encodeFunctionData({ abi: exchangeAbi, functionName: 'purchase', args: purchaseArgs(offers[0]!) });
    await fx.mined(fx.walletOf(buyer).writeContract({ address: token, abi: ReentrantToken.abi, functionName: 'arm', args: [fx.exchange, payload, bubble] }));
    const read = <F extends 'attempted' | 'reentryOk' | 'reentryError'>(functionName: F) =>
      fx.publicClient.readContract({ address: token, abi: ReentrantToken.abi, functionName });
    return { token, licensor, buyer, offers, read };
  }

  it('refuses the re-entry; when the token lets it fail silently, exactly one licence is sold', async () => {
    const { token, licensor, buyer, offers, read } = await armed(false);
    await fx.mined(fx.exchangeAs(buyer).write.purchase(purchaseArgs(offers[0]!)));

    expect(await read('attempted')).toBe(true);
    expect(await read('reentryOk')).toBe(false);
    expect(await read('reentryError')).toBe(REENTRANT_CALL);
    const id = referenceOfferId(offers[0]!.leaf);
    expect(await fx.exchangeAs(buyer).read.hasLicense([id, buyer.address])).toBe(true);
    expect(await fx.exchangeAs(buyer).read.hasLicense([id, token])).toBe(false);
    expect(await fx.balanceOf(licensor.address, token)).toBe(2_500_000n);
  });

  it('reverts the whole purchase when the token passes the refusal on, recording nothing', async () => {
    const { token, licensor, buyer, offers } = await armed(true);
    expect(await revertName(fx.exchangeAs(buyer).write.purchaseMany([offers]))).toBe('ReentrancyGuardReentrantCall');
    for (const o of offers) expect(await fx.exchangeAs(buyer).read.hasLicense([referenceOfferId(o.leaf), buyer.address])).toBe(false);
    expect(await fx.balanceOf(licensor.address, token)).toBe(0n);
  });
});

describe('fee-on-transfer token', () => {
  it('charges the buyer the price; the token’s cut comes out of what the licensor receives; the exchange holds nothing', async () => {
    const token = await fx.deploy(FeeOnTransferToken);
    const { licensor, buyer, offers } = await offersIn(token, 2);
    const receipt = await fx.mined(fx.exchangeAs(buyer).write.purchaseMany([offers]));

    expect(await fx.balanceOf(buyer.address, token)).toBe(100_000_000n - 5_000_000n);
    expect(await fx.balanceOf(licensor.address, token)).toBe(4_950_000n); // 1% burnt by the token
    expect(await fx.balanceOf(fx.exchange, token)).toBe(0n);
    const licensed = parseEventLogs({ abi: exchangeAbi, logs: receipt.logs, eventName: 'Licensed' });
    expect(licensed.map((e) => e.args.amount)).toEqual([2_500_000n, 2_500_000n]);
    const transfers = parseEventLogs({ abi: erc20Abi, logs: receipt.logs, eventName: 'Transfer' });
    expect(transfers.find((t) => t.args.to === licensor.address)?.args.value).toBe(4_950_000n);
  });
});
