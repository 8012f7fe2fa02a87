import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalText, contentHash, contentPreimage } from './content-hash';

// An independent implementation (Node's hash, not WebCrypto) to hold the vectors to.
const nodeSha = (s: string) => `0x${createHash('sha256').update(s, 'utf8').digest('hex')}`;

describe('canonicalText', () => {
  it.each([
    ['NFD é becomes NFC é', 'cafe\u0301', 'café'],
    ['CRLF and CR become LF', 'a\r\nb\rc', 'a\nb\nc'],
    ['tabs, no-break and ideographic spaces become one space', 'a\t\u00a0 b\u3000\u2009c', 'a b c'],
    ['spaces at line ends go', '  hello  \n  world ', 'hello\nworld'],
    ['at most one empty line in a row; none at the ends', '\n\nfirst\n\n\n\nsecond\n\n', 'first\n\nsecond'],
    ['U+2028 line separator is a line break', 'a\u2028b', 'a\nb'],
    ['emoji sequences with ZWJ and variation selectors stay', '👩‍💻 ❤️', '👩‍💻 ❤️'],
    ['RTL text and marks stay as written', 'שלום עולם \u200f!', 'שלום עולם \u200f!'],
  ])('%s', (_name, input, expected) => {
    expect(canonicalText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const messy = ' \r\n Ünïcödé\u00a0\u00a0text \t\n\n\n\n  end \u2029';
    expect(canonicalText(canonicalText(messy))).toBe(canonicalText(messy));
  });
});

describe('contentHash', () => {
  it('matches the documented preimage hashed by an independent SHA-256', async () => {
    expect(contentPreimage('Hello\r\nworld ', ['https://pbs.twimg.com/media/a.jpg'])).toBe(
      'consentry-post/1\nHello\nworld\n\u0000https://pbs.twimg.com/media/a.jpg',
    );
    for (const [text, media] of [
      ['', []],
      ['Hello world', []],
      ['Ça va? 👋🏽 مرحبا', ['https://cdn.bsky.app/img/feed_fullsize/plain/did:plc:x/abc@jpeg']],
    ] as const) {
      expect(await contentHash(text, media)).toBe(nodeSha(contentPreimage(text, media)));
    }
  });

  it('has fixed vectors, so a change to the canonical form cannot slip through', async () => {
    expect(await contentHash('Hello world')).toBe('0x053990c5b8ae9e5e08319602d022ed11db90a014351661b0e40f626d9e5d3797');
    expect(await contentHash('Hello world')).toBe(await contentHash('  Hello\u00a0world\r\n'));
    expect(await contentHash('Hello world')).not.toBe(await contentHash('Hello  world!'));
    expect(await contentHash('same text', ['https://a/1.jpg'])).not.toBe(await contentHash('same text'));
  });
});
