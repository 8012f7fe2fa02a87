// Build TypeScript entries for Node: vite in SSR mode (TypeScript compiled, npm packages left as imports),
// without the extension's config (no crx plugin, no dist/). Shared by the registry, buyer, stack and tool scripts.
import { resolve } from 'node:path';
import { build } from 'vite';

export const ROOT = resolve(import.meta.dirname, '..');

/**
 * @param {Record<string, string>} entries output name → source path (relative to the repo root)
 * @param {string} outDir output folder (relative to the repo root)
 * @param {{ empty?: boolean }} [opts] empty the folder first (default true)
 */
export async function buildForNode(entries, outDir, { empty = true } = {}) {
  await build({
    root: ROOT,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      ssr: true,
      target: 'node20',
      outDir: resolve(ROOT, outDir),
      emptyOutDir: empty,
      rollupOptions: {
        input: Object.fromEntries(Object.entries(entries).map(([name, src]) => [name, resolve(ROOT, src)])),
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  });
  return resolve(ROOT, outDir);
}
