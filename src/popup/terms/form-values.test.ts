import { describe, expect, it } from 'vitest';
import { defaultTerms } from '../../core/terms/terms';
import { termsToJson, type TermsJson } from '../../core/terms/terms-json';
import { formFromTerms, termsFromForm, type FormResult } from './form-values';

const token = { token: '0x5FbDB2315678afecb367f032d93F642f64180aa3', chainId: 31337n, decimals: 6, symbol: 'USDC' } as const;
const base: TermsJson = termsToJson(defaultTerms(token));
const errors = (r: FormResult) => (r.ok ? [] : r.errors);

describe('terms form ↔ TermsJson', () => {
  it('round-trips the default terms unchanged', () => {
    const form = formFromTerms(base);
    expect(form).toMatchObject({ uses: ['ai-train'], users: ['commercial', 'non-commercial'], price: '0.02', payment: 'purchase', duration: '0' });
    const r = termsFromForm(form, base);
    expect(r.ok && r.terms).toEqual(base);
  });

  it('reads a price in display units into base units, and explains a bad one on the price field', () => {
    const r = termsFromForm({ ...formFromTerms(base), price: '1.5' }, base);
    expect(r.ok && r.terms.price.amount).toBe('1500000');
    expect(errors(termsFromForm({ ...formFromTerms(base), price: '0' }, base))).toEqual([
      { field: 'price.amount', message: 'Price must be more than 0 for a paid licence.' },
    ]);
    expect(errors(termsFromForm({ ...formFromTerms(base), price: '0.0000001' }, base))).toEqual([
      { field: 'price.amount', message: 'Use at most 6 digits after the decimal point.' },
    ]);
  });

  it('a free licence carries no price, and a free-with-credit one requires credit', () => {
    const free = termsFromForm({ ...formFromTerms(base), payment: 'free', price: 'oops' }, base);
    expect(free.ok && free.terms.price.amount).toBe('0');
    const credit = termsFromForm({ ...formFromTerms(base), payment: 'attribution', credit: ' Ana (@ana) ' }, base);
    expect(credit.ok && credit.terms.attribution).toEqual({ required: true, credit: 'Ana (@ana)' });
    expect(formFromTerms(free.ok ? free.terms : base).price).toBe('');
  });

  it('drops credit details once credit is no longer required', () => {
    const r = termsFromForm({ ...formFromTerms(base), creditRequired: false, credit: 'Ana', creditUrl: 'https://ana.example' }, base);
    expect(r.ok && r.terms.attribution).toEqual({ required: false });
    expect(errors(termsFromForm({ ...formFromTerms(base), creditRequired: true, creditUrl: 'ana.example' }, base))).toEqual([
      { field: 'attribution.url', message: 'The credit link must be a web address starting with https://.' },
    ]);
  });

  it('reads countries typed with commas or spaces, in any case, and names an unknown one', () => {
    const r = termsFromForm({ ...formFromTerms(base), countries: 'de, fr  EU' }, base);
    expect(r.ok && r.terms.geo).toEqual(['DE', 'FR', 'EU']);
    expect(errors(termsFromForm({ ...formFromTerms(base), countries: 'DE, XY' }, base))).toEqual([
      { field: 'geo', message: "Unknown country code 'XY'." },
    ]);
  });

  it('needs at least one use, and keeps a use refused outright unless it is now allowed', () => {
    expect(errors(termsFromForm({ ...formFromTerms(base), uses: [] }, base))).toEqual([{ field: 'permits', message: 'Choose at least one use to allow.' }]);
    const refusing: TermsJson = { ...base, prohibits: ['ai-input', 'search'] };
    const r = termsFromForm({ ...formFromTerms(refusing), uses: ['ai-train', 'search'] }, refusing);
    expect(r.ok && [r.terms.permits, r.terms.prohibits]).toEqual([['ai-train', 'search'], ['ai-input']]);
  });

  it('writes the licence length from the chosen duration', () => {
    const year = termsFromForm({ ...formFromTerms(base), duration: '31536000' }, base);
    expect(year.ok && year.terms.licenseDuration).toBe('31536000');
    const custom = termsFromForm({ ...formFromTerms(base), duration: 'custom', customDays: '90' }, base);
    expect(custom.ok && custom.terms.licenseDuration).toBe('7776000');
    expect(formFromTerms(custom.ok ? custom.terms : base)).toMatchObject({ duration: 'custom', customDays: '90' });
    expect(errors(termsFromForm({ ...formFromTerms(base), duration: 'custom', customDays: '' }, base))).toEqual([
      { field: 'licenseDuration', message: 'Enter a number of days.' },
    ]);
  });
});
