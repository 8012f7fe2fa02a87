import { crx } from '@crxjs/vite-plugin';
import react from '@vitejs/plugin-react';
import { build, defineConfig, type Plugin, type Rolldown } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

/**
 * A service worker may not `import()` at run time, and viem loads a few modules lazily (secp256k1 for
 * signature recovery, the CCIP helper). Turn those into static imports so the worker can sign and verify.
 */
function viemStaticImports(): Plugin {
  return {
    name: 'consentry:viem-static-imports',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('/node_modules/viem/') || !code.includes('import(')) return null;
      const imports: string[] = [];
      const out = code.replace(/\bimport\((['"])([^'"]+)\1\)/g, (_m, _q, spec: string) => {
        const name = `__viemStatic${imports.length}`;
        imports.push(`import * as ${name} from '${spec}';`);
        return `Promise.resolve(${name})`;
      });
      return { code: `${imports.join('\n')}\n${out}`, map: null };
    },
  };
}

/**
 * The popup's first script (src/popup/first-screen-script.ts) as one classic script with everything it uses
 * inside, written to dist/src/popup/first-screen.js (index.html loads it before React's module): the first
 * screen then waits for one fetch instead of a module and the chunks it imports, each a round trip through
 * the extension's protocol. It shares no module with React's bundle; the two meet at src/popup/early-bridge.ts.
 */
function firstScreenScript(): Plugin {
  const entry = 'src/popup/first-screen-script.ts';
  return {
    name: 'consentry:first-screen-script',
    apply: 'build',
    async generateBundle() {
      const out = (await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          write: false,
          target: 'chrome120',
          minify: true,
          rollupOptions: { input: entry, output: { format: 'iife', entryFileNames: 'first-screen.js' } },
        },
      })) as Rolldown.RolldownOutput;
      const chunk = out.output.find((o): o is Rolldown.OutputChunk => o.type === 'chunk' && o.isEntry)!;
      for (const id of chunk.moduleIds) if (!id.includes('/node_modules/') && !id.startsWith('\0')) this.addWatchFile(id);
      this.emitFile({ type: 'asset', fileName: 'src/popup/first-screen.js', source: chunk.code });
    },
  };
}

/**
 * The popup's styles inline in its page instead of a stylesheet link: one fetch fewer before the first screen,
 * and its script does not wait for a stylesheet to load before it runs. (Extension pages' CSP limits scripts,
 * not styles.)
 */
function inlinePopupCss(): Plugin {
  return {
    name: 'consentry:inline-popup-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        return html.replace(/<link rel="stylesheet"[^>]*? href="\/([^"]+\.css)"[^>]*>/g, (tag, file: string) => {
          const asset = bundle[file];
          if (asset?.type !== 'asset') return tag;
          delete bundle[file];
          return `<style>${String(asset.source).trim()}</style>`;
        });
      },
    },
  };
}

export default defineConfig({
  plugins: [viemStaticImports(), react(), crx({ manifest }), firstScreenScript(), inlinePopupCss()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome120',
    // Vite's preload helper touches `window` and `document`, which a service worker has not: viem's dynamic
    // imports in the background would throw. Chunks load fine without it.
    modulePreload: false,
  },
  server: { port: 5173, strictPort: true },
});
