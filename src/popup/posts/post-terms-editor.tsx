import { useEffect, useState } from 'react';
import { PLATFORM_INFO } from '../../core/platform';
import type { PostRecord } from '../../core/post';
import { BusyButton } from '../busy-button';
import { ErrorNote } from '../field';
import { TermsForm } from '../terms/terms-form';
import { postAction, useTerms } from '../terms/terms-store';
import { explainJson } from '../terms/terms-summary';

/** Inside a post's "Terms": its own terms, or the site's, with the way to change which. */
export default function PostTermsEditor({ rec }: { rec: PostRecord }) {
  const { platform, postId } = rec.post;
  const action = postAction(platform, postId);
  const sites = useTerms((s) => s.sites);
  const load = useTerms((s) => s.load);
  const loadError = useTerms((s) => s.errors.load);
  const savePost = useTerms((s) => s.savePost);
  const pending = useTerms((s) => s.pending[action]);
  const error = useTerms((s) => s.errors[action]);
  const clear = useTerms((s) => s.clearError);
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => void load(), [load]);
  useEffect(() => () => clear(action), [action, clear]);

  const siteName = PLATFORM_INFO[platform].name;
  const siteTerms = sites?.[platform];
  const initial = rec.terms ?? siteTerms;

  if (editing) {
    if (!initial) return <p className="muted small">Reading your terms…</p>;
    return (
      <div className="stack">
        <p className="small">For this post only; your {siteName} terms stay as they are.</p>
        <TermsForm
        initial={initial}
        saveLabel="Save terms for this post"
        savedMessage="Saved."
        pending={pending}
        error={error}
        saveUnchanged={!rec.terms}
        onSave={async (terms) => {
          const ok = await savePost(platform, postId, terms);
          if (ok) {
            setEditing(false);
            setNote('Saved: this post has its own terms.');
          }
          return ok;
        }}
        onCancel={() => setEditing(false)}
        />
      </div>
    );
  }

  async function backToDefault() {
    if (await savePost(platform, postId, null)) setNote(`Saved: this post follows your ${siteName} terms again.`);
  }

  const sentences = rec.terms ? explainJson(rec.terms) : siteTerms ? explainJson(siteTerms) : [];
  return (
    <div className="stack">
      <p className="small">{rec.terms ? 'This post has its own terms:' : `This post follows your ${siteName} terms:`}</p>
      {sentences.length > 0 ? (
        <ul className="sentences small">
          {sentences.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      ) : loadError && !rec.terms ? (
        <ErrorNote message={`Could not read your terms: ${loadError}`} />
      ) : null}
      <ErrorNote message={error} />
      <div className="actions">
        <button type="button" onClick={() => {
            setNote(null);
            setEditing(true);
          }} disabled={pending}>
          {rec.terms ? 'Edit terms for this post' : 'Use different terms for this post'}
        </button>
        {rec.terms && (
          <BusyButton type="button" onClick={() => void backToDefault()} busy={pending} busyLabel="Saving…">
            Back to site default
          </BusyButton>
        )}
      </div>
      {note && (
        <p className="ok small" role="status">
          {note}
        </p>
      )}
    </div>
  );
}
