import { describe, expect, it } from 'vitest';
import { defaultTerms } from '../../core/terms/terms';
import { termsToJson } from '../../core/terms/terms-json';
import { postTermsSummary } from './terms-summary';

const terms = termsToJson(defaultTerms({ token: '0x5FbDB2315678afecb367f032d93F642f64180aa3', chainId: 31337n, decimals: 6, symbol: 'USDC' }));

describe('a post’s terms in one line', () => {
  it('says "Site default" for a post without its own terms', () => {
    expect(postTermsSummary(undefined)).toBe('Site default');
  });

  it('gives the first plain sentence of its own terms', () => {
    expect(postTermsSummary(terms)).toBe('AI companies may train models on this post — commercial use allowed — $0.02 per post');
    expect(postTermsSummary({ ...terms, payment: 'free', price: { ...terms.price, amount: '0' } })).toMatch(/— free$/);
  });

  it('still says something when stored terms cannot be read', () => {
    expect(postTermsSummary({ ...terms, licenseDuration: 'soon' })).toBe('Own terms');
  });
});
