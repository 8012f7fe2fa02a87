// The popup's first script: a classic script built on its own into one file with no imports (see
// firstScreenScript in vite.config.ts), so the first screen waits for one fetch, not a chain of module
// imports. It runs from the page's head, first: the storage read starts before the body is even parsed. It
// draws the first screen, then loads React (main.tsx, named by the page's <meta name="consentry-ui">, see
// deferPopupUi in vite.config.ts), which takes over.
import { startPopup } from './early-load';

/** The page's #root, once the parser has reached it. */
function root(): Promise<HTMLElement> {
  return new Promise((resolve) => {
    const found = () => document.getElementById('root');
    const now = found();
    if (now) return resolve(now);
    // 'interactive': the whole page is parsed.
    document.addEventListener('readystatechange', () => resolve(found()!), { once: true });
  });
}

const rootElement = root();
let uiMayLoad = Promise.resolve();
try {
  uiMayLoad = startPopup(rootElement).uiMayLoad;
} catch (e) {
  console.error('Consentry: could not start the first screen', e); // React draws it, and says what went wrong
}
// Once the page is parsed (its meta comes after this script) and the first screen painted.
void Promise.all([rootElement, uiMayLoad]).then(() => {
  const ui = document.querySelector<HTMLMetaElement>('meta[name="consentry-ui"]')?.content;
  if (ui) return import(/* @vite-ignore */ ui);
});
