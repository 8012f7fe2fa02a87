// A cursor is opaque to clients: today the last seq served, tomorrow perhaps more, without breaking anyone.
const PREFIX = 'v1:';
const SEQ = /^[0-9]{1,19}$/;

/** The cursor that continues after `seq`. */
export function encodeCursor(seq: bigint | string): string {
  return Buffer.from(`${PREFIX}${seq}`).toString('base64url');
}

/** The seq a cursor continues after, or undefined if it is not a cursor this registry wrote. */
export function decodeCursor(cursor: string): bigint | undefined {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX) || !SEQ.test(text.slice(PREFIX.length))) return undefined;
  const seq = BigInt(text.slice(PREFIX.length));
  return seq <= 2n ** 63n - 1n ? seq : undefined;
}
