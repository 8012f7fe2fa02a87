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
 * inside, written to dist/src/popup/first-screen.js (index.html loads it; it loads React's module): the first
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

/**
 * React's module is not fetched with the popup page: it would share the start with the first-screen script
 * (each fetch goes through the browser's UI thread). Its script tag becomes `<meta name="consentry-ui">`
 * naming it, and the first-screen script imports it once the first screen is painted.
 */
function deferPopupUi(): Plugin {
  return {
    name: 'consentry:defer-popup-ui',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const tags = html.match(/<script type="module"[^>]*? src="[^"]+"><\/script>/g) ?? [];
        if (tags.length !== 1) throw new Error(`consentry:defer-popup-ui: expected one module script in the popup page, found ${tags.length}`);
        const src = /src="([^"]+)"/.exec(tags[0]!)![1]!;
        return html.replace(tags[0]!, `<meta name="consentry-ui" content="${src}">`);
      },
    },
  };
}

export default defineConfig({
  plugins: [viemStaticImports(), react(), crx({ manifest }), firstScreenScript(), inlinePopupCss(), deferPopupUi()],
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
