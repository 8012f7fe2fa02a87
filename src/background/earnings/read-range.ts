import { BaseError, getAddress, HttpRequestError, numberToHex, pad, RpcRequestError, toEventSelector, type Address, type Hex } from 'viem';
import { abi as exchangeAbi } from '../../chain/generated/LicenseExchange';
import type { LicensedLog, SyncedBlock } from '../../core/earnings/ledger';
import type { EarningsPublicClient } from './client';

const LICENSED = exchangeAbi.find((x) => x.type === 'event' && x.name === 'Licensed')!;
const LICENSED_TOPIC = toEventSelector(LICENSED);
/** Block headers fetched at once when logs come without their block time. */
const BLOCK_FETCHES = 8;

/** Block times by number, for one sync run: a block with many sales is fetched once. */
export type BlockCache = Map<bigint, { hash: string; timestamp: number }>;

export async function blockAt(client: EarningsPublicClient, n: bigint, cache: BlockCache) {
  let b = cache.get(n);
  if (!b) {
    const block = await client.getBlock({ blockNumber: n });
    b = { hash: block.hash, timestamp: Number(block.timestamp) };
    cache.set(n, b);
  }
  return b;
}

/**
 * Whether an RPC refused a getLogs in a way a smaller range may fix: an answer with a JSON-RPC error (providers
 * report "too many blocks/results" under several codes) or an HTTP 4xx/5xx. Not a refused connection or a
 * timeout: splitting would only repeat the failure many times.
 */
export function isRangeRefusal(e: unknown): boolean {
  if (!(e instanceof BaseError)) return false;
  if (e.walk((x) => x instanceof RpcRequestError)) return true;
  const http = e.walk((x) => x instanceof HttpRequestError) as HttpRequestError | null;
  return !!http?.status && http.status >= 400 && http.status !== 429;
}

/** A log as eth_getLogs returns it (hex quantities). */
interface RpcLog {
  topics: Hex[];
  data: Hex;
  blockNumber: Hex | null;
  blockHash: Hex | null;
  transactionHash: Hex | null;
  logIndex: Hex | null;
  blockTimestamp?: Hex | null;
  removed?: boolean;
}

/** A `Licensed` log, decoded. */
interface RawLog {
  offerId: Hex;
  buyer: Address;
  token: Address;
  amount: bigint;
  blockNumber: bigint;
  blockHash: Hex;
  transactionHash: Hex;
  logIndex: number;
  blockTimestamp: bigint | null;
}

/**
 * eth_getLogs with the event's topics, decoded by hand: `Licensed(bytes32 indexed offerId, address indexed
 * licensor, address indexed buyer, address token, uint256 amount, uint64 licenseExpiresAt)` is three topics
 * and three words. viem's generic decoder takes seconds for 10,000 logs; this, milliseconds. Anything not
 * shaped like that event (or removed by a reorg) is left out.
 */
async function getLogs(client: EarningsPublicClient, exchange: Address, licensor: Address, from: bigint, to: bigint): Promise<RawLog[]> {
  const raw = (await client.request({
    method: 'eth_getLogs',
    params: [{ address: exchange, topics: [LICENSED_TOPIC, null, pad(licensor.toLowerCase() as Hex)], fromBlock: numberToHex(from), toBlock: numberToHex(to) }],
  })) as RpcLog[];
  const checksummed = new Map<string, Address>();
  const address = (word: string) => {
    const hex = `0x${word.slice(-40)}`;
    let a = checksummed.get(hex);
    if (!a) checksummed.set(hex, (a = getAddress(hex)));
    return a;
  };
  const out: RawLog[] = [];
  for (const l of raw) {
    const [topic, offerId, , buyer] = l.topics;
    if (l.removed || topic?.toLowerCase() !== LICENSED_TOPIC || !offerId || !buyer || l.topics.length !== 4 || l.data.length !== 2 + 64 * 3) continue;
    if (!l.blockNumber || !l.blockHash || !l.transactionHash || !l.logIndex) continue; // pending
    out.push({
      offerId,
      buyer: address(buyer),
      token: address(l.data.slice(2, 66)),
      amount: BigInt(`0x${l.data.slice(66, 130)}`),
      blockNumber: BigInt(l.blockNumber),
      blockHash: l.blockHash,
      transactionHash: l.transactionHash,
      logIndex: Number(l.logIndex),
      blockTimestamp: l.blockTimestamp ? BigInt(l.blockTimestamp) : null,
    });
  }
  return out;
}

/**
 * The logs of [from, to], halving the range while the RPC refuses it. `widest` is the widest range that was
 * answered, so the caller can ask for that much next time instead of being refused again.
 */
async function logsSplitting(
  client: EarningsPublicClient,
  exchange: Address,
  licensor: Address,
  from: bigint,
  to: bigint,
): Promise<{ raw: RawLog[]; widest: bigint }> {
  try {
    return { raw: await getLogs(client, exchange, licensor, from, to), widest: to - from + 1n };
  } catch (e) {
    if (to <= from || !isRangeRefusal(e)) throw e;
    const mid = from + (to - from) / 2n;
    const a = await logsSplitting(client, exchange, licensor, from, mid);
    const b = await logsSplitting(client, exchange, licensor, mid + 1n, to);
    return { raw: a.raw.concat(b.raw), widest: a.widest > b.widest ? a.widest : b.widest };
  }
}

/**
 * The `Licensed` sales paid to `licensor` in [from, to], with block times, and the hash of `to`. A range the
 * RPC refuses is read in halves; `widest` says how wide a range it answered.
 */
export async function readRange(
  client: EarningsPublicClient,
  { exchange, licensor, from, to, cache }: { exchange: Address; licensor: Address; from: bigint; to: bigint; cache: BlockCache },
): Promise<{ logs: LicensedLog[]; end: SyncedBlock; widest: bigint }> {
  const { raw, widest } = await logsSplitting(client, exchange, licensor, from, to);
  // Newer nodes put the block time on each log; for the others, fetch each block once, a few at a time.
  for (const l of raw) if (l.blockTimestamp != null && !cache.has(l.blockNumber)) cache.set(l.blockNumber, { hash: l.blockHash, timestamp: Number(l.blockTimestamp) });
  const missing = [...new Set(raw.map((l) => l.blockNumber).concat(to))].filter((n) => !cache.has(n));
  for (let i = 0; i < missing.length; i += BLOCK_FETCHES) await Promise.all(missing.slice(i, i + BLOCK_FETCHES).map((n) => blockAt(client, n, cache)));
  const logs: LicensedLog[] = raw.map((l) => ({
    offerId: l.offerId,
    buyer: l.buyer,
    token: l.token,
    amount: l.amount,
    blockNumber: Number(l.blockNumber),
    blockHash: l.blockHash,
    txHash: l.transactionHash,
    logIndex: l.logIndex,
    timestamp: cache.get(l.blockNumber)!.timestamp,
  }));
  const end = await blockAt(client, to, cache);
  return { logs, end: { number: Number(to), hash: end.hash }, widest };
}
