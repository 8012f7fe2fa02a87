import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverBatchSigner } from '../../src/core/offer/eip712';
import { contentHash } from '../../src/core/content-hash';
import { leafFromJson, offerId } from '../../src/core/offer/leaf';
import { verifyProof } from '../../src/core/offer/merkle';
import type { Db } from '../../src/registry/db/db';
import { openPglite } from '../../src/registry/db/pglite';
import { createRegistry, type CreateRegistryReturnType } from '../../src/registry/server';
import { createWalletInPopup } from '../../src/demo/browser';
import { clickControl, launch, waitForPressed, type Session } from './harness';

// Issue "wallet, terms, signed offers": the built extension, a real registry (PGlite), the x.com fixture.
const PASSWORD = 'correct horse battery';
const own = (n: string) => `2031${n.padStart(15, '0')}`;

let s: Session;
let db: Db;
let registry: CreateRegistryReturnType;
let port = 0;
let page: Page;
let address = '';

async function startRegistry() {
  registry = await createRegistry({ db, config: { port, host: '127.0.0.1', verifyThreads: 0 } });
  port = new URL(registry.url).port as unknown as number;
}

async function offersFor(postId: string) {
  const res = await fetch(`${registry.url}/v1/offers?platform=x&limit=500`);
  const { offers } = (await res.json()) as { offers: { postId: string; offerId: string }[] };
  return offers.filter((o) => o.postId === postId);
}

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function popupTab(name: string): Promise<Page> {
  const popup = await s.openPopup();
  await popup.getByRole('tab', { name }).click();
  return popup;
}

beforeAll(async () => {
  db = await openPglite();
  await startRegistry();
  s = await launch();
});
afterAll(async () => {
  await s?.close();
  await registry?.close();
  await db?.close();
});

describe('publishing signed offers', () => {
  it('sets up: a wallet created in the popup, the registry in settings, X terms at 0.05 USDC', async () => {
    const w = await popupTab('Wallet');
    address = await createWalletInPopup(w, PASSWORD);
    await w.close();

    const set = await popupTab('Settings');
    await set.getByRole('textbox', { name: 'Registry URL' }).fill(registry.url);
    await set.getByRole('button', { name: 'Save network settings' }).click();
    await set.getByText('Saved.').waitFor();
    await set.close();

    const t = await popupTab('Terms');
    await t.getByRole('textbox', { name: 'Price per post' }).fill('0.05');
    await t.getByRole('button', { name: 'Save terms' }).click();
    await t.getByText(/^Saved\./).waitFor();
    await t.close();
  });

  it('opting a post in publishes a verifiable offer on those terms', async () => {
    page = await s.context.newPage();
    await page.goto('https://x.com/home');
    await clickControl(page, own('1'));
    await waitForPressed(page, own('1'), true);
    const [listed] = await until('the offer in the registry', async () => (await offersFor(own('1'))).length === 1 && offersFor(own('1')));
    const res = await fetch(`${registry.url}/v1/offers/${listed!.offerId}`);
    expect(res.status).toBe(200);
    const one = (await res.json()) as {
      offer: unknown; offerId: `0x${string}`; proof: `0x${string}`[]; batch: Record<string, string>; signature: `0x${string}`;
      domain: { chainId: string; verifyingContract: `0x${string}` }; content: { text: string; media: string[] } | null;
    };
    const leaf = leafFromJson(one.offer);
    if (!leaf.ok) throw new Error(leaf.error);
    expect(offerId(leaf.value)).toBe(one.offerId);
    expect(leaf.value.price).toBe(50_000n); // 0.05 of a 6-decimals token
    expect(leaf.value.url).toBe(`https://x.com/consentry_ana/status/${own('1')}`);
    expect(leaf.value.licensor.toLowerCase()).toBe(address.toLowerCase());
    // The post's text travels with the offer, and hashes to the signed contentHash: what a buyer trains on.
    expect(one.content?.text.length).toBeGreaterThan(10);
    expect(await contentHash(one.content!.text, one.content!.media)).toBe(leaf.value.contentHash);
    expect(verifyProof(one.batch.root as `0x${string}`, one.offerId, one.proof)).toBe(true);
    const batch = { licensor: one.batch.licensor as `0x${string}`, root: one.batch.root as `0x${string}`, count: BigInt(one.batch.count!), counter: BigInt(one.batch.counter!), issuedAt: BigInt(one.batch.issuedAt!) };
    const signer = await recoverBatchSigner({ chainId: BigInt(one.domain.chainId), verifyingContract: one.domain.verifyingContract }, batch, one.signature);
    expect(signer.toLowerCase()).toBe(address.toLowerCase());

    const popup = await popupTab('Posts');
    await popup.getByText('Published').first().waitFor();
    await popup.close();
  });

  it('with the registry down, two opt-ins wait and say why; back up, both arrive exactly once', async () => {
    await registry.close();
    await clickControl(page, own('4'));
    await clickControl(page, own('5'));
    await waitForPressed(page, own('5'), true);
    const popup = await popupTab('Posts');
    await popup.getByText(/waiting to publish — The registry is (unreachable|not accepting)/).waitFor({ timeout: 20_000 });
    await startRegistry();
    await popup.getByRole('button', { name: 'Retry now' }).click();
    await until('both offers', async () => (await offersFor(own('4'))).length === 1 && (await offersFor(own('5'))).length === 1);
    await popup.getByText(/waiting to publish/).waitFor({ state: 'detached', timeout: 20_000 });
    await new Promise((r) => setTimeout(r, 2000)); // any duplicate would arrive now
    expect((await offersFor(own('4'))).length).toBe(1);
    expect((await offersFor(own('5'))).length).toBe(1);
    await popup.close();
  });

  it('opting out withdraws the offer: the registry stops serving it', async () => {
    const [before] = await offersFor(own('1'));
    await clickControl(page, own('1'));
    await waitForPressed(page, own('1'), false);
    await until('the offer gone', async () => (await offersFor(own('1'))).length === 0);
    const res = await fetch(`${registry.url}/v1/offers/${before!.offerId}`);
    expect(res.status).toBe(410);
  });

  it('a worker stopped mid-flush loses nothing and sends nothing twice', async () => {
    // A proxy in front of the registry holds the publish request while the worker is stopped.
    let held = 0;
    const proxy: Server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      if (req.method === 'POST') {
        held++;
        if (held === 1) await new Promise((r) => setTimeout(r, 3000)); // the first try hangs past the worker's end
      }
      const upstream = await fetch(`${registry.url}${req.url}`, { method: req.method, headers: { 'content-type': 'application/json' }, body: req.method === 'POST' ? Buffer.concat(chunks) : undefined }).catch(() => null);
      if (!upstream) return void res.writeHead(502).end();
      res.writeHead(upstream.status, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type', 'access-control-allow-methods': 'GET, POST, OPTIONS' });
      res.end(await upstream.text());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const set = await popupTab('Settings');
    await set.getByRole('textbox', { name: 'Registry URL' }).fill(proxyUrl);
    await set.getByRole('button', { name: 'Save network settings' }).click();
    await set.getByText('Saved.').waitFor();
    await set.close();

    await clickControl(page, own('7'));
    await waitForPressed(page, own('7'), true);
    await until('the request reaching the registry', async () => held >= 1);
    await s.stopWorker(); // mid-flush: the batch is signed and stored, its request unanswered
    const popup = await popupTab('Posts'); // wakes a new worker
    await popup.getByRole('button', { name: 'Retry now' }).click();
    await until('the offer', async () => (await offersFor(own('7'))).length === 1);
    await new Promise((r) => setTimeout(r, 3500));
    expect((await offersFor(own('7'))).length).toBe(1);
    await popup.close();
    await new Promise((r) => proxy.close(() => r(undefined)));
  });
});
