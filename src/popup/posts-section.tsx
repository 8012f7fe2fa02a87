import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { PLATFORM_INFO } from '../core/platform';
import { matchingKeys } from './post-list';
import { PostItem } from './post-item';
import { handoff } from './handoff';
import { NO_LICENSED, showMore } from './post-view';
import { OutboxBanner } from './posts/outbox-banner';
import { FIRST_PAGE, usePopup } from './store';

export function PostsSection() {
  const index = usePopup((s) => s.index);
  const records = usePopup((s) => s.records);
  const allLoaded = usePopup((s) => s.allLoaded);
  const query = usePopup((s) => s.query);
  const filter = usePopup((s) => s.filter);
  const setQuery = usePopup((s) => s.setQuery);
  const setFilter = usePopup((s) => s.setFilter);
  const ensureRecords = usePopup((s) => s.ensureRecords);
  const [shown, setShown] = useState(() => FIRST_PAGE * (1 + handoff().more));
  const deferredQuery = useDeferredValue(query);
  const keys = useMemo(
    () => matchingKeys(index, records, allLoaded, deferredQuery, filter),
    [index, records, allLoaded, deferredQuery, filter],
  );
  const licensed = useMemo(() => index.filter((e) => e.state === 'in').length, [index]);
  const page = useMemo(() => keys?.slice(0, shown) ?? [], [keys, shown]);
  useEffect(() => ensureRecords(page), [page, ensureRecords]);

  if (index.length === 0) {
    return (
      <section aria-labelledby="posts-h" className="empty">
        <h2 id="posts-h">Your posts</h2>
        <p>No posts yet.</p>
        <p className="muted">
          Open {Object.values(PLATFORM_INFO).map((p) => p.name).join(' or ')} while logged in. Your own posts get a small{' '}
          <strong>License</strong> button; click it on any post you are happy for AI to learn from. It shows up here, and you can
          change your mind at any time.
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="posts-h">
      <h2 id="posts-h">
        Your posts <span className="muted small">({licensed} licensed)</span>
      </h2>
      <OutboxBanner />
      <div className="toolbar">
        <input
          type="search"
          placeholder="Search your posts"
          aria-label="Search your posts"
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setShown(FIRST_PAGE);
          }}
        />
        <select aria-label="Which posts" value={filter} onChange={(e) => setFilter(e.currentTarget.value as 'in' | 'all')}>
          <option value="in">Licensed</option>
          <option value="all">All, withdrawn too</option>
        </select>
      </div>
      {keys === null ? (
        <p className="muted">Reading your posts to search them…</p>
      ) : keys.length === 0 ? (
        <p className="muted">{query ? 'No post matches.' : NO_LICENSED}</p>
      ) : (
        <ul className="posts" aria-label="Posts">
          {page.map((key) => {
            const rec = records.get(key);
            return rec ? <PostItem key={key} rec={rec} /> : <li key={key} className="post muted" aria-busy="true">Loading…</li>;
          })}
        </ul>
      )}
      {keys && keys.length > shown && (
        <button type="button" className="more" onClick={() => setShown((n) => n + FIRST_PAGE)}>
          {showMore(keys.length - shown)}
        </button>
      )}
    </section>
  );
}
