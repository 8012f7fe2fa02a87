// Chromium with the built extension, headless, the social sites served from the saved fixture pages and only
// loopback (our own chain and registry) let through. A copy of the e2e harness's launch(), for Node without vitest.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export interface DemoBrowser {
  context: BrowserContext;
  extensionId: string;
  openPopup(): Promise<Page>;
  close(): Promise<void>;
}

function xFixture(path: string): string | null {
  if (path === '/' || path === '/home') return 'x/home.html';
  if (/^\/[A-Za-z0-9_]+\/status\/\d+$/.test(path)) return 'x/status.html';
  if (/^\/[A-Za-z0-9_]+$/.test(path)) return 'x/profile.html';
  return null;
}

const SITES: Record<string, (path: string) => string | null> = { 'x.com': xFixture, 'twitter.com': xFixture };

export async function launchBrowser(root: string, chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): Promise<DemoBrowser> {
  const dist = join(root, 'dist');
  const fixtures = join(root, 'test/fixtures');
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} has no built extension: run \`npx vite build\` first`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'consentry-demo-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      '--disable-quic',
    ],
    viewport: { width: 1200, height: 900 },
  });
  await context.route(/^https?:\/\//, async (route) => {
    const url = new URL(route.request().url());
    const file = SITES[url.hostname]?.(url.pathname);
    if (file) return route.fulfill({ status: 200, path: join(fixtures, file), contentType: 'text/html; charset=utf-8' });
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    return route.abort('internetdisconnected');
  });
  const sw = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(sw.url()).host;
  return {
    context,
    extensionId,
    async openPopup() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
      await page.getByRole('heading', { name: 'Consentry' }).waitFor();
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
