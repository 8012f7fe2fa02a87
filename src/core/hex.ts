/**
 * Hex ↔ bytes by table, for bulk hashing (10,000 offer ids and a tree of as many nodes): viem's general helpers
 * and per-byte parseInt/slice were the slowest part of it.
 */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

// Value of each hex digit by char code (0–9, a–f, A–F); 255 for anything else.
const NIBBLE = new Uint8Array(128).fill(255);
for (let i = 0; i < 10; i++) NIBBLE[48 + i] = i;
for (let i = 0; i < 6; i++) NIBBLE[97 + i] = NIBBLE[65 + i] = 10 + i;

/** Bytes as `0x` + lowercase hex. */
export function toHex(bytes: Uint8Array): `0x${string}` {
  let out = '0x';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!];
  return out as `0x${string}`;
}

/** Write the bytes of `0x…` hex into `buf`, right-aligned so its last byte lands at `buf[end - 1]`. Throws on bad hex. */
export function hexInto(buf: Uint8Array, end: number, hex: string): void {
  const digits = hex.length - 2;
  if (digits % 2 !== 0) throw new Error(`odd-length hex: ${hex}`);
  for (let i = 2, j = end - digits / 2; i < hex.length; i += 2, j++) {
    const hi = NIBBLE[hex.charCodeAt(i)] ?? 255;
    const lo = NIBBLE[hex.charCodeAt(i + 1)] ?? 255;
    if ((hi | lo) > 15) throw new Error(`not hex: ${hex}`);
    buf[j] = (hi << 4) | lo;
  }
}
