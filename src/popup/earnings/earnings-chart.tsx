import { dayOf } from '../../core/earnings/totals';
import { formatTokenAmount } from '../../core/earnings/format';

const DAYS = 30;
const W = 300;
const H = 60;

/** Earnings per day over the last 30 days, as bars: drawn inline, no chart library for one small picture. */
export function EarningsChart({ byDay, decimals, symbol }: { byDay: Record<string, string>; decimals: number; symbol: string }) {
  const today = Math.floor(Date.now() / 1000);
  const series = Array.from({ length: DAYS }, (_, i) => {
    const day = dayOf(today - (DAYS - 1 - i) * 86_400);
    return { day, amount: byDay[day] ?? '0' };
  });
  const max = series.reduce((m, d) => (BigInt(d.amount) > m ? BigInt(d.amount) : m), 0n);
  const bar = W / DAYS;
  return (
    <figure className="earnings-chart">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" height={H} role="img" aria-label={`Earnings per day, last ${DAYS} days`}>
        <line x1={0} y1={H - 0.5} x2={W} y2={H - 0.5} stroke="currentColor" strokeOpacity={0.3} />
        {series.map((d, i) => {
          // Scale in bigint to stay exact, then to a pixel height; a day with any sale shows at least 2 px.
          const h = max === 0n || d.amount === '0' ? 0 : Math.max(2, Number((BigInt(d.amount) * BigInt(H - 4)) / max));
          return (
            <rect key={d.day} x={i * bar + 1} y={H - h} width={bar - 2} height={h} fill="#1a7f37">
              <title>{`${d.day}: ${formatTokenAmount(d.amount, decimals)} ${symbol}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="muted small">Last {DAYS} days</figcaption>
    </figure>
  );
}
