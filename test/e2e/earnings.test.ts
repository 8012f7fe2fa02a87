// Earnings end to end: real anvil, real purchases by a buyer, the extension's sync, badge, screen and withdraw.
import type { Page } from 'playwright-core';
import { parseEther, parseEventLogs, type PrivateKeyAccount } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeAbi, setupChain, type Fixture } from '../chain/fixture';
import { makeLeaf, signBatch } from '../chain/offers';
import { launch, type Session } from './harness';

const MNEMONIC = 'test test test test test test test test test test test junk';
const licensor = mnemonicToAccount(MNEMONIC); // anvil's account #0, funded with ETH for gas
const PASSWORD = 'correct horse battery';
const PRICE = 2_500_000n; // 2.50 USDC

type Reply = { ok: true; value: unknown } | { ok: false; error: string };
const message = (popup: Page, type: string, payload: unknown = {}) =>
  popup.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }) as Promise<Reply>, [type, payload] as const);
const badge = (popup: Page) => popup.evaluate(() => chrome.action.getBadgeText({}));

const POST_URL = 'https://x.com/alice/status/1790000000000000001';

/** A captured, published post as the background stores it (one storage key per post, versioned envelope). */
function storePost(popup: Page, offerId: string) {
  const at = new Date().toISOString();
  const record = {
    post: { platform: 'x', postId: '1790000000000000001', url: POST_URL, author: 'alice', createdAt: at, text: 'My best thread', media: [], contentHash: '0x00', capturedAt: at },
    consent: { state: 'in', history: [] },
    offer: { state: 'published', offerId, batchId: '0x01', at },
  };
  return popup.evaluate((r) => chrome.storage.local.set({ 'post:x:1790000000000000001': { v: 1, data: r } }), record);
}

describe('earnings: sales on chain become earnings in the popup, and can be withdrawn', () => {
  let s: Session;
  let fx: Fixture;
  let buyer: PrivateKeyAccount;
  let popup: Page;

  async function buy(n: number) {
    const now = await fx.now();
    const leaves = Array.from({ length: n }, () => makeLeaf(licensor.address, fx.stablecoin, fx.chainIdBig, now, { price: PRICE }));
    const offers = await signBatch(licensor, { chainId: fx.chainIdBig, verifyingContract: fx.exchange }, leaves);
    return fx.mined(fx.exchangeAs(buyer).write.purchaseMany([offers]));
  }

  beforeAll(async () => {
    [fx, s] = await Promise.all([setupChain(), launch()]);
    buyer = await fx.newAccount();
    await fx.fund(buyer, 100_000_000n);
    popup = await s.openPopup();
    const net = { chain: 'anvil', rpcUrl: fx.rpcUrl, registryUrl: 'http://127.0.0.1:9', exchange: fx.exchange, token: { address: fx.stablecoin, symbol: 'USDC', decimals: 6 } };
    expect(await message(popup, 'network.set', net)).toMatchObject({ ok: true });
    expect(await message(popup, 'wallet.import', { secret: MNEMONIC, password: PASSWORD })).toMatchObject({ ok: true, value: { address: licensor.address } });
  });
  afterAll(async () => {
    await s?.close();
    await fx?.stop();
  });

  it('syncs two sales, counts them on the badge, and shows them on the Earnings tab', async () => {
    const receipt = await buy(2);
    // One of the two is a post Consentry published: its sale should link to it.
    const [first] = parseEventLogs({ abi: exchangeAbi, logs: receipt.logs, eventName: 'Licensed' });
    await storePost(popup, first!.args.offerId);
    const synced = await message(popup, 'earnings.sync');
    expect(synced).toMatchObject({ ok: true, value: { error: null } });
    expect(await badge(popup)).toBe('2');
    // Syncing the same blocks again counts nothing twice.
    await message(popup, 'earnings.sync');
    expect(await badge(popup)).toBe('2');

    await popup.getByRole('tab', { name: 'Earnings' }).click();
    await popup.getByRole('heading', { name: 'Earnings' }).waitFor();
    await popup.getByTestId('earnings-total').filter({ hasText: '5.00 USDC' }).waitFor();
    const recent = popup.getByRole('list', { name: 'Recent sales' });
    expect(await recent.getByRole('listitem').count()).toBe(2);
    expect(await recent.textContent()).toContain(receipt.transactionHash.slice(0, 8));
    await expect.poll(() => badge(popup)).toBe('');
    expect(await popup.getByRole('img', { name: /Earnings per day/ }).count()).toBe(1);
    const top = popup.getByRole('list', { name: 'Top posts' });
    expect(await top.getByRole('link', { name: 'My best thread' }).getAttribute('href')).toBe(POST_URL);
    const bySite = await popup.getByRole('list', { name: 'Earnings by site' }).getByRole('listitem').allTextContents();
    expect(bySite.sort()).toEqual(['Other: 2.50 USDC', 'X (Twitter): 2.50 USDC']);
  });

  it('forgets a sale whose block was reorganised away', async () => {
    const snapshot = await fx.testClient.snapshot();
    await buy(1);
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await popup.getByTestId('earnings-total').filter({ hasText: '7.50 USDC' }).waitFor();
    await fx.testClient.revert({ id: snapshot });
    await fx.testClient.mine({ blocks: 3 });
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await popup.getByTestId('earnings-total').filter({ hasText: '5.00 USDC' }).waitFor();
  });

  it('refuses a withdrawal without ETH for gas, with the reason', async () => {
    const eth = await fx.publicClient.getBalance({ address: licensor.address });
    await fx.testClient.setBalance({ address: licensor.address, value: 0n });
    try {
      const r = await message(popup, 'earnings.withdraw', { to: buyer.address, amount: '1' });
      expect(r).toMatchObject({ ok: false });
      expect((r as { error: string }).error).toMatch(new RegExp(`^No ETH to pay for gas: send a little ETH to ${licensor.address} first \\(estimated cost [0-9.]+ ETH\\)`));
    } finally {
      await fx.testClient.setBalance({ address: licensor.address, value: eth > 0n ? eth : parseEther('10') });
    }
  });

  it('withdraws part of the earnings to another address, on chain', async () => {
    const to = (await fx.newAccount()).address;
    await popup.getByRole('textbox', { name: 'Send to address' }).fill(to);
    await popup.getByRole('textbox', { name: 'Amount' }).fill('9');
    await popup.getByRole('button', { name: 'Withdraw' }).click();
    await popup.getByRole('alert').filter({ hasText: 'more than your balance' }).waitFor();

    await popup.getByRole('textbox', { name: 'Amount' }).fill('1.25');
    await popup.getByText(/Gas: about [0-9.]+ ETH/).waitFor();
    await popup.getByRole('button', { name: 'Withdraw' }).click();
    await popup.getByRole('status').filter({ hasText: 'Sent: transaction' }).waitFor();
    await expect.poll(() => fx.balanceOf(to)).toBe(1_250_000n);
    expect(await fx.balanceOf(licensor.address)).toBe(5_000_000n - 1_250_000n);
  });

  it('shows a sale in the open Earnings view as soon as it is mined, without "Sync now", even after the worker stopped', async () => {
    // No minute alarm in this test: what shows up comes from the open view's live sync.
    await popup.evaluate(() => chrome.alarms.clear('earnings-sync'));
    const total = popup.getByTestId('earnings-total');
    const recent = popup.getByRole('list', { name: 'Recent sales' });
    const live = async (expected: string, sales: number) => {
      const receipt = await buy(1);
      const t0 = Date.now();
      await popup.getByText(`${expected} from ${sales} sales`).waitFor({ timeout: 25_000 });
      expect(await total.textContent()).toBe(expected);
      await expect.poll(() => recent.textContent()).toContain(receipt.transactionHash.slice(0, 8));
      return Date.now() - t0;
    };
    const first = await live('7.50 USDC', 3);
    expect(first).toBeLessThan(25_000);
    // Seen as it arrived: the view is open, so the toolbar badge does not count it as new.
    await expect.poll(() => badge(popup)).toBe('');

    // Chrome stops idle workers; the view's port drops and connects again, and the next sale still shows.
    await s.stopWorker();
    await s.worker();
    await popup.evaluate(() => chrome.alarms.clear('earnings-sync'));
    await live('10.00 USDC', 4);
    expect(await recent.getByRole('listitem').count()).toBe(4);
    expect(await popup.getByRole('button', { name: 'Sync now' }).isEnabled()).toBe(true);
  });

  it('keeps what it has when the RPC is unreachable, and says why', async () => {
    const net = { chain: 'anvil', rpcUrl: 'http://127.0.0.1:9', registryUrl: 'http://127.0.0.1:9', exchange: fx.exchange, token: { address: fx.stablecoin, symbol: 'USDC', decimals: 6 } };
    expect(await message(popup, 'network.set', net)).toMatchObject({ ok: true });
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await popup.getByRole('alert').filter({ hasText: 'Could not read sales from http://127.0.0.1:9' }).waitFor();
    expect(await popup.getByTestId('earnings-total').textContent()).toBe('10.00 USDC');
  });

  it('keeps the sales of a ledger stored by the previous version, across a worker restart', async () => {
    // Version 1 kept the sales in chrome.storage; they move to the background's own database.
    const sale = { offerId: `0x${'ab'.repeat(32)}`, buyer: buyer.address, token: fx.stablecoin, amount: '1000000', blockNumber: 1, blockHash: `0x${'01'.repeat(32)}`, txHash: `0x${'02'.repeat(32)}`, logIndex: 0, timestamp: 1_780_000_000 };
    const v1 = { licensor: licensor.address, exchange: fx.exchange, chain: 'anvil', ledger: { sales: { [`${sale.txHash}:0`]: sale }, syncedTo: 1, recent: [] }, postKeys: {}, lastSyncAt: null, error: null, seenCount: 1 };
    await popup.evaluate((data) => chrome.storage.local.set({ earnings: { v: 1, data } }), v1);
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await popup.getByText('1.00 USDC from 1 sale').waitFor();
    await s.stopWorker();
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await popup.getByRole('alert').filter({ hasText: 'Could not read sales' }).waitFor();
    await popup.getByText('1.00 USDC from 1 sale').waitFor();
    const { earnings } = (await popup.evaluate(() => chrome.storage.local.get('earnings'))) as { earnings: { v: number; data: Record<string, { sales?: unknown }> } };
    expect(earnings).toMatchObject({ v: 2, data: { saleCount: 1 } });
    // The sales themselves are not in chrome.storage any more, only the summary the popup shows.
    expect(earnings.data.ledger).not.toHaveProperty('sales');
    expect(earnings.data).not.toHaveProperty('legacy');
  });
});
