import { encodeAbiParameters, getAddress, HttpRequestError, InvalidInputRpcError, pad, RpcRequestError, TimeoutError, toHex, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import type { EarningsPublicClient } from './client';
import { isRangeRefusal, readRange } from './read-range';

const EXCHANGE = '0x00000000000000000000000000000000000000e1';
const LICENSOR = '0x00000000000000000000000000000000000000a1';
const BUYER = '0xB0B00000000000000000000000000000000000b1';
const TOKEN = '0x00000000000000000000000000000000000000c1';
const hex = (n: bigint, width = 64) => `0x${n.toString(16).padStart(width, '0')}` as Hex;

/** A node with one sale every 100 blocks that refuses getLogs over more than `limit` blocks, like many public RPCs. */
function fakeNode({ limit, timestamps = false, fail }: { limit: bigint; timestamps?: boolean; fail?: () => Error }) {
  const calls = { getLogs: [] as [bigint, bigint][], getBlock: [] as bigint[] };
  const client = {
    async request({ method, params }: { method: string; params: [{ fromBlock: Hex; toBlock: Hex; topics: (Hex | null)[] }] }) {
      expect(method).toBe('eth_getLogs');
      const [{ topics }] = params;
      expect(topics[2]).toBe(pad(LICENSOR));
      const fromBlock = BigInt(params[0].fromBlock);
      const toBlock = BigInt(params[0].toBlock);
      calls.getLogs.push([fromBlock, toBlock]);
      if (fail) throw fail();
      if (toBlock - fromBlock + 1n > limit) {
        const cause = new RpcRequestError({ body: {}, url: 'http://rpc', error: { code: -32005, message: `block range exceeds ${limit}` } });
        throw new InvalidInputRpcError(cause);
      }
      const out = [];
      for (let b = fromBlock; b <= toBlock; b++) {
        if (b % 100n !== 50n) continue;
        out.push({
          topics: [topics[0], hex(b), pad(LICENSOR), pad(BUYER)],
          data: encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }, { type: 'uint64' }], [TOKEN, 10n, 0n]),
          blockNumber: toHex(b),
          blockHash: hex(b + 1_000_000n),
          transactionHash: hex(b + 2_000_000n),
          logIndex: '0x0',
          ...(timestamps ? { blockTimestamp: toHex(1_700_000_000n + b) } : {}),
        });
      }
      // Not a sale: another event's topic, and a log a reorg removed.
      if (fromBlock === 0n) out.push({ ...out[0]!, topics: [hex(1n), hex(1n), pad(LICENSOR), pad(BUYER)] }, { ...out[0]!, removed: true });
      return out;
    },
    async getBlock({ blockNumber }: { blockNumber: bigint }) {
      calls.getBlock.push(blockNumber);
      return { hash: hex(blockNumber + 1_000_000n), timestamp: 1_700_000_000n + blockNumber };
    },
  };
  return { client: client as unknown as EarningsPublicClient, calls };
}

describe('readRange', () => {
  it('reads a range the RPC refuses in halves, every sale once, and says how wide a range it answered', async () => {
    const { client, calls } = fakeNode({ limit: 1_000n });
    const r = await readRange(client, { exchange: EXCHANGE, licensor: LICENSOR, from: 0n, to: 9_999n, cache: new Map() });
    expect(r.logs.map((l) => l.blockNumber)).toEqual(Array.from({ length: 100 }, (_, i) => i * 100 + 50));
    expect(r.logs[0]).toEqual({ offerId: hex(50n), buyer: getAddress(BUYER), token: getAddress(TOKEN), amount: 10n, blockNumber: 50, blockHash: hex(1_000_050n), txHash: hex(2_000_050n), logIndex: 0, timestamp: 1_700_000_050 });
    expect(r.widest).toBeLessThanOrEqual(1_000n);
    expect(r.widest).toBeGreaterThan(500n);
    expect(r.end).toEqual({ number: 9_999, hash: hex(9_999n + 1_000_000n) });
    // Halving: no block asked for twice once answered.
    const answered = calls.getLogs.filter(([f, t]) => t - f + 1n <= 1_000n);
    expect(answered.reduce((n, [f, t]) => n + (t - f + 1n), 0n)).toBe(10_000n);
  });

  it('takes block times from the logs when the node includes them, fetching only the range end', async () => {
    const { client, calls } = fakeNode({ limit: 100_000n, timestamps: true });
    const r = await readRange(client, { exchange: EXCHANGE, licensor: LICENSOR, from: 0n, to: 999n, cache: new Map() });
    expect(r.logs).toHaveLength(10);
    expect(r.widest).toBe(1_000n);
    expect(calls.getBlock).toEqual([999n]);
  });

  it('does not split when the RPC cannot be reached: one failure, passed on', async () => {
    const { client, calls } = fakeNode({ limit: 10n, fail: () => new HttpRequestError({ url: 'http://127.0.0.1:9', details: 'fetch failed' }) });
    await expect(readRange(client, { exchange: EXCHANGE, licensor: LICENSOR, from: 0n, to: 9_999n, cache: new Map() })).rejects.toThrow(/HTTP request failed/);
    expect(calls.getLogs).toHaveLength(1);
  });
});

describe('isRangeRefusal', () => {
  it('is a JSON-RPC error or an HTTP error status, not a lost connection or a timeout', () => {
    expect(isRangeRefusal(new InvalidInputRpcError(new RpcRequestError({ body: {}, url: 'u', error: { code: -32602, message: 'too many results' } })))).toBe(true);
    expect(isRangeRefusal(new HttpRequestError({ url: 'u', status: 413 }))).toBe(true);
    expect(isRangeRefusal(new HttpRequestError({ url: 'u', status: 429 }))).toBe(false);
    expect(isRangeRefusal(new HttpRequestError({ url: 'u' }))).toBe(false);
    expect(isRangeRefusal(new TimeoutError({ body: {}, url: 'u' }))).toBe(false);
    expect(isRangeRefusal(new Error('x'))).toBe(false);
  });
});
