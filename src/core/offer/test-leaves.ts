// Test-only: seeded random leaves, so a failing case can be replayed from the seed in its test name.
import { bytesToHex, getAddress, type Address, type Hex } from 'viem';
import type { OfferLeaf } from './types';

export type Rng = () => number;

/** mulberry32: small, seeded, good enough to pick test values. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (r: Rng, max: number) => Math.floor(r() * max);

export function randomBytes(r: Rng, n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => int(r, 256));
}

export const randomHex32 = (r: Rng): Hex => bytesToHex(randomBytes(r, 32));
export const randomAddress = (r: Rng): Address => getAddress(bytesToHex(randomBytes(r, 20)));
export const randomBigint = (r: Rng, bits: number): bigint => BigInt(bytesToHex(randomBytes(r, bits / 8)));

// ASCII, Latin, CJK, RTL, astral emoji and a ZWJ sequence: multi-byte UTF-8 and surrogate pairs.
const PIECES = ['a', 'Z', '0', '_', '-', '.', ' ', 'é', 'ß', '中', '文', 'ש', 'م', '😀', '👩‍💻', '🇺🇦', '\u0301'];

export function randomText(r: Rng, maxPieces: number): string {
  let s = '';
  const n = 1 + int(r, maxPieces);
  for (let i = 0; i < n; i++) s += PIECES[int(r, PIECES.length)];
  return s;
}

/** A valid leaf with random values; `over` pins fields. */
export function randomLeaf(r: Rng, over: Partial<OfferLeaf> = {}): OfferLeaf {
  const postId = randomText(r, 12);
  return {
    licensor: randomAddress(r),
    platform: ['x', 'bluesky'][int(r, 2)]!,
    postId,
    // Through the URL parser so it is canonical, as validateLeaf requires.
    url: new URL(`https://bsky.app/profile/${randomText(r, 6)}/post/${postId}`).href,
    contentHash: randomHex32(r),
    termsHash: randomHex32(r),
    price: r() < 0.2 ? 0n : randomBigint(r, 8 * (1 + int(r, 32))),
    token: randomAddress(r),
    chainId: BigInt(1 + int(r, 100_000)),
    validUntil: randomBigint(r, 64),
    licenseDuration: r() < 0.3 ? 0n : randomBigint(r, 32),
    salt: randomHex32(r),
    ...over,
  };
}

/** Run `fn`, returning its result and "wall ms (cpu ms)": CPU time stays meaningful on a busy shared machine. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<[T, string]> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = await fn();
  const used = process.cpuUsage(cpu);
  const ms = (n: number) => n.toFixed(n < 10 ? 1 : 0);
  return [result, `${ms(performance.now() - wall)} ms (cpu ${ms((used.user + used.system) / 1000)} ms)`];
}
