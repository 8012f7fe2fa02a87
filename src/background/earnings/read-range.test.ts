import { HttpRequestError, InvalidInputRpcError, RpcRequestError, TimeoutError, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import type { EarningsPublicClient } from './client';
import { isRangeRefusal, readRange } from './read-range';

const EXCHANGE = '0x00000000000000000000000000000000000000e1';
const LICENSOR = '0x00000000000000000000000000000000000000a1';
const hex = (n: bigint, width = 64) => `0x${n.toString(16).padStart(width, '0')}` as Hex;

/** A node with one sale every 100 blocks that refuses getLogs over more than `limit` blocks, like many public RPCs. */
function fakeNode({ limit, timestamps = false, fail }: { limit: bigint; timestamps?: boolean; fail?: () => Error }) {
  const calls = { getLogs: [] as [bigint, bigint][], getBlock: [] as bigint[] };
  const client = {
    async getLogs({ fromBlock, toBlock }: { fromBlock: bigint; toBlock: bigint }) {
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
          args: { offerId: hex(b), licensor: LICENSOR, buyer: '0x00000000000000000000000000000000000000b1', token: '0x00000000000000000000000000000000000000c1', amount: 10n },
          blockNumber: b,
          blockHash: hex(b + 1_000_000n),
          transactionHash: hex(b + 2_000_000n),
          logIndex: 0,
          blockTimestamp: timestamps ? 1_700_000_000n + b : undefined,
        });
      }
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
    expect(r.logs[0]).toMatchObject({ timestamp: 1_700_000_050, amount: 10n, logIndex: 0 });
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
