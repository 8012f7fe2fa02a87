// Earnings benchmark, in the built extension (dist/) in a real Chromium against a real anvil chain:
//  (a) a sale's block → the open popup's Earnings view showing it (no "Sync now"), p50/p95 over SALES sales;
//  (b) the worker's sync of 10,000 sales from an empty ledger ("Sync now" → ledger holds all 10,000), and the
//      Earnings view opening with them: time to show and the longest main-thread task.
// Run: node scripts/bench.mjs --only=earnings (or node scripts/run-ts.mjs test/bench/earnings.ts with dist/ built).
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { createPublicClient, encodeEventTopics, http, numberToHex, type Address, type Hex } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { deployLocalStack } from '../../src/chain/deploy';
import { exchangeAbi, setupChain } from '../chain/fixture';
import { makeLeaf, purchaseArgs, signBatch, type SignedOffer } from '../chain/offers';

const ROOT = resolve(process.cwd());
const DIST = join(ROOT, 'dist');
const SALES = Number(process.env.LIVE_SALES ?? 20);
const MANY = Number(process.env.MANY_SALES ?? 10_000);
const PER_TX = 100;
const SYNC_RUNS = Number(process.env.SYNC_RUNS ?? 3);
const VIEW_RUNS = Number(process.env.VIEW_RUNS ?? 5);
const MNEMONIC = 'test test test test test test test test test test test junk';
const licensor = mnemonicToAccount(MNEMONIC);
const PRICE = 10_000n; // 0.01 USDC

const ms = (x: number) => Math.round(x * 10) / 10;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('dist/ is missing: run `npx vite build` first');

const fx = await setupChain();
const userDataDir = mkdtempSync(join(tmpdir(), 'consentry-bench-earnings-'));
// A copy of the build: a rebuild of dist/ during the run would pull the popup's chunks from under it.
const EXT = join(userDataDir, 'extension');
cpSync(DIST, EXT, { recursive: true });
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
});
try {
  // Only the local chain is reachable.
  await context.route(/^https?:\/\//, (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const popupUrl = `chrome-extension://${new URL(sw.url()).host}/src/popup/index.html`;
  const openPopup = async () => {
    const p = await context.newPage();
    await p.goto(popupUrl);
    await p.getByRole('heading', { name: 'Consentry' }).waitFor();
    return p;
  };
  type Reply = { ok: true; value: unknown } | { ok: false; error: string };
  const message = async (p: Page, type: string, payload: unknown = {}) => {
    const r = await p.evaluate(([t, x]) => chrome.runtime.sendMessage({ type: t, payload: x }) as Promise<Reply>, [type, payload] as const);
    if (!r.ok) throw new Error(`${type}: ${r.error}`);
    return r.value;
  };
  /** The Earnings view opening in a new popup: click → "from N sales" shown, and the long tasks meanwhile. */
  const measureView = async (count: number) => {
    const runs: { showMs: number; longestTaskMs: number; longTasks: number }[] = [];
    for (let run = 0; run < VIEW_RUNS; run++) {
      const p = await openPopup();
      await p.evaluate(() => {
        const w = window as unknown as { __long: number[] };
        w.__long = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__long.push(e.duration);
        }).observe({ type: 'longtask' });
      });
      // Timed inside the page (click → the text in the DOM): Playwright's own waiting polls every few hundred ms.
      const text = `from ${count} ${count === 1 ? 'sale' : 'sales'}`;
      const showMs = await p.evaluate(async (text) => {
        const tab = [...document.querySelectorAll<HTMLElement>('[role=tab]')].find((t) => t.textContent?.includes('Earnings'))!;
        const has = () => document.querySelector('[role=tabpanel]')?.textContent?.includes(text) ?? false;
        const t0 = performance.now();
        const shown = new Promise<number>((resolve, reject) => {
          const mo = new MutationObserver(() => {
            if (has()) {
              mo.disconnect();
              resolve(performance.now());
            }
          });
          mo.observe(document.body, { childList: true, subtree: true, characterData: true });
          setTimeout(() => reject(new Error(`the Earnings view shows: ${document.querySelector('[role=tabpanel]')?.textContent}`)), 60_000);
        });
        tab.click();
        return (await shown) - t0;
      }, text);
      // Let the sync the view starts, and its storage update, land before counting.
      await p.getByRole('button', { name: 'Sync now' }).waitFor();
      await sleep(1500);
      const long = await p.evaluate(() => (window as unknown as { __long: number[] }).__long);
      runs.push({ showMs, longestTaskMs: long.length ? Math.max(...long) : 0, longTasks: long.length });
      await p.close();
    }
    return runs;
  };
  const networkOf = (exchange: Address, token: Address) => ({ chain: 'anvil', rpcUrl: fx.rpcUrl, registryUrl: 'http://127.0.0.1:9', exchange, token: { address: token, symbol: 'USDC', decimals: 6 } });
  const buyer = await fx.newAccount();
  const exchange = fx.exchangeAs(buyer);
  /** Wait for the receipt, asking every few ms (viem's own wait polls every 4 s): the time the block is there. */
  const mined = async (hash: Hex) => {
    for (;;) {
      const r = await fx.publicClient.getTransactionReceipt({ hash }).catch(() => null);
      if (r) {
        if (r.status !== 'success') throw new Error(`transaction ${hash} reverted`);
        return Date.now();
      }
      await sleep(2);
    }
  };
  const offers = async (n: number, token: Address, verifyingContract: Address): Promise<SignedOffer[]> => {
    const now = await fx.now();
    const leaves = Array.from({ length: n }, () => makeLeaf(licensor.address, token, fx.chainIdBig, now, { price: PRICE }));
    return signBatch(licensor, { chainId: fx.chainIdBig, verifyingContract }, leaves);
  };

  // (a) Sale → shown, with the Earnings view open.
  let popup = await openPopup();
  await message(popup, 'network.set', networkOf(fx.exchange, fx.stablecoin));
  await message(popup, 'wallet.import', { secret: MNEMONIC, password: 'correct horse battery' });
  await message(popup, 'earnings.sync');
  const emptyViews = await measureView(0);
  await fx.fund(buyer, PRICE * BigInt(SALES));
  const live = await offers(SALES, fx.stablecoin, fx.exchange);
  await popup.getByRole('tab', { name: 'Earnings' }).click();
  await popup.getByText('from 0 sales').waitFor();
  const latencies: number[] = [];
  for (let i = 0; i < SALES; i++) {
    await sleep(1000 + Math.random() * 1500); // spread the sales over the poll's phase
    // Watch for the new count before the sale exists, and note the wall-clock time it appears.
    await popup.evaluate((count) => {
      const w = window as unknown as { __shown: Promise<number> };
      w.__shown = new Promise((done) => {
        const text = `from ${count} ${count === 1 ? 'sale' : 'sales'}`;
        const check = () => document.querySelector('.earnings-total')?.textContent?.includes(text);
        const mo = new MutationObserver(() => {
          if (check()) {
            mo.disconnect();
            done(Date.now());
          }
        });
        mo.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    }, i + 1);
    const at = await mined(await exchange.write.purchase(purchaseArgs(live[i]!), { gas: 500_000n }));
    const shown = await popup.evaluate(() => (window as unknown as { __shown: Promise<number> }).__shown);
    latencies.push(shown - at);
  }
  await popup.close();

  // (b) 10,000 sales on a second exchange (the ledger starts over for it), then "Sync now" from empty.
  const stack = await deployLocalStack({ rpcUrl: fx.rpcUrl, deployerKey: fx.deployerKey });
  await fx.fund(buyer, PRICE * BigInt(MANY), stack.stablecoin, stack.exchange);
  const many = fx.exchangeAs(buyer, stack.exchange);
  const fill0 = performance.now();
  const startBlock = await fx.publicClient.getBlockNumber({ cacheTime: 0 });
  for (let i = 0; i < MANY / PER_TX; i++) {
    const batch = await offers(PER_TX, stack.stablecoin, stack.exchange);
    await mined(await many.write.purchaseMany([batch.map((o) => ({ leaf: o.leaf, proof: o.proof, batch: o.batch, signature: o.signature }))], { gas: 25_000_000n }));
  }
  const endBlock = await fx.publicClient.getBlockNumber({ cacheTime: 0 });
  const fillMs = performance.now() - fill0;

  // What the sync asks the chain, timed from Node: one eth_getLogs over the whole range (undecoded).
  const client = createPublicClient({ chain: foundry, transport: http(fx.rpcUrl) });
  const topics = encodeEventTopics({ abi: exchangeAbi, eventName: 'Licensed', args: { licensor: licensor.address } });
  const g0 = performance.now();
  const logs = (await client.request({ method: 'eth_getLogs', params: [{ address: stack.exchange, topics, fromBlock: '0x0', toBlock: numberToHex(endBlock) }] })) as unknown[];
  const getLogsMs = performance.now() - g0;
  if (logs.length !== MANY) throw new Error(`expected ${MANY} Licensed logs, got ${logs.length}`);

  popup = await openPopup();
  await popup.evaluate(() => chrome.alarms.clear('earnings-sync')); // no minute alarm starting the sync early
  await message(popup, 'network.set', networkOf(stack.exchange, stack.stablecoin));
  const salesStored = () => popup.evaluate(async () => {
    const got = (await chrome.storage.local.get('earnings')) as { earnings?: { data: { saleCount: number } } };
    return got.earnings?.data.saleCount ?? 0;
  });
  const syncTimes: number[] = [];
  let storedBytes = 0;
  for (let run = 0; run < SYNC_RUNS; run++) {
    await popup.evaluate(() => chrome.storage.local.remove('earnings'));
    await sleep(200);
    const t0 = performance.now();
    const r = (await message(popup, 'earnings.sync')) as { error: string | null };
    const t = performance.now() - t0;
    if (r.error) throw new Error(r.error);
    const n = await salesStored();
    if (n !== MANY) throw new Error(`the ledger holds ${n} sales, not ${MANY}`);
    syncTimes.push(t);
    storedBytes = await popup.evaluate(() => chrome.storage.local.getBytesInUse('earnings'));
  }
  await popup.close();

  const views = await measureView(MANY);
  const results = {
    liveSales: SALES,
    saleToPopupMs: { p50: ms(quantile(latencies, 0.5)), p95: ms(quantile(latencies, 0.95)), max: ms(Math.max(...latencies)), runs: latencies.map(ms) },
    manySales: MANY,
    fill: { blocks: Number(endBlock - startBlock), txs: MANY / PER_TX, ms: Math.round(fillMs) },
    getLogsAllFromNodeMs: ms(getLogsMs),
    syncFromEmptyMs: { median: ms(quantile(syncTimes, 0.5)), runs: syncTimes.map(ms) },
    ledgerBytes: storedBytes,
    earningsViewEmpty: {
      showMedianMs: ms(quantile(emptyViews.map((v) => v.showMs), 0.5)),
      longestTaskMs: ms(Math.max(...emptyViews.map((v) => v.longestTaskMs))),
      runs: emptyViews,
    },
    earningsViewWith10k: {
      showMedianMs: ms(quantile(views.map((v) => v.showMs), 0.5)),
      longestTaskMs: ms(Math.max(...views.map((v) => v.longestTaskMs))),
      runs: views.map((v) => ({ showMs: v.showMs, longestTaskMs: ms(v.longestTaskMs), longTasks: v.longTasks })),
    },
  };
  const out = join(ROOT, 'bench-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'earnings.json'), JSON.stringify(results, null, 2));
  const row = (name: string, value: string | number, target: string) => console.log(`  ${name.padEnd(60)} ${String(value).padStart(10)}   ${target}`);
  console.log(`\nEarnings (built extension in Chromium, anvil; ${SALES} live sales, ${MANY} for the sync)`);
  row('sale mined → open Earnings view shows it, p50 (ms)', results.saleToPopupMs.p50, '');
  row('sale mined → open Earnings view shows it, p95 (ms)', results.saleToPopupMs.p95, `max ${results.saleToPopupMs.max}`);
  row(`sync of ${MANY} sales from an empty ledger, median (ms)`, results.syncFromEmptyMs.median, `runs ${results.syncFromEmptyMs.runs.join(', ')}`);
  row(`  of which one eth_getLogs of all ${MANY}, from Node (ms)`, results.getLogsAllFromNodeMs, '');
  row(`what the popup reads: summary in chrome.storage (bytes)`, results.ledgerBytes, '(sales: IndexedDB, background only)');
  row(`Earnings view with ${MANY} sales: click → shown, median (ms)`, results.earningsViewWith10k.showMedianMs, '');
  row(`Earnings view with ${MANY} sales: longest task (ms)`, results.earningsViewWith10k.longestTaskMs, 'long task: > 50');
  row(`  the same with no sales: click → shown, median (ms)`, results.earningsViewEmpty.showMedianMs, '');
  row(`  the same with no sales: longest task (ms)`, results.earningsViewEmpty.longestTaskMs, '');
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
  await fx.stop();
}
