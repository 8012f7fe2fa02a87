// Gas per licence in a 100-licence purchaseMany against a bare ERC-20 transferFrom, measured in the same run.
// Logged, not asserted: the figures move with compiler and hardfork, and a failing number is not a bug.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { PrivateKeyAccount } from 'viem';
import { CHAIN_TIMEOUTS, setupChain, type Fixture } from './fixture';
import { makeLeaf, purchaseArgs, referenceOfferId, signBatch } from './offers';

vi.setConfig(CHAIN_TIMEOUTS);

let fx: Fixture;
beforeAll(async () => {
  fx = await setupChain();
});
afterAll(async () => {
  await fx?.stop();
});

/** A spender moves `amount` of a larger balance and allowance, so no storage refund flatters the figure. */
async function bareTransferFrom(from: PrivateKeyAccount, to: `0x${string}`, amount: bigint): Promise<bigint> {
  const spender = await fx.newAccount();
  await fx.fund(from, 10n * amount, fx.stablecoin, spender.address);
  const receipt = await fx.mined(fx.stablecoinAs(spender).write.transferFrom([from.address, to, amount]));
  return receipt.gasUsed;
}

it('measures gas per licence for 100 licences of one batch', async () => {
  const licensor = await fx.newAccount();
  const buyer = await fx.newAccount();
  const domain = { chainId: fx.chainIdBig, verifyingContract: fx.exchange };
  const now = await fx.now();
  const leaves = Array.from({ length: 101 }, () => makeLeaf(licensor.address, fx.stablecoin, fx.chainIdBig, now));
  const offers = await signBatch(licensor, domain, leaves);
  await fx.fund(buyer, 101n * 2_500_000n);

  // One single purchase first, so the licensor's balance is already non-zero as it would be for an active seller.
  const single = await fx.mined(fx.exchangeAs(buyer).write.purchase(purchaseArgs(offers[100]!)));
  const many = await fx.mined(fx.exchangeAs(buyer).write.purchaseMany([offers.slice(0, 100)]));
  expect(await fx.exchangeAs(buyer).read.hasLicense([referenceOfferId(leaves[99]!), buyer.address])).toBe(true);
  const input = (await fx.publicClient.getTransaction({ hash: many.transactionHash })).input;
  const bytes = Buffer.from(input.slice(2), 'hex');
  const calldataGas = bytes.reduce((g, b) => g + (b === 0 ? 4 : 16), 0);

  const payer = await fx.newAccount();
  const toFunded = await bareTransferFrom(payer, licensor.address, 2_500_000n); // recipient already holds tokens
  const toFresh = await bareTransferFrom(await fx.newAccount(), (await fx.newAccount()).address, 2_500_000n);

  const perLicence = many.gasUsed / 100n;
  const ratio = (x: bigint, y: bigint) => (Number(x) / Number(y)).toFixed(2);
  console.log(
    [
      'gas (LicenseExchange, anvil):',
      `  purchase, 1 licence (signature checked):        ${single.gasUsed}`,
      `  purchaseMany, 100 licences of one batch:         ${many.gasUsed} total, ${perLicence} per licence`,
      `    of which calldata:                             ${calldataGas / 100} per licence (${bytes.length / 100} bytes)`,
      `  bare ERC-20 transferFrom, recipient holds tokens: ${toFunded}  -> ratio ${ratio(perLicence, toFunded)}x`,
      `  bare ERC-20 transferFrom, fresh recipient:        ${toFresh}  -> ratio ${ratio(perLicence, toFresh)}x`,
    ].join('\n'),
  );
});
