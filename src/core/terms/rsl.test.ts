import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { CONSENTRY_OFFER_MEDIA_TYPE, readRslList, RSL_NAMESPACE, toRslXml } from './rsl';
import { defaultTerms, validateTerms, type Terms, type TokenInfo } from './terms';
import { expandUsage } from './vocabulary';

const USDC: TokenInfo = { token: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', chainId: 8453n, decimals: 6, symbol: 'USDC' };
const EURC: TokenInfo = { token: '0x60a3E35Cc302bFA44Cb288Bc5a4F316Fdb1adb42', chainId: 8453n, decimals: 6, symbol: 'EURC' };
const URLS = { contentUrl: 'https://bsky.app/profile/alice.example/post/3k', offerUrl: 'https://consentry.example/o/0xabc' };
const { DOMParser } = new JSDOM('').window;

/** A real XML parser's view of a document; fails the test on malformed XML. */
function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

/** `<license>` children as comparable facts: tag, type, and token sets (lists in any order and separator). */
function licenseFacts(license: Element): Record<string, string[]> {
  const facts: Record<string, string[]> = {};
  for (const el of Array.from(license.children)) {
    const key = `${el.localName}[${el.getAttribute('type') ?? ''}]`;
    facts[key] = el.localName === 'permits' || el.localName === 'prohibits' ? readRslList(el.textContent ?? '').sort() : [];
  }
  return facts;
}

function valid(x: Omit<Partial<Terms>, 'permits' | 'prohibits'> & { permits?: string[]; prohibits?: string[] }): Terms {
  const result = validateTerms({ ...defaultTerms(USDC), ...x });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe('toRslXml against the RSL 1.0 examples', () => {
  it('matches the §3.5 permits example for the same terms', () => {
    // RSL 1.0 (rslstandard.org/rsl) §3.5 <permits>: "RAG/grounding only, non-commercial and educational
    // operators only, US and EU only".
    const spec = parse(`<rsl xmlns="https://rslstandard.org/rsl"><content url="/"><license>
      <permits type="usage">ai-input</permits>
      <permits type="user">non-commercial education</permits>
      <permits type="geo">US EU</permits>
    </license></content></rsl>`);
    const ours = parse(toRslXml(valid({ permits: ['ai-input'], users: ['non-commercial', 'education'], geo: ['US', 'EU'] }), URLS));
    const specFacts = licenseFacts(spec.querySelector('license')!);
    const ourFacts = licenseFacts(ours.querySelector('license')!);
    for (const [key, tokens] of Object.entries(specFacts)) expect(ourFacts[key]).toEqual(tokens);
    expect(Object.keys(ourFacts).filter((k) => k.startsWith('permits'))).toEqual(Object.keys(specFacts));
  });

  it('matches the §1.1 "search only, no AI use" pattern, with ai-all spelled out', () => {
    // RSL 1.0 §1.1: search only, no AI use — <prohibits type="usage">ai-all</prohibits>.
    const specProhibits = readRslList('ai-all').flatMap((t) => expandUsage(t) ?? []);
    const ours = parse(toRslXml(valid({ permits: ['search'], prohibits: ['ai-all'] }), URLS));
    expect(readRslList(ours.querySelector('prohibits[type="usage"]')!.textContent!).sort()).toEqual([...specProhibits].sort());
    expect(ours.querySelector('permits[type="usage"]')!.textContent).toBe('search');
  });

  it('prices like the §3.10 <amount> example when the token is a USD stablecoin', () => {
    // RSL 1.0 §3.7/§3.10: <payment type="crawl"><amount currency="USD">0.015</amount>
    //   <standard>https://example.com/licenses/pay-per-crawl</standard></payment>
    const spec = parse(`<payment xmlns="${RSL_NAMESPACE}" type="crawl"><amount currency="USD">0.015</amount>
      <standard>https://example.com/licenses/pay-per-crawl</standard></payment>`);
    const ours = parse(toRslXml(valid({ price: { ...USDC, amount: 15_000n } }), URLS));
    const specAmount = spec.querySelector('payment > amount')!;
    const ourAmount = ours.querySelector('payment > amount')!;
    expect(ourAmount.getAttribute('currency')).toBe(specAmount.getAttribute('currency'));
    expect(ourAmount.textContent).toBe(specAmount.textContent);
    expect(ours.querySelector('payment')!.getAttribute('type')).toBe('purchase');
    expect(ours.querySelector('payment > custom')!.textContent).toBe(URLS.offerUrl);
  });

  it('carries a non-USD token price only in <accepts>, since <amount> takes ISO 4217 codes', () => {
    const doc = parse(toRslXml(valid({ price: { ...EURC, amount: 500_000n } }), URLS));
    expect(doc.querySelector('amount')).toBeNull();
    const accepts = doc.querySelector('payment > accepts')!;
    expect(accepts.getAttribute('type')).toBe(CONSENTRY_OFFER_MEDIA_TYPE);
    expect(JSON.parse(accepts.textContent!)).toEqual({
      amount: '500000', asset: EURC.token.toLowerCase(), decimals: 6, network: 'eip155:8453', offer: URLS.offerUrl, symbol: 'EURC',
    });
  });
});

describe('toRslXml', () => {
  it('writes the default terms as a namespaced document with proof pointing at the offer', () => {
    const doc = parse(toRslXml(defaultTerms(USDC), { ...URLS, licensorUrl: 'https://bsky.app/profile/alice.example' }));
    expect(doc.documentElement.localName).toBe('rsl');
    expect(Array.from(doc.querySelectorAll('*')).every((el) => el.namespaceURI === RSL_NAMESPACE)).toBe(true);
    expect(doc.querySelector('content')!.getAttribute('url')).toBe(URLS.contentUrl);
    expect(licenseFacts(doc.querySelector('license')!)).toEqual({
      'permits[usage]': ['ai-train'],
      'permits[user]': ['commercial', 'non-commercial'],
      'payment[purchase]': [],
      'legal[proof]': [],
      'legal[contact]': [],
    });
    expect(doc.querySelector('legal[type="proof"]')!.textContent).toBe(URLS.offerUrl);
    expect(doc.querySelector('legal[type="contact"]')!.textContent).toBe('https://bsky.app/profile/alice.example');
  });

  it('leaves out user and geo limits that do not limit, and says free plainly', () => {
    const doc = parse(toRslXml(valid({ users: [], geo: [], payment: 'free' }), URLS));
    expect(doc.querySelector('permits[type="user"], permits[type="geo"]')).toBeNull();
    expect(doc.querySelector('payment')!.getAttribute('type')).toBe('free');
    expect(doc.querySelector('payment')!.children).toHaveLength(0);
  });

  it('survives hostile strings: they come back as the same text, never as markup', () => {
    const credit = `</copyright><script>alert("x")</script> & 'Bob' <!-- ]]> --> &amp;`;
    const hostile = {
      contentUrl: 'https://x.example/p?a=1&b="2"><script>',
      offerUrl: "https://x.example/o/<1>'&",
      licensorUrl: 'https://x.example/"/>',
    };
    const terms = valid({ payment: 'attribution', attribution: { required: true, credit, url: 'https://x.example/?q=<&>' } });
    const doc = parse(toRslXml(terms, hostile));
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelectorAll('content')).toHaveLength(1);
    expect(doc.querySelector('copyright')!.textContent).toBe(credit);
    expect(doc.querySelector('copyright')!.getAttribute('contactUrl')).toBe('https://x.example/?q=<&>');
    expect(doc.querySelector('content')!.getAttribute('url')).toBe(hostile.contentUrl);
    expect(doc.querySelector('legal[type="proof"]')!.textContent).toBe(hostile.offerUrl);
    expect(doc.querySelector('legal[type="contact"]')!.textContent).toBe(hostile.licensorUrl);
  });

  it('refuses text XML cannot carry rather than write a broken document', () => {
    expect(() => toRslXml(defaultTerms(USDC), { ...URLS, contentUrl: 'https://x.example/\u0000' })).toThrow(RangeError);
  });
});

describe('readRslList', () => {
  it.each([
    ['ai-train search', ['ai-train', 'search']],
    ['ai-train,search', ['ai-train', 'search']],
    [' ai-train, search ,ai-input\n\tai-index ', ['ai-train', 'search', 'ai-input', 'ai-index']],
    ['', []],
    [' , ', []],
  ])('reads %j (RSL 1.0 spaces, 0.9 draft commas)', (s, tokens) => {
    expect(readRslList(s)).toEqual(tokens);
  });
});
