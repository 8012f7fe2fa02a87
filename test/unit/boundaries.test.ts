import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The import boundaries are enforced by lint; these cases prove each rule bites.
const eslint = new ESLint({ cwd: process.cwd() });

async function errors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['src/core/a.ts', "import { x } from '../ext/items';", 'core/ is pure'],
    ['src/core/a.ts', "import browser from 'webextension-polyfill';", 'core/ runs everywhere'],
    ['src/core/a.ts', 'export const id = chrome.runtime.id;', 'chrome'],
    ['src/content/a.ts', "import { handlers } from '../background/handlers';", 'content/ never imports'],
    ['src/content/sites/x/a.ts', "import { App } from '../../../popup/app';", 'content/ never imports'],
    ['src/content/a.ts', "import { createRoot } from 'react-dom/client';", 'no React'],
    ['src/content/a.ts', "import { keccak256 } from 'viem';", 'no React, viem'],
    ['src/popup/a.ts', "import { handlers } from '../background/handlers';", 'popup/ talks to the background'],
    ['src/background/a.ts', "import browser from 'webextension-polyfill';", 'Only src/ext'],
  ])('%s: %s is refused', async (file, code, message) => {
    const found = await errors(file, code);
    expect(found.join('\n')).toContain(message);
  });

  it('allowed imports pass', async () => {
    expect(await errors('src/content/a.ts', "import { permalink } from '../core/permalink';")).toEqual([]);
    expect(await errors('src/popup/a.ts', "import { send } from '../ext/messages';")).toEqual([]);
  });
});
