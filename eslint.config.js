// Lint: TypeScript rules plus the import boundaries of ARCHITECTURE.md, enforced rather than remembered.
import tseslint from 'typescript-eslint';

/** Forbid imports of the given src/ folders from files in `files`. */
function boundary(files, forbidden, message) {
  const group = forbidden.flatMap((f) => [`**/${f}/**`, `**/${f}`]);
  return {
    files,
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] },
  };
}

export default tseslint.config(
  { ignores: ['dist-*/**', 'datasets/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'bench-results/**', 'scratch/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/ext/**', '**/content/**', '**/background/**', '**/popup/**', '**/chain/**', '**/registry/**'], message: 'core/ is pure: it imports nothing outside core/.' },
            { group: ['webextension-polyfill', 'react', 'react-dom', 'zustand'], message: 'core/ runs everywhere: no browser or UI libraries.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'chrome', 'browser', 'document', 'window', 'localStorage'],
    },
  },
  boundary(['src/ext/**'], ['content', 'background', 'popup', 'chain', 'registry'], 'ext/ wraps browser APIs; it imports only core/.'),
  {
    files: ['src/content/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/background/**', '**/popup/**', '**/chain/**', '**/registry/**'], message: 'content/ never imports background/, popup/, chain/ or registry/.' },
            { group: ['react', 'react-dom', 'react/*', 'viem', 'viem/*', 'zustand'], message: 'The content script stays tiny: no React, viem or zustand.' },
            { group: ['webextension-polyfill'], message: 'Only src/ext touches the polyfill.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/popup/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/background/**', '**/content/**', '**/registry/**'], message: 'popup/ talks to the background through messages and storage only.' },
            { group: ['webextension-polyfill'], message: 'Only src/ext touches the polyfill.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/background/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/content/**', '**/popup/**', '**/registry/**'], message: 'background/ does not import content/, popup/ or registry/.' },
            { group: ['webextension-polyfill'], message: 'Only src/ext touches the polyfill.' },
          ],
        },
      ],
    },
  },
);
