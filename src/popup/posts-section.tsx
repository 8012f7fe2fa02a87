import { useDeferredValue, useMemo, useState } from 'react';
import { PLATFORM_INFO } from '../core/platform';
import { filterRows, toRows } from './post-list';
import { PostItem } from './post-item';
import { usePopup } from './store';

const PAGE = 50;

export function PostsSection() {
  const posts = usePopup((s) => s.posts);
  const query = usePopup((s) => s.query);
  const filter = usePopup((s) => s.filter);
  const setQuery = usePopup((s) => s.setQuery);
  const setFilter = usePopup((s) => s.setFilter);
  const [shown, setShown] = useState(PAGE);
  const rows = useMemo(() => toRows(posts), [posts]);
  const deferredQuery = useDeferredValue(query);
  const visible = useMemo(() => filterRows(rows, deferredQuery, filter), [rows, deferredQuery, filter]);
  const licensed = useMemo(() => rows.filter((r) => r.rec.consent.state === 'in').length, [rows]);

  if (rows.length === 0) {
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
      <div className="toolbar">
        <input
          type="search"
          placeholder="Search your posts"
          aria-label="Search your posts"
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setShown(PAGE);
          }}
        />
        <select aria-label="Which posts" value={filter} onChange={(e) => setFilter(e.currentTarget.value as 'in' | 'all')}>
          <option value="in">Licensed</option>
          <option value="all">All, withdrawn too</option>
        </select>
      </div>
      {visible.length === 0 ? (
        <p className="muted">No post matches.</p>
      ) : (
        <ul className="posts" aria-label="Posts">
          {visible.slice(0, shown).map((r) => (
            <PostItem key={r.key} rec={r.rec} />
          ))}
        </ul>
      )}
      {visible.length > shown && (
        <button type="button" className="more" onClick={() => setShown((n) => n + PAGE)}>
          Show more ({visible.length - shown} left)
        </button>
      )}
    </section>
  );
}
