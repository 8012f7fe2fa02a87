import { lazy, Suspense, useId, useState } from 'react';
import type { PostRecord } from '../../core/post';
import { postKey } from '../../ext/items';
import { handoff } from '../handoff';
import { useTermsSummary } from './use-terms-summary';

// The editor brings the terms form and its checks (viem): load it when a post's terms are opened, not with the list.
const PostTermsEditor = lazy(() => import('./post-terms-editor'));

/** "Terms" in a post's row: which terms the post is offered on, and a way to give it its own. */
export function PostTerms({ rec }: { rec: PostRecord }) {
  const [open, setOpen] = useState(() => handoff().termsOpen.has(postKey(rec.post.platform, rec.post.postId)));
  const id = useId();
  const summary = useTermsSummary(rec.terms);
  return (
    <div className="post-terms">
      <div className="post-terms-head">
        <button type="button" className="disclosure-button" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen(!open)}>
          Terms
        </button>
        <span className="small muted summary" title={summary}>
          {summary}
        </span>
      </div>
      {open && (
        <div id={`${id}-panel`} className="panel">
          <Suspense fallback={<p className="muted small">Loading…</p>}>
            <PostTermsEditor rec={rec} />
          </Suspense>
        </div>
      )}
    </div>
  );
}
