import { newestFirst, sumBy, totals } from '../../core/earnings/totals';
import type { Sale } from '../../core/earnings/ledger';
import { isPlatform, PLATFORM_INFO } from '../../core/platform';
import type { EarningsStore } from '../../ext/earnings-items';

/** What the Earnings screen shows, for the network's token, computed from the stored ledger. */
export function earningsView(data: EarningsStore, token: string) {
  const sales: Sale[] = Object.values(data.ledger.sales).filter((s) => s.token.toLowerCase() === token.toLowerCase());
  const postKeyOf = (s: Sale) => data.postKeys[s.offerId.toLowerCase()] ?? null;
  const siteOf = (s: Sale) => {
    const platform = postKeyOf(s)?.split(':')[1];
    return isPlatform(platform) ? PLATFORM_INFO[platform].name : 'Other';
  };
  return {
    total: totals(sales).byToken[token.toLowerCase()] ?? '0',
    count: sales.length,
    bySite: sumBy(sales, token, siteOf),
    /** Offer id → sum; the post key when the offer is one of the stored posts. */
    topPosts: sumBy(sales, token, (s) => s.offerId.toLowerCase())
      .slice(0, 5)
      .map((p) => ({ ...p, postKey: data.postKeys[p.key] ?? null })),
    recent: newestFirst(sales).slice(0, 10),
    sales,
  };
}
