import { describe, expect, it } from 'vitest';
import { toCawgTrainingMining, toContentSignal, toContentUsage, toTdmRep } from './signals';
import { defaultTerms, type Terms, type TokenInfo } from './terms';

const USDC: TokenInfo = { token: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', chainId: 8453n, decimals: 6, symbol: 'USDC' };
const OFFER = 'https://consentry.example/o/0xabc';
const POLICY = 'https://consentry.example/tdm/0xabc.json';
const terms = (change: Partial<Terms> = {}): Terms => ({ ...defaultTerms(USDC), ...change });
const FREE_FOR_ALL = terms({ permits: ['ai-train', 'ai-input', 'ai-index', 'search'], payment: 'free', users: [] });

/**
 * An RFC 9651 Dictionary whose members are bare Tokens (the only form aipref and Content Signals use):
 * key = lcalpha / "*" then lcalpha, digits, "_-.*"; token = ALPHA / "*" then tchar, ":" or "/".
 */
function parseTokenDictionary(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const member of s.split(/\s*,\s*/)) {
    const m = /^([a-z*][a-z0-9_\-.*]*)=([A-Za-z*][!#$%&'*+\-.^_`|~0-9A-Za-z:/]*)$/.exec(member);
    if (!m) throw new Error(`not a token dictionary member: ${member}`);
    out[m[1]!] = m[2]!;
  }
  return out;
}

describe('toContentUsage (IETF aipref)', () => {
  it('matches the draft-ietf-aipref-vocab §6 example for the same preferences', () => {
    // draft-ietf-aipref-vocab §6 "Exemplary Serialization Format": allow model training, disallow search:
    const spec = 'train-ai=y, search=n';
    expect(toContentUsage(terms({ permits: ['ai-train'] }))).toBe(spec);
    expect(parseTokenDictionary(toContentUsage(terms()))).toEqual(parseTokenDictionary(spec));
  });

  it('says train-ai=n as in the draft-ietf-aipref-attach §1.2 header example', () => {
    // draft-ietf-aipref-attach §1.2 Examples: "Content-Usage: train-ai=n".
    const spec = parseTokenDictionary('train-ai=n');
    const ours = parseTokenDictionary(toContentUsage(terms({ permits: ['ai-input'] })));
    expect(ours['train-ai']).toBe(spec['train-ai']);
  });

  it('emits only the two labels that survived the drafts, and prohibits win', () => {
    const value = toContentUsage(terms({ permits: ['ai-train', 'search'], prohibits: ['search'] }));
    expect(parseTokenDictionary(value)).toEqual({ 'train-ai': 'y', search: 'n' });
    expect(toContentUsage(FREE_FOR_ALL)).toBe('train-ai=y, search=y');
  });
});

describe('toContentSignal (Cloudflare Content Signals)', () => {
  it('agrees with the Content Signals Policy example for the same preferences', () => {
    // contentsignals.org / Cloudflare Content Signals Policy, robots.txt: "Content-Signal: search=yes, ai-train=no".
    const spec = parseTokenDictionary('search=yes, ai-train=no');
    const ours = parseTokenDictionary(toContentSignal(terms({ permits: ['search'] })));
    for (const [key, value] of Object.entries(spec)) expect(ours[key]).toBe(value);
    expect(ours['ai-input']).toBe('no');
  });

  it('states all three signals', () => {
    expect(toContentSignal(terms())).toBe('ai-train=yes, search=no, ai-input=no');
    expect(toContentSignal(FREE_FOR_ALL)).toBe('ai-train=yes, search=yes, ai-input=yes');
  });
});

describe('toCawgTrainingMining (CAWG cawg.training-mining)', () => {
  it('has the shape of the CAWG 1.1 example for equivalent terms', () => {
    // CAWG Training and Data Mining Assertion 1.1, §3.2 "Schema and example" (CBOR diagnostic):
    const spec = {
      entries: {
        'cawg.ai_generative_training': { use: 'notAllowed' },
        'cawg.ai_inference': { use: 'notAllowed' },
        'cawg.ai_training': { use: 'notAllowed' },
        'cawg.data_mining': { use: 'constrained', constraint_info: "may only be mined on days whose names end in 'y'" },
      },
    };
    // The same answers: only mining (our nearest, ai-index) is allowed, and on a condition (a price).
    const ours = toCawgTrainingMining(terms({ permits: ['ai-index'] }), OFFER);
    expect(Object.keys(ours.entries).sort()).toEqual(Object.keys(spec.entries).sort());
    for (const [key, entry] of Object.entries(spec.entries)) {
      const mine = ours.entries[key as keyof typeof ours.entries];
      expect(mine.use).toBe(entry.use);
      expect(Object.keys(mine).sort()).toEqual(Object.keys(entry).sort());
    }
    expect(ours.entries['cawg.data_mining'].constraint_info).toBe(OFFER);
  });

  it('maps a priced training permission to constrained on both training entries', () => {
    expect(toCawgTrainingMining(terms(), OFFER).entries).toEqual({
      'cawg.ai_training': { use: 'constrained', constraint_info: OFFER },
      'cawg.ai_generative_training': { use: 'constrained', constraint_info: OFFER },
      'cawg.ai_inference': { use: 'notAllowed' },
      'cawg.data_mining': { use: 'notAllowed' },
    });
  });

  it('says allowed only when nothing is asked in return', () => {
    expect(Object.values(toCawgTrainingMining(FREE_FOR_ALL, OFFER).entries).map((e) => e.use)).toEqual(['allowed', 'allowed', 'allowed', 'allowed']);
    const conditions: Partial<Terms>[] = [
      { payment: 'attribution', attribution: { required: true } },
      { attribution: { required: true, credit: 'Alice' } },
      { users: ['non-commercial'] },
      { geo: ['FR'] },
      { licenseDuration: 86_400n },
    ];
    for (const c of conditions) {
      expect(toCawgTrainingMining({ ...FREE_FOR_ALL, ...c }, OFFER).entries['cawg.ai_training']).toEqual({ use: 'constrained', constraint_info: OFFER });
    }
  });
});

describe('toTdmRep (W3C TDMRep)', () => {
  it('gives the properties of the TDMRep tdmrep.json example rule for a reserved, licensable post', () => {
    // W3C TDMRep final report, "TDM File on the Origin Server" example rule:
    const spec = { location: '/directory-b/html/', 'tdm-reservation': 1, 'tdm-policy': 'https://provider.com/policies/policy.json' };
    const ours = toTdmRep(terms(), spec['tdm-policy']);
    // A rule's `location` is where it is published (the caller's concern), not part of the terms.
    expect(ours).toEqual(Object.fromEntries(Object.entries(spec).filter(([key]) => key !== 'location')));
  });

  it('reserves any post not free for every AI use, and nothing for one that is', () => {
    expect(toTdmRep(FREE_FOR_ALL, POLICY)).toBeNull();
    expect(toTdmRep({ ...FREE_FOR_ALL, permits: ['ai-train', 'ai-input', 'search'] }, POLICY)).toEqual({ 'tdm-reservation': 1, 'tdm-policy': POLICY });
    expect(toTdmRep({ ...FREE_FOR_ALL, prohibits: ['ai-index'] }, POLICY)).not.toBeNull();
    expect(toTdmRep({ ...FREE_FOR_ALL, attribution: { required: true } }, POLICY)).not.toBeNull();
    expect(toTdmRep(terms({ permits: ['ai-train', 'ai-input', 'ai-index'] }), POLICY)).not.toBeNull();
  });
});
