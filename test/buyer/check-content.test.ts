// A registry could serve any text with an offer; the buyer keeps it only if it hashes to what the licensor signed.
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/buyer/check-offer';
import { contentHash } from '../../src/core/content-hash';

describe('checkContent', () => {
  const text = 'Tomatoes ripen faster next to bananas 🍌\r\n  (ethylene!)';
  const media = ['https://pbs.twimg.com/media/a.jpg'];

  it('keeps a text and media that hash to the signed contentHash, whitespace as the canonical form allows', async () => {
    const signed = await contentHash(text, media);
    expect(await checkContent({ text, media }, signed)).toEqual({ ok: true, value: { text, media } });
    expect(await checkContent(null, signed)).toEqual({ ok: true, value: null });
    expect(await checkContent(undefined, signed)).toEqual({ ok: true, value: null });
  });

  it('refuses an edited text, a swapped image, and malformed content', async () => {
    const signed = await contentHash(text, media);
    const edited = await checkContent({ text: 'Tomatoes ripen slower next to bananas 🍌', media }, signed);
    expect(edited).toEqual({ ok: false, error: expect.stringMatching(/does not hash to the offer's signed contentHash/) });
    expect((await checkContent({ text, media: ['https://pbs.twimg.com/media/b.jpg'] }, signed)).ok).toBe(false);
    expect(await checkContent({ text }, signed)).toEqual({ ok: false, error: expect.stringMatching(/^content\.media/) });
    expect(await checkContent({ text, media: ['http://insecure.example/a.jpg'] }, signed)).toEqual({ ok: false, error: expect.stringMatching(/^content\.media/) });
    expect(await checkContent('just a string', signed)).toEqual({ ok: false, error: expect.stringMatching(/^content:/) });
  });
});
