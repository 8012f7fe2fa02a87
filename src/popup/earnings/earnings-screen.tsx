import { useEffect } from 'react';
import { formatTokenAmount, shortHex } from '../../core/earnings/format';
import { BusyButton } from '../busy-button';
import { ErrorNote } from '../field';
import { useNetwork } from '../settings/network-store';
import { usePopup } from '../store';
import { EarningsChart } from './earnings-chart';
import { useEarnings } from './earnings-store';
import { WithdrawForm } from './withdraw-form';

/** What the user's posts have earned: totals, where from, recent sales, and a way to move the money. */
export default function EarningsScreen() {
  const open = useEarnings((s) => s.open);
  const data = useEarnings((s) => s.data);
  const loaded = useEarnings((s) => s.loaded);
  const sync = useEarnings((s) => s.sync);
  const syncing = useEarnings((s) => s.pending.sync);
  const syncError = useEarnings((s) => s.errors.sync);
  const network = useNetwork((s) => s.settings);
  const loadNetwork = useNetwork((s) => s.load);
  useEffect(() => open(), [open]);
  useEffect(() => void loadNetwork(), [loadNetwork]);

  if (!network || !loaded) return <p className="muted">Loading…</p>;
  const { symbol, decimals, address: token } = network.token;
  // Summed by the background for the network's token; another token's summary waits for the sync the view starts.
  const v = data.summary?.token === token.toLowerCase() ? data.summary : { total: '0', count: 0, bySite: [], topPosts: [], recent: [], byDay: {} };
  const money = (amount: string) => `${formatTokenAmount(amount, decimals)} ${symbol}`;
  const error = data.error ?? syncError;

  return (
    <section aria-labelledby="earnings-h" className="stack">
      <h2 id="earnings-h">Earnings</h2>
      <p className="earnings-total">
        <strong data-testid="earnings-total">{money(v.total)}</strong> <span className="muted">from {v.count} {v.count === 1 ? 'sale' : 'sales'}</span>
      </p>
      <p className="muted small">
        {data.lastSyncAt ? `Last synced ${new Date(data.lastSyncAt).toLocaleString()}` : 'Not synced yet'}
      </p>
      <ErrorNote message={error ?? undefined} />
      <div className="actions">
        <BusyButton type="button" busy={syncing} busyLabel="Syncing…" onClick={() => void sync()}>
          Sync now
        </BusyButton>
      </div>
      {v.count > 0 && (
        <>
          <EarningsChart byDay={v.byDay} decimals={decimals} symbol={symbol} />
          <h3>By site</h3>
          <ul aria-label="Earnings by site">
            {v.bySite.map((s) => (
              <li key={s.key}>
                {s.key}: {money(s.amount)}
              </li>
            ))}
          </ul>
          <TopPosts posts={v.topPosts} money={money} />
          <h3>Recent sales</h3>
          <ul aria-label="Recent sales">
            {v.recent.map((s) => (
              <li key={`${s.txHash}:${s.logIndex}`}>
                {money(s.amount)} from <code title={s.buyer}>{shortHex(s.buyer)}</code>, {new Date(s.timestamp * 1000).toLocaleString()}, tx{' '}
                <code title={s.txHash}>{shortHex(s.txHash, 6)}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      <WithdrawForm symbol={symbol} />
    </section>
  );
}

function TopPosts({ posts, money }: { posts: { key: string; amount: string; count: number; postKey: string | null }[]; money: (a: string) => string }) {
  const records = usePopup((s) => s.records);
  const ensure = usePopup((s) => s.ensureRecords);
  // A string, so the effect runs when the set of posts changes, not on every render's new array.
  const keys = posts.flatMap((p) => (p.postKey ? [p.postKey] : [])).join('\n');
  useEffect(() => ensure(keys ? keys.split('\n') : []), [ensure, keys]);
  return (
    <>
      <h3>Top posts</h3>
      <ol aria-label="Top posts">
        {posts.map((p) => {
          const rec = p.postKey ? records.get(p.postKey) : undefined;
          const label = rec ? rec.post.text.slice(0, 60) || rec.post.url : `Offer ${shortHex(p.key, 6)}`;
          return (
            <li key={p.key}>
              {rec ? (
                <a href={rec.post.url} target="_blank" rel="noreferrer">
                  {label}
                </a>
              ) : (
                label
              )}{' '}
              — {money(p.amount)} ({p.count} {p.count === 1 ? 'sale' : 'sales'})
            </li>
          );
        })}
      </ol>
    </>
  );
}
