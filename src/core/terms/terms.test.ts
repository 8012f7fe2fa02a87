import { describe, expect, it } from 'vitest';
import { defaultTerms, mergeTerms, validateTerms, type Terms, type TokenInfo } from './terms';

const USDC: TokenInfo = { token: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', chainId: 8453n, decimals: 6, symbol: 'USDC' };
const PRICE = defaultTerms(USDC).price;

/** The errors validateTerms reports for `defaultTerms` with `change` applied, as field → messages. */
function errorsFor(change: Record<string, unknown>): Record<string, string[]> {
  const result = validateTerms({ ...defaultTerms(USDC), ...change });
  if (result.ok) return {};
  const out: Record<string, string[]> = {};
  for (const e of result.errors) (out[e.field] ??= []).push(e.message);
  return out;
}

function valid(x: unknown): Terms {
  const result = validateTerms(x);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe('defaultTerms', () => {
  it('allows AI training to commercial and non-commercial users worldwide, for 0.02 USDC, for ever', () => {
    expect(defaultTerms(USDC)).toEqual({
      permits: ['ai-train'],
      prohibits: [],
      users: ['commercial', 'non-commercial'],
      geo: [],
      payment: 'purchase',
      price: { ...USDC, amount: 20_000n },
      attribution: { required: false },
      licenseDuration: 0n,
    });
  });

  it('passes validation unchanged', () => {
    expect(validateTerms(defaultTerms(USDC))).toEqual({ ok: true, value: defaultTerms(USDC), warnings: [] });
  });
});

describe('validateTerms', () => {
  it('expands ai-all and all, and drops duplicates', () => {
    expect(valid({ ...defaultTerms(USDC), permits: ['ai-all', 'ai-train'] }).permits).toEqual(['ai-train', 'ai-input', 'ai-index']);
    expect(valid({ ...defaultTerms(USDC), permits: ['all'] }).permits).toEqual(['ai-train', 'ai-input', 'ai-index', 'search']);
    expect(valid({ ...defaultTerms(USDC), permits: ['search'], prohibits: ['ai-all'] }).prohibits).toEqual(['ai-train', 'ai-input', 'ai-index']);
  });

  it('lets prohibits win over permits, and says so', () => {
    const result = validateTerms({ ...defaultTerms(USDC), permits: ['ai-train', 'ai-input'], prohibits: ['ai-input'] });
    expect(result.ok && result.value.permits).toEqual(['ai-train']);
    expect(result.ok && result.warnings).toEqual([
      { field: 'permits', message: 'You both allowed and refused answering questions in real time (ai-input): it stays refused.' },
    ]);
  });

  it.each<[string, Record<string, unknown>, Record<string, string[]>]>([
    ['no use allowed', { permits: [] }, { permits: ['Choose at least one use to allow.'] }],
    ['every allowed use also refused', { permits: ['ai-train'], prohibits: ['ai-all'] }, { permits: ['Choose at least one use to allow.'] }],
    ['an unknown use', { permits: ['ai-train', 'scrape'] }, { permits: ["'scrape' isn't a use we know. Choose from: ai-train, ai-input, ai-index, search."] }],
    ['a paid licence at 0', { price: { ...USDC, amount: 0n } }, { 'price.amount': ['Price must be more than 0 for a paid licence.'] }],
    ['a negative price', { price: { ...USDC, amount: -5n } }, { 'price.amount': ["Price can't be negative."] }],
    ['a price in floats', { price: { ...USDC, amount: 0.02 } }, { 'price.amount': ['Price must be a whole number of token units.'] }],
    ['an unknown country', { geo: ['DE', 'XX'] }, { geo: ["Unknown country code 'XX'."] }],
    ['a retired country', { geo: ['SU'] }, { geo: ["Unknown country code 'SU'."] }],
    ['an unknown user class', { users: ['robots'] }, { users: ["'robots' isn't a kind of user we know. Choose from: commercial, non-commercial, education, government, personal."] }],
    ['an unknown payment type', { payment: 'subscription' }, { payment: ['Choose how buyers pay: purchase, free or attribution.'] }],
    ['a malformed token address', { price: { ...PRICE, token: '0x1234' } }, { 'price.token': ['Choose the token buyers pay in (its address is missing or malformed).'] }],
    ['no network', { price: { ...PRICE, chainId: 0n } }, { 'price.chainId': ['Choose the network buyers pay on.'] }],
    ['impossible decimals', { price: { ...PRICE, decimals: 300 } }, { 'price.decimals': ["The token's decimal places must be a whole number from 0 to 255."] }],
    ['a negative licence length', { licenseDuration: -1n }, { licenseDuration: ["Licence length can't be negative."] }],
    ['a licence longer than uint64', { licenseDuration: 2n ** 64n }, { licenseDuration: ['Licence length is too long.'] }],
    ['a credit link that is not a web address', { attribution: { required: true, url: 'javascript:alert(1)' } }, { 'attribution.url': ['The credit link must be a web address starting with https://.'] }],
    ['a credit line with control characters', { attribution: { required: true, credit: 'a\u0000b' } }, { 'attribution.credit': ['The credit line must be at most 200 plain characters.'] }],
  ])('refuses %s', (_name, change, expected) => {
    expect(errorsFor(change)).toEqual(expected);
  });

  it('reports every problem at once, so a form can mark them all', () => {
    expect(Object.keys(errorsFor({ permits: [], geo: ['ZZ'], price: { ...USDC, amount: 0n } })).sort()).toEqual(['geo', 'permits', 'price.amount']);
  });

  it('refuses things that are not terms at all', () => {
    for (const x of [null, undefined, 'terms', 42, []]) {
      expect(validateTerms(x)).toEqual({ ok: false, errors: [{ field: '', message: 'No licence terms were given.' }] });
    }
  });

  it('reads terms back from JSON storage (bigints as strings, lowercase codes)', () => {
    const stored = JSON.parse(JSON.stringify(defaultTerms(USDC), (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
    stored.geo = [' de', 'fr', 'DE'];
    stored.price.token = stored.price.token.toLowerCase();
    expect(valid(stored)).toEqual({ ...defaultTerms(USDC), geo: ['DE', 'FR'] });
  });

  it('charges nothing for a free or attribution licence, and an attribution licence requires credit', () => {
    const free = valid({ ...defaultTerms(USDC), payment: 'free' });
    expect(free.price.amount).toBe(0n);
    const credited = valid({ ...defaultTerms(USDC), payment: 'attribution', attribution: { required: false, credit: ' Alice ' } });
    expect(credited.price.amount).toBe(0n);
    expect(credited.attribution).toEqual({ required: true, credit: 'Alice' });
  });

  it('fills in what older stored terms lack: purchase, perpetual, no credit', () => {
    const old: Partial<Terms> = defaultTerms(USDC);
    delete old.payment;
    delete old.licenseDuration;
    delete old.attribution;
    expect(valid(old)).toEqual(defaultTerms(USDC));
  });
});

describe('mergeTerms', () => {
  it('replaces the overridden fields whole and keeps the rest', () => {
    const site = { ...defaultTerms(USDC), geo: ['DE', 'FR'] };
    const post = mergeTerms(site, { geo: ['FR'], payment: 'free', licenseDuration: undefined });
    expect(post).toEqual({ ...site, geo: ['FR'], payment: 'free' });
  });

  it('never lets an edit of the post reach the site default', () => {
    const site = defaultTerms(USDC);
    const post = mergeTerms(site, {});
    post.permits.push('search');
    post.price.amount = 1n;
    post.attribution.required = true;
    expect(site).toEqual(defaultTerms(USDC));
  });
});
