// The popup's first script: a classic script built on its own into one file with no imports (see
// firstScreenScript in vite.config.ts), so the first screen waits for one fetch, not a chain of module
// imports. It draws the first screen; React (main.tsx) loads once it is painted and takes over.
import { startPopup } from './early-load';

startPopup(document.getElementById('root')!);
