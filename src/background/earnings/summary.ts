import { dayOf, newestFirst, sumBy, totals } from '../../core/earnings/totals';
import type { Sale } from '../../core/earnings/ledger';
import { isPlatform, PLATFORM_INFO } from '../../core/platform';
import type { EarningsStore, EarningsSummary } from '../../ext/earnings-items';

/** Days of per-day sums kept for the chart (it draws 30, ending today). */
const DAYS = 31;

/**
 * What the Earnings view shows, for the network's token, computed here from the whole ledger so the popup
 * reads a few kilobytes however many sales there are.
 */
export function summarize(data: EarningsStore, token: string, now = Math.floor(Date.now() / 1000)): EarningsSummary {
  const t = token.toLowerCase();
  const sales: Sale[] = Object.values(data.ledger.sales).filter((s) => s.token.toLowerCase() === t);
  const postKeyOf = (s: Sale) => data.postKeys[s.offerId.toLowerCase()] ?? null;
  const siteOf = (s: Sale) => {
    const platform = postKeyOf(s)?.split(':')[1];
    return isPlatform(platform) ? PLATFORM_INFO[platform].name : 'Other';
  };
  const since = now - DAYS * 86_400;
  const byDay: Record<string, bigint> = {};
  for (const s of sales) if (s.timestamp > since) byDay[dayOf(s.timestamp)] = (byDay[dayOf(s.timestamp)] ?? 0n) + BigInt(s.amount);
  return {
    token: t,
    total: totals(sales).byToken[t] ?? '0',
    count: sales.length,
    bySite: sumBy(sales, t, siteOf),
    topPosts: sumBy(sales, t, (s) => s.offerId.toLowerCase())
      .slice(0, 5)
      .map((p) => ({ ...p, postKey: data.postKeys[p.key] ?? null })),
    recent: newestFirst(sales).slice(0, 10),
    byDay: Object.fromEntries(Object.entries(byDay).map(([d, a]) => [d, a.toString()])),
  };
}
