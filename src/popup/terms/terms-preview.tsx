import { explainTerms } from '../../core/terms/explain';
import type { FormResult } from './form-values';

/** The terms as sentences, as they stand in the form: what a person is agreeing to offer. */
export function TermsPreview({ result }: { result: FormResult }) {
  return (
    <section className="preview" aria-label="Summary of these terms">
      <h4>In plain words</h4>
      {result.ok ? (
        <ul>
          {explainTerms(result.value).map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">Fix the marked fields to see the summary.</p>
      )}
      {result.ok &&
        result.warnings.map((w) => (
          <p key={w.message} className="hint">
            {w.message}
          </p>
        ))}
    </section>
  );
}
