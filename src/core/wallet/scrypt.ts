import { pbkdf2 } from '@noble/hashes/pbkdf2';
import { scryptAsync as nobleScryptAsync } from '@noble/hashes/scrypt';
import { sha256 } from '@noble/hashes/sha2';

/**
 * scrypt (RFC 7914) that really yields to the event loop. @noble/hashes' scryptAsync only awaits an empty
 * async function, a microtask: timers and incoming messages still wait for the whole derivation (about
 * 0.7–1 s at n 2^17), so an MV3 worker would sit deaf. Here ROMix hands control back through a macrotask
 * every TICK_MS. The outer PBKDF2 passes (one iteration each) are noble's.
 */

const TICK_MS = 15;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** A macrotask boundary. MessageChannel avoids the 4 ms clamp browsers put on chained setTimeout(0). */
function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

const rotl = (a: number, b: number) => (a << b) | (a >>> (32 - b));

/** out[o..o+16] = Salsa20/8(a[ai..] ^ b[bi..]), RFC 7914 section 3, unrolled: this is the hot loop. */
function salsaXor(a: Uint32Array, ai: number, b: Uint32Array, bi: number, out: Uint32Array, o: number): void {
  const y0 = a[ai + 0]! ^ b[bi + 0]!;
  const y1 = a[ai + 1]! ^ b[bi + 1]!;
  const y2 = a[ai + 2]! ^ b[bi + 2]!;
  const y3 = a[ai + 3]! ^ b[bi + 3]!;
  const y4 = a[ai + 4]! ^ b[bi + 4]!;
  const y5 = a[ai + 5]! ^ b[bi + 5]!;
  const y6 = a[ai + 6]! ^ b[bi + 6]!;
  const y7 = a[ai + 7]! ^ b[bi + 7]!;
  const y8 = a[ai + 8]! ^ b[bi + 8]!;
  const y9 = a[ai + 9]! ^ b[bi + 9]!;
  const y10 = a[ai + 10]! ^ b[bi + 10]!;
  const y11 = a[ai + 11]! ^ b[bi + 11]!;
  const y12 = a[ai + 12]! ^ b[bi + 12]!;
  const y13 = a[ai + 13]! ^ b[bi + 13]!;
  const y14 = a[ai + 14]! ^ b[bi + 14]!;
  const y15 = a[ai + 15]! ^ b[bi + 15]!;
  let x0 = y0, x1 = y1, x2 = y2, x3 = y3, x4 = y4, x5 = y5, x6 = y6, x7 = y7;
  let x8 = y8, x9 = y9, x10 = y10, x11 = y11, x12 = y12, x13 = y13, x14 = y14, x15 = y15;
  for (let i = 0; i < 8; i += 2) {
    // columns, then rows
    x4 ^= rotl((x0 + x12) | 0, 7);
    x8 ^= rotl((x4 + x0) | 0, 9);
    x12 ^= rotl((x8 + x4) | 0, 13);
    x0 ^= rotl((x12 + x8) | 0, 18);
    x9 ^= rotl((x5 + x1) | 0, 7);
    x13 ^= rotl((x9 + x5) | 0, 9);
    x1 ^= rotl((x13 + x9) | 0, 13);
    x5 ^= rotl((x1 + x13) | 0, 18);
    x14 ^= rotl((x10 + x6) | 0, 7);
    x2 ^= rotl((x14 + x10) | 0, 9);
    x6 ^= rotl((x2 + x14) | 0, 13);
    x10 ^= rotl((x6 + x2) | 0, 18);
    x3 ^= rotl((x15 + x11) | 0, 7);
    x7 ^= rotl((x3 + x15) | 0, 9);
    x11 ^= rotl((x7 + x3) | 0, 13);
    x15 ^= rotl((x11 + x7) | 0, 18);
    x1 ^= rotl((x0 + x3) | 0, 7);
    x2 ^= rotl((x1 + x0) | 0, 9);
    x3 ^= rotl((x2 + x1) | 0, 13);
    x0 ^= rotl((x3 + x2) | 0, 18);
    x6 ^= rotl((x5 + x4) | 0, 7);
    x7 ^= rotl((x6 + x5) | 0, 9);
    x4 ^= rotl((x7 + x6) | 0, 13);
    x5 ^= rotl((x4 + x7) | 0, 18);
    x11 ^= rotl((x10 + x9) | 0, 7);
    x8 ^= rotl((x11 + x10) | 0, 9);
    x9 ^= rotl((x8 + x11) | 0, 13);
    x10 ^= rotl((x9 + x8) | 0, 18);
    x12 ^= rotl((x15 + x14) | 0, 7);
    x13 ^= rotl((x12 + x15) | 0, 9);
    x14 ^= rotl((x13 + x12) | 0, 13);
    x15 ^= rotl((x14 + x13) | 0, 18);
  }
  out[o + 0] = (y0 + x0) | 0;
  out[o + 1] = (y1 + x1) | 0;
  out[o + 2] = (y2 + x2) | 0;
  out[o + 3] = (y3 + x3) | 0;
  out[o + 4] = (y4 + x4) | 0;
  out[o + 5] = (y5 + x5) | 0;
  out[o + 6] = (y6 + x6) | 0;
  out[o + 7] = (y7 + x7) | 0;
  out[o + 8] = (y8 + x8) | 0;
  out[o + 9] = (y9 + x9) | 0;
  out[o + 10] = (y10 + x10) | 0;
  out[o + 11] = (y11 + x11) | 0;
  out[o + 12] = (y12 + x12) | 0;
  out[o + 13] = (y13 + x13) | 0;
  out[o + 14] = (y14 + x14) | 0;
  out[o + 15] = (y15 + x15) | 0;
}

/**
 * BlockMix (RFC 7914 section 4) of the 2r 16-word blocks at inp[ii..], written to out[oi..] (which must
 * not overlap the input): Y_i = Salsa(Y_{i-1} ^ B_i), even-indexed results first, then odd.
 */
function blockMix(inp: Uint32Array, ii: number, out: Uint32Array, oi: number, r: number): void {
  let prev = inp;
  let pi = ii + (2 * r - 1) * 16;
  for (let i = 0; i < 2 * r; i++) {
    const o = oi + (i % 2 === 0 ? i / 2 : r + (i - 1) / 2) * 16;
    salsaXor(prev, pi, inp, ii + i * 16, out, o);
    prev = out;
    pi = o;
  }
}

/** Counts ROMix steps and says when TICK_MS of work have passed; a synchronous check, so most steps cost no promise. */
class Clock {
  private last = Date.now();
  private done = 0;
  constructor(
    private readonly total: number,
    private readonly onProgress?: (fraction: number) => void,
  ) {}
  step(): boolean {
    this.done++;
    return Date.now() - this.last >= TICK_MS;
  }
  async pause(): Promise<void> {
    this.onProgress?.(this.done / this.total);
    await yieldToEventLoop();
    this.last = Date.now();
  }
}

/** ROMix (RFC 7914 section 5) on one 32r-word lane of B, in place, yielding every TICK_MS. */
async function roMix(
  B: Uint32Array,
  bi: number,
  n: number,
  r: number,
  V: Uint32Array,
  clock: Clock,
): Promise<void> {
  const len = 32 * r;
  const X = new Uint32Array(len);
  const T = new Uint32Array(len);
  V.set(B.subarray(bi, bi + len), 0);
  for (let i = 0; i < n - 1; i++) {
    blockMix(V, i * len, V, (i + 1) * len, r);
    if (clock.step()) await clock.pause();
  }
  blockMix(V, (n - 1) * len, X, 0, r);
  for (let i = 0; i < n; i++) {
    // Integerify: the first word of the last 64-byte block, mod n (a power of two).
    const j = X[(2 * r - 1) * 16]! & (n - 1);
    for (let k = 0; k < len; k++) T[k] = X[k]! ^ V[j * len + k]!;
    blockMix(T, 0, X, 0, r);
    if (clock.step()) await clock.pause();
  }
  B.set(X, bi);
}

/** scrypt(password, salt, n, r, p) to `dkLen` bytes. Parameters must already be checked (kdf.ts does). */
export async function scryptYielding(
  password: Uint8Array,
  salt: Uint8Array,
  n: number,
  r: number,
  p: number,
  dkLen: number,
  onProgress?: (fraction: number) => void,
): Promise<Uint8Array> {
  // Word views assume little-endian memory, true of every browser/Node platform we ship to.
  if (!LITTLE_ENDIAN) return nobleScryptAsync(password, salt, { N: n, r, p, dkLen, maxmem: 2 ** 32 });
  const bytes = pbkdf2(sha256, password, salt, { c: 1, dkLen: 128 * r * p });
  const B = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  const V = new Uint32Array(32 * r * n);
  const clock = new Clock(2 * n * p, onProgress);
  for (let lane = 0; lane < p; lane++) await roMix(B, lane * 32 * r, n, r, V, clock);
  V.fill(0);
  const out = pbkdf2(sha256, password, bytes, { c: 1, dkLen });
  bytes.fill(0);
  onProgress?.(1);
  return out;
}
