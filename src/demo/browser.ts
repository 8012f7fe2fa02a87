// Chromium with the built extension, headless: the social sites served from the saved fixture pages, the public
// Bluesky API from overrides (else 503), our own loopback services (chain, registry) let through, everything else
// refused. The one launcher of the demo, the end-to-end tests (test/e2e/harness.ts) and the benchmarks.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker (started again if Chromium had stopped it). */
  worker(): Promise<Worker>;
  /** Stop the extension's service worker the way Chrome does when it is idle (CDP Target.closeTarget). */
  stopWorker(): Promise<void>;
  openPopup(): Promise<Page>;
  /** Fixture overrides: a host's path (with or without its query) → HTML or JSON, consulted before the fixtures. */
  overrides: Map<string, string>;
  close(): Promise<void>;
}

/** A site page served from a fixture: URL path → file under test/fixtures. */
export type SiteMap = Record<string, (path: string) => string | null>;

function xFixture(path: string): string | null {
  if (path === '/' || path === '/home') return 'x/home.html';
  if (/^\/[A-Za-z0-9_]+\/status\/\d+$/.test(path)) return 'x/status.html';
  if (/^\/[A-Za-z0-9_]+$/.test(path)) return 'x/profile.html';
  return null;
}

export const SITE_FIXTURES: SiteMap = {
  'x.com': xFixture,
  'twitter.com': xFixture,
  'bsky.app': (path) => {
    if (path === '/' || path === '/home') return 'bluesky/home.html';
    if (/^\/profile\/[^/]+\/post\/[^/]+$/.test(path)) return 'bluesky/thread.html';
    if (/^\/profile\/[^/]+$/.test(path)) return 'bluesky/profile.html';
    return null;
  },
};

/** Chromium flags for the extension in `dist` on a machine with no network beyond loopback. */
export function chromiumArgs(dist: string): string[] {
  return [
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    '--disable-quic',
  ];
}

/**
 * Launch Chromium with `<root>/dist` loaded and the sites routed to `<root>/test/fixtures`.
 * @example const browser = await launchBrowser(process.cwd()); const popup = await browser.openPopup()
 */
export async function launchBrowser(root: string, chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): Promise<ExtensionBrowser> {
  const dist = join(root, 'dist');
  const fixtures = join(root, 'test/fixtures');
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} has no built extension: run \`npm run build\` first`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'consentry-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs(dist),
    viewport: { width: 1200, height: 900 },
  });
  const overrides = new Map<string, string>();
  await context.route(/^https?:\/\//, async (route) => {
    const url = new URL(route.request().url());
    const override = overrides.get(`${url.host}${url.pathname}${url.search}`) ?? overrides.get(`${url.host}${url.pathname}`);
    if (override !== undefined) {
      const isJson = override.trimStart().startsWith('{');
      return route.fulfill({ status: 200, body: override, contentType: isJson ? 'application/json' : 'text/html; charset=utf-8', headers: { 'access-control-allow-origin': '*' } });
    }
    const file = SITE_FIXTURES[url.hostname]?.(url.pathname);
    if (file) return route.fulfill({ status: 200, path: join(fixtures, file), contentType: 'text/html; charset=utf-8' });
    if (url.hostname === 'public.api.bsky.app') return route.fulfill({ status: 503, body: '{"error":"fixture missing"}' });
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    return route.abort('internetdisconnected');
  });

  const worker = async () => context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? context.waitForEvent('serviceworker');
  const extensionId = new URL((await worker()).url()).host;

  return {
    context,
    extensionId,
    overrides,
    worker,
    async stopWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      try {
        const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
        const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
        if (!sw) throw new Error('the extension has no running service worker to stop');
        await cdp.send('Target.closeTarget', { targetId: sw.targetId });
        // Wait until Chromium reports it gone, so the next action really has to start a new worker. Polled often on
        // one session: a worker restarted at once (a popup's port reconnecting) comes back under the same target id.
        for (const until = Date.now() + 10_000; Date.now() < until; ) {
          const { targetInfos: now } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string }[] };
          if (!now.some((t) => t.targetId === sw.targetId)) return;
          await new Promise((r) => setTimeout(r, 10));
        }
        throw new Error('the service worker did not stop');
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
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

/**
 * Create a wallet in the popup's Wallet tab as a user does: new phrase, the asked-for words typed back, a password.
 * @returns the new wallet's address, as the popup shows it
 */
export async function createWalletInPopup(w: Page, password: string): Promise<`0x${string}`> {
  await w.getByRole('button', { name: 'Create a new wallet' }).click();
  const words = await w.getByRole('list', { name: 'Recovery phrase' }).locator('.word').allTextContents();
  await w.getByRole('button', { name: 'I have written it down' }).click();
  const labels = await w.getByRole('textbox', { name: /^Word #\d+$/ }).evaluateAll((els) => els.map((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? ''));
  for (const p of labels.map((l) => Number(l.slice(6)))) await w.getByRole('textbox', { name: `Word #${p}`, exact: true }).fill(words[p - 1]!);
  await w.getByLabel('New password', { exact: true }).fill(password);
  await w.getByLabel('Repeat new password').fill(password);
  await w.getByRole('button', { name: 'Create wallet' }).click();
  await w.getByRole('button', { name: 'Lock' }).waitFor();
  return ((await w.getByText(/^0x[0-9a-fA-F]{40}$/).textContent()) ?? '') as `0x${string}`;
}
