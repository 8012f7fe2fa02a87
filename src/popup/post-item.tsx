import { optedInAt } from '../core/consent';
import { PLATFORM_INFO } from '../core/platform';
import type { PostRecord } from '../core/post';
import { excerpt } from './post-list';
import { OfferState } from './posts/offer-state';
import { PostTerms } from './posts/post-terms';
import { usePopup } from './store';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function formatTime(iso: string | null): string {
  if (!iso) return 'time unknown';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 'time unknown' : dateFormat.format(t);
}

export function PostItem({ rec }: { rec: PostRecord }) {
  const setConsent = usePopup((s) => s.setConsent);
  const { post, consent } = rec;
  const on = consent.state === 'in';
  const since = optedInAt(consent);
  return (
    <li className="post" data-state={consent.state}>
      {/* Post text is rendered as text, never as HTML. */}
      <p className="text" dir="auto">
        {excerpt(post.text)}
      </p>
      <div className="meta small">
        <span>{PLATFORM_INFO[post.platform].name}</span>
        <time dateTime={post.createdAt ?? undefined}>{formatTime(post.createdAt)}</time>
        <a href={post.url} target="_blank" rel="noopener noreferrer">
          Open post
        </a>
      </div>
      <div className="row">
        <span className={on ? 'chip on' : 'chip'}>
          {on ? `Licensed${since ? ` since ${formatTime(since)}` : ''}` : 'Withdrawn'}
          {post.truncated ? ' · text incomplete: open the post to capture all of it' : ''}
        </span>
        <button type="button" onClick={() => void setConsent(rec, !on)}>
          {on ? 'Opt out' : 'Opt in again'}
        </button>
      </div>
      <OfferState offer={rec.offer} />
      <PostTerms rec={rec} />
    </li>
  );
}
