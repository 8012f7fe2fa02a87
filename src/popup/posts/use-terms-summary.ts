import { useEffect, useState } from 'react';
import type { TermsJson } from '../../core/terms/terms-json';

type Summarise = (own: TermsJson | undefined) => string;

let summarise: Summarise | null = null;
let loading: Promise<Summarise> | null = null;

// Most rows follow the site default; the sentence-writing code (explain, country names) loads only once a
// row with its own terms is shown. Keeping it off the first screen's module graph measurably speeds up
// the popup's first render (~20 ms with 10,000 posts).
function load(): Promise<Summarise> {
  loading ??= import('../terms/terms-summary').then((m) => (summarise = m.postTermsSummary));
  return loading;
}

/** "Site default", or the first sentence of a post's own terms (briefly "Own terms" while that code loads). */
export function useTermsSummary(own: TermsJson | undefined): string {
  const [, setLoaded] = useState(summarise !== null);
  useEffect(() => {
    if (!own || summarise) return;
    let live = true;
    void load().then(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [own]);
  if (!own) return 'Site default';
  return summarise ? summarise(own) : 'Own terms';
}
