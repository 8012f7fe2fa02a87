// A registry linked to a real anvil chain (its relayer and sales watcher on), and what its tests do with it:
// publish as a licensor, revoke through the registry, buy on chain the way the buyer CLI does.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseEther, type Hash, type Hex, type TransactionReceipt } from 'viem';
import { generatePrivateKey, privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { afterAll, beforeAll, expect } from 'vitest';
import { checkOffer, type CheckedPurchase } from '../../src/buyer/check-offer';
import type { OfferDetail } from '../../src/buyer/registry-client';
import { signRevocation } from '../../src/core/offer/eip712';
import type { OfferDomain } from '../../src/core/offer/types';
import { defaultTerms, type Terms } from '../../src/core/terms/terms';
import type { RegistryConfig } from '../../src/registry/config';
import type { ChainLinkState } from '../../src/registry/chain/link';
import { setupChain, type Fixture } from '../chain/fixture';
import { useRegistry, type DbKind, type TestRegistry } from './harness';
import { leafFor, now, signedBatch } from './offers';

/** A JSON-RPC pass-through to anvil that a test can take down, or make lose the answer to a broadcast. */
export interface RpcProxy {
  url: string;
  /** 'down' resets every connection; 'lose-send' forwards the next eth_sendRawTransaction, drops its answer, then goes down. */
  mode: 'up' | 'down' | 'lose-send';
  /** eth_sendRawTransaction requests that reached anvil through the proxy. */
  sends: number;
  /** Refuse eth_getLogs over more blocks than this, as hosted providers do. */
  maxLogRange?: number;
  /** eth_getLogs requests refused for their range. */
  refusedLogRanges: number;
  close(): Promise<void>;
}

interface RpcCall {
  id: number;
  method: string;
  params?: { fromBlock?: Hex; toBlock?: Hex }[];
}

/** The answer, with each eth_getLogs over more than `maxLogRange` blocks turned into a provider's refusal. */
function capLogRanges(proxy: RpcProxy, request: string, response: string): string {
  if (proxy.maxLogRange === undefined || !request.includes('"eth_getLogs"')) return response;
  const calls = JSON.parse(request) as RpcCall | RpcCall[];
  const answers = JSON.parse(response) as { id: number }[] | { id: number };
  const tooWide = new Set(
    [calls].flat().filter((c) => {
      const p = c.method === 'eth_getLogs' ? c.params?.[0] : undefined;
      return p?.fromBlock && p.toBlock && Number(p.toBlock) - Number(p.fromBlock) + 1 > proxy.maxLogRange!;
    }).map((c) => c.id),
  );
  const refuse = (a: { id: number }) => {
    if (!tooWide.has(a.id)) return a;
    proxy.refusedLogRanges++;
    return { jsonrpc: '2.0', id: a.id, error: { code: -32600, message: `eth_getLogs is limited to a ${proxy.maxLogRange} block range` } };
  };
  return JSON.stringify(Array.isArray(answers) ? answers.map(refuse) : refuse(answers));
}

export async function startRpcProxy(target: string): Promise<RpcProxy> {
  const proxy = { mode: 'up', sends: 0, refusedLogRanges: 0 } as RpcProxy;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (proxy.mode === 'down') return void req.socket.destroy();
      const body = Buffer.concat(chunks).toString();
      const isSend = body.includes('"eth_sendRawTransaction"');
      fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
        .then(async (upstream) => {
          const text = await upstream.text();
          if (isSend) proxy.sends++;
          if (isSend && proxy.mode === 'lose-send') {
            proxy.mode = 'down';
            return void req.socket.destroy();
          }
          res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(capLogRanges(proxy, body, text));
        })
        .catch(() => req.socket.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return proxy;
}

export interface LinkedRegistry {
  t: TestRegistry;
  fx: Fixture;
  proxy: RpcProxy;
  relayer: PrivateKeyAccount;
  domain: OfferDomain;
  terms: Terms;
  /** Sign `n` offers of `licensor` as one batch and publish them; their ids. */
  publish(licensor: PrivateKeyAccount, n: number): Promise<Hex[]>;
  /** Revoke through the registry, signed by the licensor; the response. */
  revoke(licensor: PrivateKeyAccount, offerIds: Hex[]): Promise<Response>;
  /** The registry's record of an offer, checked the way the buyer CLI checks it before paying. */
  purchasable(offerId: Hex): Promise<CheckedPurchase>;
  /** Buy with `buyer` (funded and approved here) what `purchasable` returned. */
  buy(buyer: PrivateKeyAccount, p: CheckedPurchase): Promise<Hash>;
  /** `/health`'s chain link state. */
  health(): Promise<ChainLinkState>;
  revocationRow(revocationId: Hex): Promise<{ relayed_at: Date | null; relay_tx: Hex | null; relay_error: string | null }>;
}

/**
 * Before the suite: anvil with the stack deployed, an RPC proxy in front of it, and a registry over a fresh `kind`
 * database linked to the chain through the proxy (polling every 100 ms) with a funded relayer account of its own.
 */
export function useLinkedRegistry(kind: DbKind, over: Partial<RegistryConfig> = {}): LinkedRegistry {
  const config: Partial<RegistryConfig> = { verifyThreads: 0, chainPollMs: 100, ...over };
  const l = { config } as unknown as LinkedRegistry;
  beforeAll(async () => {
    l.fx = await setupChain();
    l.proxy = await startRpcProxy(l.fx.rpcUrl);
    const relayerKey = generatePrivateKey();
    l.relayer = privateKeyToAccount(relayerKey);
    await l.fx.testClient.setBalance({ address: l.relayer.address, value: parseEther('10') });
    l.domain = { chainId: l.fx.chainIdBig, verifyingContract: l.fx.exchange };
    l.terms = defaultTerms({ token: l.fx.stablecoin, chainId: l.fx.chainIdBig, decimals: 6, symbol: 'tUSD' });
    // Read by useRegistry's beforeAll, which runs after this one.
    Object.assign(config, { chainId: l.fx.chainIdBig, exchangeAddress: l.fx.exchange, chainRpcUrl: l.proxy.url, relayerKey });
  }, 60_000);
  l.t = useRegistry(kind, config);
  afterAll(async () => {
    await l.proxy?.close();
    await l.fx?.stop();
  });

  l.publish = async (licensor, n) => {
    const leaves = Array.from({ length: n }, () => leafFor(licensor.address, l.terms));
    const b = await signedBatch(licensor, leaves, [l.terms], l.domain);
    const res = await l.t.post('/v1/batches', b.body);
    expect(res.status, await res.clone().text()).toBe(201);
    return b.offerIds;
  };
  l.revoke = async (licensor, offerIds) => {
    const revocation = { licensor: licensor.address, offerIds, issuedAt: now() };
    const signature = await signRevocation(licensor, l.domain, revocation);
    return l.t.post('/v1/revocations', {
      domain: { chainId: l.domain.chainId.toString(), verifyingContract: l.domain.verifyingContract },
      revocation: { ...revocation, issuedAt: revocation.issuedAt.toString() },
      signature,
    });
  };
  l.purchasable = async (offerId) => {
    const res = await l.t.get(`/v1/offers/${offerId}`);
    expect(res.status).toBe(200);
    const checked = await checkOffer({ detail: (await res.json()) as OfferDetail, chainId: l.fx.chainId, exchange: l.fx.exchange, now: now() });
    if (!checked.ok) throw new Error(checked.error);
    return checked.value;
  };
  l.buy = async (buyer, p) => {
    await l.fx.fund(buyer, p.leaf.price);
    return l.fx.exchangeAs(buyer).write.purchase([p.leaf, p.proof, p.batch, p.signature]);
  };
  l.health = async () => ((await (await l.t.get('/health')).json()) as { chain: ChainLinkState }).chain;
  l.revocationRow = async (revocationId) =>
    (
      await l.t.db.query<{ relayed_at: Date | null; relay_tx: Hex | null; relay_error: string | null }>(
        'select relayed_at, relay_tx, relay_error from revocations where revocation_id = $1',
        [revocationId],
      )
    ).rows[0]!;
  return l;
}

/** Poll `read` until `done` holds (or fail after `timeoutMs`), returning the last value read. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still not there after ${timeoutMs} ms: ${JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Wait for a transaction and return its receipt, whatever its status. */
export const receiptOf = (fx: Fixture, hash: Hash): Promise<TransactionReceipt> => fx.publicClient.waitForTransactionReceipt({ hash });
