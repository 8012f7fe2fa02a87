import { describe, expect, it } from 'vitest';
import { saleKey, type Sale } from '../../core/earnings/ledger';
import type { EarningsStore } from '../../ext/earnings-items';
import { summarize } from './summary';

const T = '0x00000000000000000000000000000000000000C1';
const OTHER = '0x00000000000000000000000000000000000000c2';
const NOW = Date.UTC(2026, 10, 26, 12) / 1000;
const DAY = 86_400;

function sale(i: number, { offer = `0x${i}`, token = T, amount = '1000000', daysAgo = 0 } = {}): Sale {
  return { offerId: offer, buyer: '0xb', token, amount, blockNumber: i, blockHash: `0xh${i}`, txHash: `0xt${i}`, logIndex: 0, timestamp: NOW - daysAgo * DAY };
}

describe('summarize', () => {
  it('sums one token by site, by offer and by day, with the ten newest sales, whatever the ledger size', () => {
    const sales = [
      sale(1, { offer: '0xAA', daysAgo: 40 }),
      sale(2, { offer: '0xaa', daysAgo: 1 }),
      sale(3, { offer: '0xbb', amount: '500000' }),
      sale(4, { token: OTHER, amount: '9' }),
      ...Array.from({ length: 20 }, (_, i) => sale(10 + i, { offer: `0xc${i}`, amount: '1' })),
    ];
    const data: EarningsStore = { licensor: null, exchange: null, chain: null, lastSyncAt: null, error: null, seenCount: 0, ledger: { sales: Object.fromEntries(sales.map((s) => [saleKey(s), s])), syncedTo: 40, recent: [] }, postKeys: { '0xaa': 'post:x:1' } };
    const v = summarize(data, T, NOW);
    expect(v).toMatchObject({ token: T.toLowerCase(), total: '2500020', count: 23 });
    expect(v.bySite).toEqual([
      { key: 'X (Twitter)', amount: '2000000', count: 2 },
      { key: 'Other', amount: '500020', count: 21 },
    ]);
    expect(v.topPosts[0]).toEqual({ key: '0xaa', amount: '2000000', count: 2, postKey: 'post:x:1' });
    expect(v.topPosts).toHaveLength(5);
    expect(v.recent.map((s) => s.blockNumber)).toEqual([29, 28, 27, 26, 25, 24, 23, 22, 21, 20]);
    // The 40-day-old sale is outside the chart's days.
    expect(v.byDay).toEqual({ '2026-11-25': '1000000', '2026-11-26': '500020' });
  });
});
