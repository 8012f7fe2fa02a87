/**
 * Content hashing: the fingerprint that ties a licence offer to exactly what the user wrote.
 *
 * Canonical text (version 1), applied in this order:
 *  1. Unicode NFC.
 *  2. Line endings: CRLF and lone CR become LF. U+2028/U+2029 become LF.
 *  3. Every other whitespace character (tab, no-break space, U+2000–U+200A, U+202F, U+205F, U+3000, …)
 *     becomes a plain space; runs of spaces collapse to one.
 *  4. Spaces at the start and end of every line are removed.
 *  5. At most one empty line in a row; empty lines at the start and end are removed.
 *  Zero-width joiners and variation selectors are kept: they are part of emoji.
 *
 * Preimage: UTF-8 of `"consentry-post/1\n" + canonicalText`, followed by `"\n\u0000" + url` for each media
 * URL in the order the post shows them. Hash: SHA-256, written as 0x + 64 lowercase hex digits.
 */
export const CONTENT_HASH_VERSION = 1;

const OTHER_SPACE = /[^\S\n]+/g; // any whitespace but LF (after step 2 there is no CR left)

export function canonicalText(text: string): string {
  const lines = text
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(OTHER_SPACE, ' ')
    .split('\n')
    .map((line) => line.trim());
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

export function contentPreimage(text: string, media: readonly string[] = []): string {
  let s = `consentry-post/${CONTENT_HASH_VERSION}\n${canonicalText(text)}`;
  for (const url of media) s += `\n\u0000${url}`;
  return s;
}

/** SHA-256 of the canonical form, as 0x-hex. Works wherever WebCrypto does (Node 20, workers, pages). */
export async function contentHash(text: string, media: readonly string[] = []): Promise<`0x${string}`> {
  const bytes = new TextEncoder().encode(contentPreimage(text, media));
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  let hex = '0x';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex as `0x${string}`;
}
