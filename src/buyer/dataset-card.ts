import type { StateOffer } from './state';

export interface DatasetCardParameters {
  rows: StateOffer[];
  chainId: number;
  exchange: string;
  buyer: string;
  /** Lines whose `text` is null: the card says how to fill them. */
  missingText: number;
}

const yamlString = (s: string) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar

/**
 * A Hugging Face dataset card (README.md) for the bought posts: YAML front matter the Hub reads, then the terms
 * each post was licensed under, grouped by terms hash, and what attribution they require.
 */
export function datasetCard({ rows, chainId, exchange, buyer, missingText }: DatasetCardParameters): string {
  const byTerms = new Map<string, { terms: StateOffer['terms']; count: number }>();
  for (const r of rows) {
    const t = byTerms.get(r.terms.hash) ?? { terms: r.terms, count: 0 };
    t.count++;
    byTerms.set(r.terms.hash, t);
  }
  const front = [
    '---',
    'license: other',
    `license_name: ${yamlString('consentry-per-post')}`,
    `license_link: ${yamlString('README.md#licence-terms')}`,
    `pretty_name: ${yamlString('Consentry licensed posts')}`,
    'task_categories:',
    '  - text-generation',
    'configs:',
    '  - config_name: default',
    '    data_files: data.jsonl',
    '---',
  ];
  const terms = [...byTerms].flatMap(([hash, { terms: t, count }]) => [
    `### Terms ${hash} (${count} post${count === 1 ? '' : 's'})`,
    '',
    ...(t.summary.length ? t.summary.map((s) => `- ${s}`) : ['- (no summary served)']),
    `- Permits: ${t.permits.join(', ') || 'nothing'}; prohibits: ${t.prohibits.join(', ') || 'nothing'}; users: ${t.users.join(', ') || 'anyone'}; geo: ${t.geo.join(', ') || 'worldwide'}.`,
    `- Licence duration: ${t.licenseDuration === '0' ? 'perpetual' : `${t.licenseDuration} seconds from purchase`}.`,
    `- Attribution: ${t.attribution.required ? `required — credit "${t.attribution.credit ?? 'the author'}"${t.attribution.url ? ` linking to ${t.attribution.url}` : ''}` : 'not required'}.`,
    '',
  ]);
  const attributed = [...byTerms.values()].filter((t) => t.terms.attribution.required).reduce((n, t) => n + t.count, 0);
  return [
    ...front,
    '',
    '# Consentry licensed posts',
    '',
    `Social media posts whose authors offered them for licensing through Consentry, each bought by ${buyer} on`,
    `chain ${chainId} through the LicenseExchange contract ${exchange}. Every line of \`data.jsonl\` is one post with`,
    'its licence: `offer_id` (the signed offer), `licensor` (who was paid), `tx_hash` (the purchase transaction),',
    'and `terms`, the exact terms signed for it. The licence is per post: use each post only as its terms allow.',
    '',
    '## Post texts',
    '',
    missingText === 0
      ? 'Every line carries its post text and media URLs as the licensor published them with the offer; the buyer checked before paying that they hash to `content_hash` (Consentry\'s content hash, src/core/content-hash.ts), which the licensor signed.'
      : `${missingText} of ${rows.length} lines have \`text: null\`: their licensor published the offer (URL, platform, post id and a content hash) without the post's text. Fetch each text from its \`url\` and keep it only if it matches \`content_hash\` (Consentry's content hash, src/core/content-hash.ts); a post edited since it was offered is not the post that was licensed.`,
    '',
    '## Licence terms',
    '',
    ...terms,
    '## Attribution',
    '',
    attributed === 0
      ? 'None of these posts requires attribution.'
      : `${attributed} post(s) require attribution: credit them as their terms above say wherever the terms require it.`,
    '',
  ].join('\n');
}
