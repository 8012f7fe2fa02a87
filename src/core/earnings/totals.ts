import type { Sale } from './ledger';

export interface EarningsTotals {
  count: number;
  /** Token address (lowercase) → sum in base units, decimal string. */
  byToken: Record<string, string>;
}

function add(map: Record<string, bigint>, key: string, amount: string): void {
  map[key] = (map[key] ?? 0n) + BigInt(amount);
}

function asStrings(map: Record<string, bigint>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, v.toString()]));
}

export function totals(sales: readonly Sale[]): EarningsTotals {
  const byToken: Record<string, bigint> = {};
  for (const s of sales) add(byToken, s.token.toLowerCase(), s.amount);
  return { count: sales.length, byToken: asStrings(byToken) };
}

/** Sum of one token's sales grouped by `keyOf` (offer id, site, …), largest first. */
export function sumBy(sales: readonly Sale[], token: string, keyOf: (s: Sale) => string): { key: string; amount: string; count: number }[] {
  const sums: Record<string, bigint> = {};
  const counts: Record<string, number> = {};
  for (const s of sales) {
    if (s.token.toLowerCase() !== token.toLowerCase()) continue;
    const k = keyOf(s);
    add(sums, k, s.amount);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return Object.entries(sums)
    .sort(([, a], [, b]) => (a === b ? 0 : a > b ? -1 : 1))
    .map(([key, amount]) => ({ key, amount: amount.toString(), count: counts[key]! }));
}

/** UTC day of a Unix time, 'YYYY-MM-DD'. */
export const dayOf = (timestamp: number) => new Date(timestamp * 1000).toISOString().slice(0, 10);

/**
 * One token's earnings per UTC day for the `days` days ending on `today`, zeros included, oldest first:
 * what the chart draws.
 */
export function dailySeries(sales: readonly Sale[], token: string, days: number, today: number): { day: string; amount: string }[] {
  const sums: Record<string, bigint> = {};
  for (const s of sales) if (s.token.toLowerCase() === token.toLowerCase()) add(sums, dayOf(s.timestamp), s.amount);
  return Array.from({ length: days }, (_, i) => {
    const day = dayOf(today - (days - 1 - i) * 86_400);
    return { day, amount: (sums[day] ?? 0n).toString() };
  });
}

/** Newest first, ties by position in the block. */
export function newestFirst(sales: readonly Sale[]): Sale[] {
  return [...sales].sort((a, b) => b.blockNumber - a.blockNumber || b.logIndex - a.logIndex);
}
