import { scrypt } from '@noble/hashes/scrypt';
import { describe, expect, it } from 'vitest';
import { toHex } from './bytes';
import { scryptYielding } from './scrypt';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('scryptYielding', () => {
  // RFC 7914 section 12, the vectors small enough for a unit test.
  it('matches RFC 7914 test vectors', async () => {
    expect(toHex(await scryptYielding(utf8(''), utf8(''), 16, 1, 1, 64))).toBe(
      '77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906',
    );
    expect(toHex(await scryptYielding(utf8('password'), utf8('NaCl'), 1024, 8, 16, 64))).toBe(
      'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640',
    );
  });

  it('agrees with @noble/hashes scrypt across r, p and n', async () => {
    for (const [n, r, p] of [[2, 1, 1], [2, 8, 1], [8, 8, 16], [256, 1, 8], [1024, 3, 2], [4096, 8, 1]] as const) {
      const password = utf8(`pw-${n}-${r}-${p}`);
      const salt = utf8(`salt-${n}`);
      expect(toHex(await scryptYielding(password, salt, n, r, p, 32)), `n ${n} r ${r} p ${p}`).toBe(
        toHex(scrypt(password, salt, { N: n, r, p, dkLen: 32 })),
      );
    }
  });

  it('lets timers run while it works, so the service worker keeps answering messages', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const start = performance.now();
    await scryptYielding(utf8('pw'), utf8('salt'), 2 ** 15, 8, 1, 32);
    clearInterval(timer);
    const elapsed = performance.now() - start;
    // A blocking scrypt lets none through; here about one per 15 ms tick.
    expect(ticks).toBeGreaterThan(elapsed / 60);
  });
});
