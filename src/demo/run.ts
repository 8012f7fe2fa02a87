// The whole Consentry loop, headless, on one machine: a local chain with the contracts, the offer registry, the
// built extension in Chromium on the x.com fixture pages, a licensor who opts three posts in from the page, a
// buyer who buys two of them with the CLI, and the popup's Earnings tab showing what was paid.
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { createPublicClient, createTestClient, createWalletClient, erc20Abi, http, parseEther, parseUnits, type Address } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { runCli } from '../buyer/cli';
import { startAnvil } from '../chain/anvil';
import { deployLocalStack } from '../chain/deploy';
import { abi as stablecoinAbi } from '../chain/generated/TestStablecoin';
import { formatTokenAmount } from '../core/earnings/format';
import { openPglite } from '../registry/db/pglite';
import { createRegistry } from '../registry/server';
import { createWalletInPopup, launchBrowser, type ExtensionBrowser } from './browser';

/** anvil's well-known account #1 (mnemonic "test test … junk"): the demo's buyer. Never use it anywhere else. */
export const BUYER_KEY = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
const PASSWORD = 'correct horse battery';
const PRICE = '0.05';
const SYMBOL = 'USDC';
const DECIMALS = 6;
/** The fixture's own posts (the signed-in user consentry_ana on x.com/home) that the demo opts in. */
export const OWN_POSTS = ['2031000000000000001', '2031000000000000004', '2031000000000000005'];
const BUY = 2;

export interface RunDemoOptions {
  /** Screenshots go here; created when missing. Default demo-output/ in the repository. */
  outDir?: string;
  /** Progress lines; default console.log. */
  log?: (line: string) => void;
  /** The repository (dist/ and test/fixtures/ are read from it); found from this file when absent. */
  root?: string;
}

export interface RunDemoResult {
  /** What the buyer's token balance went down by, in the token's smallest unit. */
  paid: bigint;
  /** The total the popup's Earnings tab shows after 'Sync now', e.g. "0.10 USDC". */
  shown: string;
  /** The shown total is the paid amount as the popup formats it, and the licensor holds exactly that on chain. */
  ok: boolean;
  screenshots: string[];
  /** Everything else worth printing. */
  details: {
    rpcUrl: string;
    registryUrl: string;
    exchange: Address;
    token: Address;
    licensor: Address;
    buyer: Address;
    offersPublished: number;
    expectedShown: string;
    licensorBalance: bigint;
    buyerOutput: string[];
    problems: string[];
  };
}

/** The repository root: the nearest folder up from here with a package.json (works from src/demo and dist-tools). */
export function findRoot(from = import.meta.dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function popupTab(browser: ExtensionBrowser, name: string): Promise<Page> {
  const popup = await browser.openPopup();
  await popup.setViewportSize({ width: 420, height: 720 });
  await popup.getByRole('tab', { name }).click();
  return popup;
}

export async function runDemo(options: RunDemoOptions = {}): Promise<RunDemoResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const root = options.root ?? findRoot();
  const outDir = resolve(root, options.outDir ?? 'demo-output');
  mkdirSync(outDir, { recursive: true });
  const screenshots: string[] = [];
  const problems: string[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];

  try {
    // 1. The chain: anvil on a free port, the exchange and a test stablecoin deployed, the buyer funded.
    const anvil = await startAnvil({ port: 0, chainId: 31337 });
    cleanups.push(() => anvil.stop());
    const transport = http(anvil.rpcUrl);
    const publicClient = createPublicClient({ chain: foundry, transport });
    const testClient = createTestClient({ chain: foundry, mode: 'anvil', transport });
    const deployerKey = generatePrivateKey();
    const deployer = privateKeyToAccount(deployerKey);
    await testClient.setBalance({ address: deployer.address, value: parseEther('100') });
    const stack = await deployLocalStack({ rpcUrl: anvil.rpcUrl, deployerKey });
    const buyer = privateKeyToAccount(BUYER_KEY);
    const minter = createWalletClient({ account: deployer, chain: foundry, transport });
    const mintHash = await minter.writeContract({ address: stack.stablecoin, abi: stablecoinAbi, functionName: 'mint', args: [buyer.address, parseUnits('1000', DECIMALS)] });
    await publicClient.waitForTransactionReceipt({ hash: mintHash });
    const balanceOf = (owner: Address) => publicClient.readContract({ address: stack.stablecoin, abi: erc20Abi, functionName: 'balanceOf', args: [owner] });
    log(`chain     ${anvil.rpcUrl}: exchange ${stack.exchange}, ${SYMBOL} ${stack.stablecoin}; buyer ${buyer.address} holds 1000 ${SYMBOL}`);

    // 2. The offer registry over an in-memory PGlite, bound to that exchange.
    const db = await openPglite();
    cleanups.push(() => db.close());
    const registry = await createRegistry({ db, config: { port: 0, host: '127.0.0.1', chainId: 31337n, exchangeAddress: stack.exchange, verifyThreads: 0 } });
    cleanups.push(() => registry.close());
    log(`registry  ${registry.url}`);

    // 3. Chromium with the built extension.
    const browser = await launchBrowser(root);
    cleanups.push(() => browser.close());
    log(`browser   extension ${browser.extensionId} loaded (headless)`);

    // 4. The licensor sets up in the popup: a new wallet, the network in Settings, terms for X.
    const w = await popupTab(browser, 'Wallet');
    const licensor = await createWalletInPopup(w, PASSWORD);
    await w.close();
    log(`licensor  wallet ${licensor} created in the popup`);

    const set = await popupTab(browser, 'Settings');
    await set.getByRole('combobox', { name: 'Network' }).selectOption('anvil');
    await set.getByRole('textbox', { name: 'RPC URL' }).fill(anvil.rpcUrl);
    await set.getByRole('textbox', { name: 'Registry URL' }).fill(registry.url);
    await set.getByRole('textbox', { name: 'Exchange contract address' }).fill(stack.exchange);
    await set.getByRole('textbox', { name: 'Token address' }).fill(stack.stablecoin);
    await set.getByRole('textbox', { name: 'Token symbol' }).fill(SYMBOL);
    await set.getByRole('textbox', { name: 'Token decimals' }).fill(String(DECIMALS));
    await set.getByRole('button', { name: 'Save network settings' }).click();
    await set.getByText('Saved.').waitFor();
    await set.close();

    const t = await popupTab(browser, 'Terms');
    await t.getByRole('textbox', { name: 'Price per post' }).fill(PRICE);
    await t.getByRole('button', { name: 'Save terms' }).click();
    await t.getByText(/^Saved\./).waitFor();
    await t.close();
    log(`licensor  settings saved; X terms at ${PRICE} ${SYMBOL} per post`);

    // 5. On x.com/home, the licensor opts three of their own posts in with the License button.
    const page = await browser.context.newPage();
    await page.goto('https://x.com/home');
    for (const id of OWN_POSTS) {
      const control = page.locator(`[data-consentry-control="${id}"]`);
      await control.getByRole('button', { name: /License/ }).click();
      await control.getByRole('button', { name: /License/, pressed: true }).first().waitFor({ timeout: 15_000 });
    }
    log(`licensor  opted in ${OWN_POSTS.length} posts on https://x.com/home`);

    const offers = await until('the 3 offers in the registry', async () => {
      const res = await fetch(`${registry.url}/v1/offers?platform=x&limit=500`);
      const { offers } = (await res.json()) as { offers: { postId: string; offerId: string; licensor?: string }[] };
      const mine = offers.filter((o) => OWN_POSTS.includes(o.postId));
      return mine.length >= OWN_POSTS.length && mine;
    });
    log(`registry  serves ${offers.length} offers: ${offers.map((o) => o.postId).join(', ')}`);
    await page.bringToFront();
    screenshots.push(join(outDir, 'x-home-controls.png'));
    await page.screenshot({ path: screenshots.at(-1)! });

    const posts = await popupTab(browser, 'Posts');
    await posts.getByText('Published').first().waitFor({ timeout: 15_000 }).catch(() => problems.push('the Posts tab did not show "Published"'));
    screenshots.push(join(outDir, 'popup-posts.png'));
    await posts.screenshot({ path: screenshots.at(-1)!, fullPage: true });
    await posts.close();

    // 6. The buyer buys two of them with the CLI.
    const buyerBefore = await balanceOf(buyer.address);
    const licensorBefore = await balanceOf(licensor);
    const stateDir = await mkdtemp(join(tmpdir(), 'consentry-demo-buyer-'));
    cleanups.push(() => rm(stateDir, { recursive: true, force: true }));
    const buyerOutput: string[] = [];
    const io = { out: (l: string) => buyerOutput.push(l), err: (l: string) => buyerOutput.push(l), env: {} };
    const code = await runCli(
      ['buy', '--yes', '--registry', registry.url, '--rpc', anvil.rpcUrl, '--exchange', stack.exchange, '--key', BUYER_KEY, '--state', join(stateDir, 'state.json'), '--licensor', licensor, '--max', String(BUY)],
      io,
    );
    for (const l of buyerOutput) log(`buyer     ${l}`);
    if (code !== 0) throw new Error(`the buyer CLI exited with ${code}:\n${buyerOutput.join('\n')}`);
    const paid = buyerBefore - (await balanceOf(buyer.address));
    const licensorBalance = await balanceOf(licensor);
    if (licensorBalance - licensorBefore !== paid) problems.push(`the licensor received ${licensorBalance - licensorBefore}, the buyer paid ${paid}`);
    log(`buyer     paid ${formatTokenAmount(paid, DECIMALS)} ${SYMBOL}; licensor holds ${formatTokenAmount(licensorBalance, DECIMALS)} ${SYMBOL} on chain`);

    // 7. The licensor's popup: Earnings tab, Sync now, the total.
    const expectedShown = `${formatTokenAmount(paid, DECIMALS)} ${SYMBOL}`;
    const e = await popupTab(browser, 'Earnings');
    await e.getByRole('heading', { name: 'Earnings' }).waitFor();
    await e.getByRole('button', { name: 'Sync now' }).click();
    const total = e.getByTestId('earnings-total');
    await total.filter({ hasText: expectedShown }).waitFor({ timeout: 20_000 }).catch(() => problems.push(`the Earnings tab did not show ${expectedShown}`));
    const shown = ((await total.textContent()) ?? '').trim();
    screenshots.push(join(outDir, 'popup-earnings.png'));
    await e.screenshot({ path: screenshots.at(-1)!, fullPage: true });
    await e.close();
    log(`popup     Earnings tab shows ${shown}`);

    if (shown !== expectedShown) problems.push(`shown "${shown}" ≠ paid "${expectedShown}"`);
    if (licensorBalance !== paid) problems.push(`licensor balance ${licensorBalance} ≠ paid ${paid}`);
    if (paid === 0n) problems.push('nothing was paid');
    return {
      paid,
      shown,
      ok: problems.length === 0,
      screenshots,
      details: {
        rpcUrl: anvil.rpcUrl,
        registryUrl: registry.url,
        exchange: stack.exchange,
        token: stack.stablecoin,
        licensor,
        buyer: buyer.address,
        offersPublished: offers.length,
        expectedShown,
        licensorBalance,
        buyerOutput,
        problems,
      },
    };
  } finally {
    for (const stop of cleanups.reverse()) await stop().catch((err: unknown) => log(`cleanup: ${(err as Error).message}`));
  }
}
