import { formatDisplayAmount } from './amount';
import type { Terms } from './terms';
import { isUsdStablecoin } from './vocabulary';

/** RSL 1.0's namespace, which MUST be the default namespace of `<rsl>` (RSL 1.0 §2.2). */
export const RSL_NAMESPACE = 'https://rslstandard.org/rsl';
/** The media type of an RSL document, for `Link` headers and `<link type>` (RSL 1.0 §2). */
export const RSL_MEDIA_TYPE = 'application/rsl+xml';
/**
 * `<accepts type>` names the payment protocol by media type (RSL 1.0 §3.11; x402 is
 * `application/x402+json`). Ours is a signed offer settled on chain, so a vendor type of our own.
 */
export const CONSENTRY_OFFER_MEDIA_TYPE = 'application/vnd.consentry.offer+json';

export interface ToRslXmlParameters {
  /** The post's canonical URL: `<content url>`. */
  contentUrl: string;
  /** The signed offer (or its receipt): `<custom>`, `<legal type="proof">` and the `<accepts>` data. */
  offerUrl: string;
  /** How to reach the licensor: `<legal type="contact">`. */
  licensorUrl?: string;
}

// XML 1.0 Char production: no C0 controls but tab/LF/CR, no lone surrogates, no U+FFFE/U+FFFF.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes element text (`>` too, so `]]>` never appears); refuses characters XML cannot carry at all. */
function text(s: string): string {
  if (NOT_XML_CHAR.test(s)) throw new RangeError('Text contains a character XML cannot carry.');
  return s.replace(/[&<>]/g, (c) => ENTITIES[c] ?? c);
}

/** Escapes an attribute value for either quote style. */
function attr(s: string): string {
  return text(s).replace(/["']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * The post's licence as an RSL 1.0 document (media type `application/rsl+xml`), one `<content>` with
 * one `<license>`. User and geo `<permits>` appear only when they narrow the licence. A purchase carries
 * `<custom>` (where to buy), an `<amount currency="USD">` only for a USD stablecoin (the attribute takes
 * ISO 4217 codes only), and the exact token price in `<accepts>` (RSL 1.0 §3.7–3.11).
 * @example toRslXml(terms, { contentUrl: 'https://bsky.app/profile/alice/post/1', offerUrl })
 */
export function toRslXml(terms: Terms, { contentUrl, offerUrl, licensorUrl }: ToRslXmlParameters): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<rsl xmlns="${RSL_NAMESPACE}">`];
  lines.push(`  <content url="${attr(contentUrl)}">`, '    <license>');
  const list = (tag: string, type: string, items: readonly string[]) => {
    if (items.length > 0) lines.push(`      <${tag} type="${type}">${text(items.join(' '))}</${tag}>`);
  };
  // Usage is written out token by token: `ai-all` would also license AI uses RSL names later.
  list('permits', 'usage', terms.permits);
  list('permits', 'user', terms.users);
  list('permits', 'geo', terms.geo);
  list('prohibits', 'usage', terms.prohibits);
  lines.push(...payment(terms, offerUrl));
  lines.push(`      <legal type="proof">${text(offerUrl)}</legal>`);
  if (licensorUrl) lines.push(`      <legal type="contact">${text(licensorUrl)}</legal>`);
  lines.push('    </license>');
  const { credit, url } = terms.attribution;
  if (credit) {
    // The credit line names the rights holder as they want to be credited.
    const contact = url ?? licensorUrl;
    const contactUrl = contact ? ` contactUrl="${attr(contact)}"` : '';
    lines.push(`    <copyright type="person"${contactUrl}>${text(credit)}</copyright>`);
  }
  lines.push('  </content>', '</rsl>');
  return `${lines.join('\n')}\n`;
}

function payment({ payment: type, price }: Terms, offerUrl: string): string[] {
  // No <payment> also means free; we say it, so a reader never wonders whether it was left out.
  if (type !== 'purchase') return [`      <payment type="${type}"/>`];
  const display = formatDisplayAmount(price.amount, price.decimals);
  // The data a buyer's agent needs to pay without reading our page: CAIP-2 network, token, base units.
  const accepts = JSON.stringify({
    amount: price.amount.toString(),
    asset: price.token.toLowerCase(),
    decimals: price.decimals,
    network: `eip155:${price.chainId}`,
    offer: offerUrl,
    symbol: price.symbol,
  });
  return [
    '      <payment type="purchase">',
    `        <custom>${text(offerUrl)}</custom>`,
    ...(isUsdStablecoin(price.symbol) ? [`        <amount currency="USD">${display}</amount>`] : []),
    `        <accepts type="${CONSENTRY_OFFER_MEDIA_TYPE}">${text(accepts)}</accepts>`,
    '      </payment>',
  ];
}

/**
 * An RSL token list as tokens. RSL 1.0 separates with spaces; the 0.9 draft used commas, and
 * documents written for it are still served, so both (and any mix) are read.
 * @example readRslList('ai-train, search') // ['ai-train', 'search']
 */
export function readRslList(s: string): string[] {
  return s.split(/[\s,]+/).filter((token) => token !== '');
}
