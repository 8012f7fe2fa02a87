import { afterEach, describe, expect, it, vi } from 'vitest';
import { explainTerms } from './explain';
import { defaultTerms, type Terms, type TokenInfo } from './terms';

const USDC: TokenInfo = { token: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', chainId: 8453n, decimals: 6, symbol: 'USDC' };
const EURC: TokenInfo = { token: '0x60a3E35Cc302bFA44Cb288Bc5a4F316Fdb1adb42', chainId: 8453n, decimals: 6, symbol: 'EURC' };
const terms = (change: Partial<Terms> = {}): Terms => ({ ...defaultTerms(USDC), ...change });

describe('explainTerms', () => {
  it('reads the default terms as a person would say them', () => {
    expect(explainTerms(terms())).toEqual([
      'AI companies may train models on this post — commercial use allowed — $0.02 per post',
      'Not allowed: using this post to answer questions in real time (ai-input)',
      'Not allowed: keeping this post in an AI search index (ai-index)',
      'Not allowed: listing this post in search results (search)',
      'Anywhere in the world',
      'Licence never expires',
      'No credit required',
    ]);
  });

  it('joins several allowed uses into one sentence, AI and search apart', () => {
    const [first] = explainTerms(terms({ permits: ['ai-train', 'ai-input', 'search'] }));
    expect(first).toBe(
      'AI companies may train models on this post and use this post to answer questions in real time; ' +
        'search engines may list this post in search results, with a link — commercial use allowed — $0.02 per post',
    );
    expect(explainTerms(terms({ permits: ['search'] }))[0]).toMatch(/^Search engines may list this post/);
  });

  it('counts a use both permitted and prohibited as not allowed', () => {
    const lines = explainTerms(terms({ permits: ['ai-train', 'ai-input'], prohibits: ['ai-input'] }));
    expect(lines).toContain('Not allowed: using this post to answer questions in real time (ai-input)');
    expect(lines[0]).not.toMatch(/answer questions/);
  });

  it.each<[Partial<Terms>, string]>([
    [{ users: ['non-commercial'] }, 'only for non-commercial use'],
    [{ users: ['non-commercial', 'education'] }, 'only for non-commercial and education use'],
    [{ users: [] }, 'commercial use allowed'],
  ])('says who may use it: %j', (change, phrase) => {
    expect(explainTerms(terms(change))[0]).toContain(` — ${phrase} — `);
  });

  it.each<[string, Partial<Terms>]>([
    ['$0.50 per post', { price: { ...USDC, amount: 500_000n } }],
    ['$0.015 per post', { price: { ...USDC, amount: 15_000n } }],
    ['$1.00 per post', { price: { ...USDC, symbol: 'DAI', decimals: 18, amount: 10n ** 18n } }],
    ['0.5 EURC per post', { price: { ...EURC, amount: 500_000n } }],
    ['free', { payment: 'free' }],
    ['free with credit', { payment: 'attribution' }],
  ])('says the price in the token: %s', (phrase, change) => {
    expect(explainTerms(terms(change))[0]).toMatch(new RegExp(` — ${phrase.replace(/[$.]/g, '\\$&')}$`));
  });

  it('names the countries, in the order chosen', () => {
    expect(explainTerms(terms({ geo: ['DE', 'FR'] }))).toContain('Only in: Germany, France');
    expect(explainTerms(terms({ geo: ['EU'] }))).toContain('Only in: European Union');
  });

  it.each<[bigint, string]>([
    [0n, 'Licence never expires'],
    [31_536_000n, 'Licence lasts 1 year'],
    [2n * 31_536_000n, 'Licence lasts 2 years'],
    [30n * 86_400n, 'Licence lasts 30 days'],
    [3_600n, 'Licence lasts 1 hour'],
    [90n, 'Licence lasts 90 seconds'],
  ])('says how long a licence lasts: %s s', (licenseDuration, sentence) => {
    expect(explainTerms(terms({ licenseDuration }))).toContain(sentence);
  });

  it.each<[Terms['attribution'], string]>([
    [{ required: false, credit: 'ignored' }, 'No credit required'],
    [{ required: true }, 'Credit required'],
    [{ required: true, credit: 'Alice (@alice)' }, 'Credit required: “Alice (@alice)”'],
    [{ required: true, credit: 'Alice', url: 'https://alice.example' }, 'Credit required: “Alice”, linking to https://alice.example'],
  ])('says what credit is due: %j', (attribution, sentence) => {
    expect(explainTerms(terms({ attribution })).at(-1)).toBe(sentence);
  });
});

describe('country names without Intl.DisplayNames', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('falls back to the code', async () => {
    vi.stubGlobal('Intl', { ...Intl, DisplayNames: undefined });
    vi.resetModules();
    const { explainTerms: explainFresh } = await import('./explain');
    expect(explainFresh(terms({ geo: ['DE', 'FR'] }))).toContain('Only in: DE, FR');
  });
});
