import { crx } from '@crxjs/vite-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
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

export default defineConfig({
  plugins: [viemStaticImports(), react(), crx({ manifest })],
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
