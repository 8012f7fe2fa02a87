import { PLATFORM_INFO } from '../core/platform';
import type { PostRecord } from '../core/post';
import { excerpt } from './post-list';
import { consentButton, consentChip, formatTime } from './post-view';
import { OfferState } from './posts/offer-state';
import { PostTerms } from './posts/post-terms';
import { usePopup } from './store';

export function PostItem({ rec }: { rec: PostRecord }) {
  const setConsent = usePopup((s) => s.setConsent);
  const { post, consent } = rec;
  const on = consent.state === 'in';
  return (
    // first-screen-view.ts draws the same row without React: change both together (first-screen.test.ts compares them).
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
        <span className={on ? 'chip on' : 'chip'}>{consentChip(rec)}</span>
        <button type="button" onClick={() => void setConsent(rec, !on)}>
          {consentButton(rec)}
        </button>
      </div>
      <OfferState offer={rec.offer} />
      <PostTerms rec={rec} />
    </li>
  );
}
