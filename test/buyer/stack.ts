// A local chain, the deployed stack, and a registry over PGlite bound to it: what the buyer CLI talks to.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublicClient, createTestClient, createWalletClient, erc20Abi, http, parseEther, type Address, type Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { startAnvil } from '../../src/chain/anvil';
import { deployLocalStack } from '../../src/chain/deploy';
import { abi as stablecoinAbi } from '../../src/chain/generated/TestStablecoin';
import { contentHash } from '../../src/core/content-hash';
import { makeBatch } from '../../src/core/offer/batch';
import { signOfferBatch, signRevocation } from '../../src/core/offer/eip712';
import { leafToJson } from '../../src/core/offer/leaf';
import type { OfferDomain, OfferLeaf } from '../../src/core/offer/types';
import { defaultTerms, type Terms } from '../../src/core/terms/terms';
import { termsHash } from '../../src/core/terms/terms-hash';
import type { CliIo } from '../../src/buyer/io';
import { openPglite } from '../../src/registry/db/pglite';
import { createRegistry } from '../../src/registry/server';
import { termsToJson } from '../../src/registry/terms-json';

let postId = 1_800_000_000_000_000_000n;

/** Start everything; `stop()` in afterAll. */
export async function startStack() {
  const anvil = await startAnvil();
  const transport = http(anvil.rpcUrl);
  const publicClient = createPublicClient({ chain: foundry, transport });
  const testClient = createTestClient({ chain: foundry, mode: 'anvil', transport });
  const deployerKey = generatePrivateKey();
  await testClient.setBalance({ address: privateKeyToAccount(deployerKey).address, value: parseEther('100') });
  const stack = await deployLocalStack({ rpcUrl: anvil.rpcUrl, deployerKey });
  const domain: OfferDomain = { chainId: 31337n, verifyingContract: stack.exchange };
  const db = await openPglite();
  const registry = await createRegistry({ db, config: { port: 0, chainId: 31337n, exchangeAddress: stack.exchange, verifyThreads: 0 } });
  const terms: Terms = defaultTerms({ token: stack.stablecoin, chainId: 31337n, decimals: 6, symbol: 'USDC' });

  async function newAccount(): Promise<PrivateKeyAccount> {
    const account = privateKeyToAccount(generatePrivateKey());
    await testClient.setBalance({ address: account.address, value: parseEther('100') });
    return account;
  }

  /**
   * Sign `n` offers of `licensor` as one batch and publish them, each with its post text (`Post <id>: …`) unless
   * `withText` is false; returns their offer ids.
   */
  async function publish(licensor: PrivateKeyAccount, n: number, { withText = true } = {}): Promise<Hex[]> {
    const now = BigInt(Math.floor(Date.now() / 1000));
    const contents: { text: string; media: string[] }[] = [];
    const leaves: OfferLeaf[] = [];
    for (let i = 0; i < n; i++) {
      const id = String(postId++);
      const content = { text: `Post ${id}: tomatoes ripen faster next to bananas 🍌`, media: i % 2 ? [`https://pbs.twimg.com/media/${id}.jpg`] : [] };
      contents.push(content);
      leaves.push({
        licensor: licensor.address, platform: 'x', postId: id, url: `https://x.com/someone/status/${id}`,
        contentHash: await contentHash(content.text, content.media), termsHash: termsHash(terms), price: terms.price.amount,
        token: stack.stablecoin, chainId: 31337n, validUntil: now + 86_400n * 30n, licenseDuration: 0n, salt: generatePrivateKey(),
      });
    }
    const { batch, offerIds } = makeBatch({ leaves, licensor: licensor.address, counter: 0n, issuedAt: now });
    const signature = await signOfferBatch(licensor, domain, batch);
    const body = {
      domain: { chainId: '31337', verifyingContract: stack.exchange },
      batch: { licensor: batch.licensor, root: batch.root, count: String(batch.count), counter: '0', issuedAt: String(batch.issuedAt) },
      signature,
      leaves: leaves.map(leafToJson),
      terms: { [termsHash(terms)]: termsToJson(terms) },
      ...(withText ? { contents } : {}),
    };
    const res = await fetch(`${registry.url}/v1/batches`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`publish: ${res.status} ${await res.text()}`);
    return offerIds;
  }

  /** Revoke through the registry, signed by the licensor. */
  async function revoke(licensor: PrivateKeyAccount, offerIds: Hex[]): Promise<Response> {
    const revocation = { licensor: licensor.address, offerIds, issuedAt: BigInt(Math.floor(Date.now() / 1000)) };
    const signature = await signRevocation(licensor, domain, revocation);
    const body = { domain: { chainId: '31337', verifyingContract: stack.exchange }, revocation: { ...revocation, issuedAt: String(revocation.issuedAt) }, signature };
    return fetch(`${registry.url}/v1/revocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }

  /** Mint test tokens to `to` and give it ETH for gas. */
  async function mint(to: Address, amount: bigint): Promise<void> {
    await testClient.setBalance({ address: to, value: parseEther('10') });
    const minter = createWalletClient({ account: privateKeyToAccount(deployerKey), chain: foundry, transport });
    const hash = await minter.writeContract({ address: stack.stablecoin, abi: stablecoinAbi, functionName: 'mint', args: [to, amount] });
    await publicClient.waitForTransactionReceipt({ hash });
  }

  const balanceOf = (owner: Address) => publicClient.readContract({ address: stack.stablecoin, abi: erc20Abi, functionName: 'balanceOf', args: [owner] });

  return {
    ...stack,
    rpcUrl: anvil.rpcUrl,
    registryUrl: registry.url,
    publicClient,
    terms,
    newAccount,
    publish,
    revoke,
    mint,
    balanceOf,
    async stop() {
      await registry.close();
      await db.close();
      await anvil.stop();
    },
  };
}

/** A fresh temp directory for a state file and exports. */
export const tempDir = () => mkdtemp(join(tmpdir(), 'consentry-buyer-'));

/** An io that keeps what the CLI printed. */
export function captureIo(over: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (t) => err.push(t), env: {}, ...over };
  return { io, out, err };
}
