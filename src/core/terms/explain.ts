import { formatDisplayAmount } from './amount';
import { countryName } from './countries';
import type { Terms } from './terms';
import { AI_USAGES, isUsdStablecoin, USAGES, type Usage, type UserClass } from './vocabulary';

// What a use lets someone do, said to the person licensing (RSL 1.0 §3.4.1.1 meanings, plainly).
const ALLOWED: Record<Usage, string> = {
  'ai-train': 'train models on this post',
  'ai-input': 'use this post to answer questions in real time',
  'ai-index': 'keep this post in their AI search index',
  search: 'list this post in search results, with a link',
};
const REFUSED: Record<Usage, string> = {
  'ai-train': 'training AI models on this post',
  'ai-input': 'using this post to answer questions in real time',
  'ai-index': 'keeping this post in an AI search index',
  search: 'listing this post in search results',
};
const UNITS: [bigint, string][] = [
  [31_536_000n, 'year'],
  [86_400n, 'day'],
  [3_600n, 'hour'],
  [60n, 'minute'],
  [1n, 'second'],
];

/**
 * The terms as short plain-language sentences, in the order a person reads a licence: what is
 * allowed and for how much, what is not, where, how long, and credit.
 * @example
 * explainTerms(defaultTerms(usdc))
 * // ['AI companies may train models on this post — commercial use allowed — $0.02 per post',
 * //  'Not allowed: using this post to answer questions in real time (ai-input)', …,
 * //  'Anywhere in the world', 'Licence never expires', 'No credit required']
 */
export function explainTerms(terms: Terms): string[] {
  const refused = USAGES.filter((use) => !terms.permits.includes(use) || terms.prohibits.includes(use));
  const allowed = USAGES.filter((use) => !refused.includes(use));
  const out: string[] = [];
  if (allowed.length > 0) out.push([whoMay(allowed), whoUses(terms.users), cost(terms)].join(' — '));
  for (const use of refused) out.push(`Not allowed: ${REFUSED[use]} (${use})`);
  out.push(terms.geo.length === 0 ? 'Anywhere in the world' : `Only in: ${terms.geo.map(countryName).join(', ')}`);
  out.push(duration(terms.licenseDuration));
  out.push(credit(terms));
  return out;
}

function whoMay(allowed: readonly Usage[]): string {
  const ai = allowed.filter((use) => (AI_USAGES as readonly Usage[]).includes(use)).map((use) => ALLOWED[use]);
  const parts: string[] = [];
  if (ai.length > 0) parts.push(`AI companies may ${listOf(ai)}`);
  if (allowed.includes('search')) parts.push(`search engines may ${ALLOWED.search}`);
  const sentence = parts.join('; ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function whoUses(users: readonly UserClass[]): string {
  if (users.length === 0 || (users.includes('commercial') && users.includes('non-commercial'))) {
    return 'commercial use allowed';
  }
  return `only for ${listOf(users)} use`;
}

function cost({ payment, price }: Terms): string {
  if (payment === 'free') return 'free';
  if (payment === 'attribution') return 'free with credit';
  const amount = formatDisplayAmount(price.amount, price.decimals);
  if (!isUsdStablecoin(price.symbol)) return `${amount} ${price.symbol} per post`;
  // Money reads as cents: $0.50, not $0.5 (but $0.015 keeps its third digit).
  const [whole, fraction = ''] = amount.split('.');
  return `$${whole}.${fraction.padEnd(2, '0')} per post`;
}

function duration(seconds: bigint): string {
  if (seconds <= 0n) return 'Licence never expires';
  const [size, unit] = UNITS.find(([s]) => seconds % s === 0n) ?? [1n, 'second'];
  const count = seconds / size;
  return `Licence lasts ${count} ${unit}${count === 1n ? '' : 's'}`;
}

function credit({ attribution: a }: Terms): string {
  if (!a.required) return 'No credit required';
  if (a.credit && a.url) return `Credit required: “${a.credit}”, linking to ${a.url}`;
  if (a.credit) return `Credit required: “${a.credit}”`;
  if (a.url) return `Credit required, linking to ${a.url}`;
  return 'Credit required';
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
