// The buyer CLI against a real chain and a real registry: search, buy, resume, revocation, export.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { erc20Abi, parseEventLogs, type Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/buyer/cli';
import { abi as exchangeAbi } from '../../src/chain/generated/LicenseExchange';
import { captureIo, startStack, tempDir } from './stack';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let s: Awaited<ReturnType<typeof startStack>>;
beforeAll(async () => {
  s = await startStack();
});
afterAll(async () => {
  await s?.stop();
});

const PRICE = 20_000n;

/** A licensor with `n` published offers, a funded buyer, and the flags that point the CLI at them. */
async function scenario(n: number, funds = 1_000_000n) {
  const licensor = await s.newAccount();
  const offerIds = await s.publish(licensor, n);
  const key = generatePrivateKey();
  const buyer = privateKeyToAccount(key);
  await s.mint(buyer.address, funds);
  const dir = await tempDir();
  const common = ['--registry', s.registryUrl, '--rpc', s.rpcUrl, '--exchange', s.exchange, '--key', key, '--state', join(dir, 'state.json')];
  const filters = ['--licensor', licensor.address];
  return { licensor, offerIds, buyer, dir, common, filters };
}

async function licensedIn(fromBlock: bigint, buyer: Hex) {
  const logs = await s.publicClient.getLogs({ address: s.exchange, fromBlock });
  return parseEventLogs({ abi: exchangeAbi, logs, eventName: 'Licensed' }).filter((e) => e.args.buyer === buyer);
}

describe('buyer CLI', () => {
  it('search lists the offers with their price in the token\'s units', async () => {
    const { offerIds, common, filters, licensor } = await scenario(5);
    const { io, out } = captureIo();
    expect(await runCli(['search', ...common, ...filters, '--use', 'ai-train', '--user', 'commercial', '--max-price', '0.05'], io)).toBe(0);
    expect(out).toHaveLength(5);
    for (const line of out) expect(line).toMatch(/^0x[0-9a-f]{4}…[0-9a-f]{4}  x  https:\/\/x\.com\/someone\/status\/\d+  0\.02 USDC  0x/);
    expect(out.map((l) => l.slice(0, 6)).sort()).toEqual(offerIds.map((id) => id.slice(0, 6)).sort());
    expect(out[0]).toContain(`${licensor.address.slice(0, 6)}…${licensor.address.slice(-4)}`);

    const cheap = captureIo();
    expect(await runCli(['search', ...common, ...filters, '--max-price', '0.01'], cheap.io)).toBe(0);
    expect(cheap.out).toHaveLength(0);
    const limited = captureIo();
    expect(await runCli(['search', ...common, ...filters, '--limit', '2'], limited.io)).toBe(0);
    expect(limited.out).toHaveLength(2);
  });

  it('buy pays the licensor exactly count × price, emits Licensed, and a second run buys nothing', async () => {
    const { licensor, offerIds, buyer, common, filters } = await scenario(7);
    const from = await s.publicClient.getBlockNumber();
    const { io, err } = captureIo();
    expect(await runCli(['buy', ...common, ...filters, '--batch-size', '3', '--yes'], io)).toBe(0);
    expect(await s.balanceOf(licensor.address)).toBe(7n * PRICE);
    expect(await s.balanceOf(buyer.address)).toBe(1_000_000n - 7n * PRICE);
    const licensed = await licensedIn(from, buyer.address);
    expect(licensed.map((e) => e.args.offerId).sort()).toEqual([...offerIds].sort());
    expect(err.filter((l) => /gas estimate/.test(l))).toHaveLength(3);
    expect(err.some((l) => l.includes('approve: letting the exchange') && l.includes('0.14 USDC'))).toBe(true);
    expect(err.at(-1)).toMatch(/\[#{20}\] 7\/7 offers/);

    const again = captureIo();
    const before = await s.publicClient.getBlockNumber();
    expect(await runCli(['buy', ...common, ...filters, '--yes'], again.io)).toBe(0);
    expect(again.out.join('\n')).toMatch(/nothing to buy \(7 already licensed/);
    expect(await s.publicClient.getBlockNumber()).toBe(before); // not even an approve
    expect(await s.balanceOf(licensor.address)).toBe(7n * PRICE);
  });

  it('an interrupted run resumes and buys every offer exactly once', async () => {
    const { licensor, offerIds, buyer, common, filters, dir } = await scenario(6);
    const from = await s.publicClient.getBlockNumber();
    const crash = captureIo({ hooks: { beforeSend: (i) => { if (i === 1) throw new Error('simulated crash'); } } });
    await expect(runCli(['buy', ...common, ...filters, '--batch-size', '2', '--yes'], crash.io)).rejects.toThrow('simulated crash');
    const state = JSON.parse(await readFile(join(dir, 'state.json'), 'utf8'));
    expect(state.batches).toHaveLength(1);
    expect(await s.balanceOf(licensor.address)).toBe(2n * PRICE);

    // Crash after the send of batch 2 (recorded as 'sent', receipt never awaited): the resume must read its receipt.
    const crash2 = captureIo({ hooks: { afterSend: (i) => { if (i === 0) throw new Error('crash after send'); } } });
    await expect(runCli(['buy', ...common, ...filters, '--batch-size', '2', '--yes'], crash2.io)).rejects.toThrow('crash after send');
    const sent = JSON.parse(await readFile(join(dir, 'state.json'), 'utf8'));
    expect(Object.values(sent.offers).filter((o) => (o as { status: string }).status === 'sent')).toHaveLength(2);

    const resume = captureIo();
    expect(await runCli(['buy', ...common, ...filters, '--batch-size', '2', '--yes'], resume.io)).toBe(0);
    expect(resume.err[0]).toMatch(/resuming: checking 2 offer/);
    expect(await s.balanceOf(licensor.address)).toBe(6n * PRICE);
    expect(await s.balanceOf(buyer.address)).toBe(1_000_000n - 6n * PRICE);
    const licensed = await licensedIn(from, buyer.address);
    expect(licensed.map((e) => e.args.offerId).sort()).toEqual([...offerIds].sort());
    const final = JSON.parse(await readFile(join(dir, 'state.json'), 'utf8'));
    expect(Object.values(final.offers).every((o) => (o as { status: string }).status === 'done')).toBe(true);
    expect(final.batches).toHaveLength(3);
  });

  it('skips an offer revoked at the registry and buys the rest', async () => {
    const { licensor, offerIds, common, filters } = await scenario(3);
    expect((await s.revoke(licensor, [offerIds[1]!])).status).toBe(201);
    const { io } = captureIo();
    expect(await runCli(['buy', ...common, ...filters, '--yes'], io)).toBe(0);
    expect(await s.balanceOf(licensor.address)).toBe(2n * PRICE);
  });

  it('refuses clearly when the balance is short, the registry is down, or the RPC is down', async () => {
    const { common, filters, buyer } = await scenario(3, 10_000n);
    const poor = captureIo();
    expect(await runCli(['buy', ...common, ...filters, '--yes'], poor.io)).toBe(1);
    expect(poor.err.join('\n')).toMatch(/insufficient balance: .* holds 0\.01 USDC .* needs 0\.06 USDC/);
    expect(await s.publicClient.readContract({ address: s.stablecoin, abi: erc20Abi, functionName: 'balanceOf', args: [buyer.address] })).toBe(10_000n);

    const noRegistry = captureIo();
    const at = (flag: string, url: string) => common.map((v, i) => (common[i - 1] === flag ? url : v));
    expect(await runCli(['search', ...at('--registry', 'http://127.0.0.1:9'), ...filters], noRegistry.io)).toBe(1);
    expect(noRegistry.err.join('\n')).toMatch(/cannot reach the registry at http:\/\/127\.0\.0\.1:9/);
    const noRpc = captureIo();
    expect(await runCli(['buy', ...at('--rpc', 'http://127.0.0.1:9'), ...filters], noRpc.io)).toBe(1);
    expect(noRpc.err.join('\n')).toMatch(/cannot reach the RPC at http:\/\/127\.0\.0\.1:9/);
  });

  it('export writes one parseable JSONL line per bought post and a dataset card with YAML front matter', async () => {
    const { licensor, offerIds, common, filters, dir } = await scenario(4);
    expect(await runCli(['buy', ...common, ...filters, '--yes'], captureIo().io)).toBe(0);
    const out = join(dir, 'dataset');
    const { io } = captureIo();
    expect(await runCli(['export', '--state', join(dir, 'state.json'), '--out', out], io)).toBe(0);
    const lines = (await readFile(join(out, 'data.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.offer_id).sort()).toEqual([...offerIds].sort());
    for (const l of lines) {
      const postId = /status\/(\d+)$/.exec(l.url)![1];
      expect(l).toMatchObject({ text: `Post ${postId}: tomatoes ripen faster next to bananas 🍌`, platform: 'x', author: 'someone', licensor: licensor.address, terms: { hash: expect.stringMatching(/^0x/) } });
      expect(l.media).toEqual(expect.any(Array));
      expect(l.tx_hash).toMatch(/^0x[0-9a-f]{64}$/);
      expect(l.url).toMatch(/^https:\/\/x\.com\//);
      expect(Date.parse(l.created)).toBeGreaterThan(0);
    }
    const card = await readFile(join(out, 'README.md'), 'utf8');
    const front = /^---\n([\s\S]*?)\n---\n/.exec(card)?.[1];
    expect(front).toContain('license: other');
    expect(front).toMatch(/license_name: .+/);
    expect(front).toMatch(/license_link: .+/);
    expect(front).toMatch(/pretty_name: .+/);
    expect(front).toMatch(/task_categories:\n {2}- text-generation/);
    expect(front).toMatch(/configs:\n {2}- config_name: default\n {4}data_files: data\.jsonl/);
    expect(card).toMatch(/Every line carries its post text and media URLs/);
    expect(card).toContain(`### Terms ${lines[0].terms.hash} (4 posts)`);
    expect(lines.filter((l) => l.media.length === 1)).toHaveLength(2);
  });

  it('export says which lines lack text when the licensor published no text', async () => {
    const licensor = await s.newAccount();
    const offerIds = await s.publish(licensor, 2, { withText: false });
    const key = generatePrivateKey();
    await s.mint(privateKeyToAccount(key).address, 1_000_000n);
    const dir = await tempDir();
    const common = ['--registry', s.registryUrl, '--rpc', s.rpcUrl, '--exchange', s.exchange, '--key', key, '--state', join(dir, 'state.json')];
    expect(await runCli(['buy', ...common, '--licensor', licensor.address, '--yes'], captureIo().io)).toBe(0);
    const out = join(dir, 'dataset');
    const { io, err } = captureIo();
    expect(await runCli(['export', '--state', join(dir, 'state.json'), '--out', out], io)).toBe(0);
    const lines = (await readFile(join(out, 'data.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.offer_id).sort()).toEqual([...offerIds].sort());
    expect(lines.every((l) => l.text === null && l.media === null)).toBe(true);
    expect(await readFile(join(out, 'README.md'), 'utf8')).toMatch(/2 of 2 lines have `text: null`/);
    expect(err.join('\n')).toMatch(/2 post\(s\) have no text/);
  });
});
