// The popup's first script: a classic script built on its own into one file with no imports (see
// firstScreenScript in vite.config.ts), so the first screen waits for one fetch, not a chain of module
// imports. It runs from the page's head, first: the storage read starts before the body is even parsed. It
// draws the first screen; React (main.tsx) loads once it is painted and takes over.
import { startPopup } from './early-load';

/** The page's #root, once the parser has reached it. */
function root(): Promise<HTMLElement> {
  return new Promise((resolve) => {
    const found = () => document.getElementById('root');
    const now = found();
    if (now) return resolve(now);
    // 'interactive': the whole page is parsed (before deferred scripts such as React's module run).
    document.addEventListener('readystatechange', () => resolve(found()!), { once: true });
  });
}

startPopup(root());
