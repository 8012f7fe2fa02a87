import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium flags for a machine with no network beyond loopback (see the brief). */
export const CHROMIUM_ARGS = [
  `--disable-extensions-except=${DIST}`,
  `--load-extension=${DIST}`,
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  '--disable-quic',
];

/** A site page served from a fixture: URL path → file under test/fixtures. */
export type SiteMap = Record<string, (path: string) => string | null>;

export const SITE_FIXTURES: SiteMap = {
  'x.com': (path) => xFixture(path),
  'twitter.com': (path) => xFixture(path),
  'bsky.app': (path) => {
    if (path === '/' || path === '/home') return 'bluesky/home.html';
    if (/^\/profile\/[^/]+\/post\/[^/]+$/.test(path)) return 'bluesky/thread.html';
    if (/^\/profile\/[^/]+$/.test(path)) return 'bluesky/profile.html';
    return null;
  },
};

function xFixture(path: string): string | null {
  if (path === '/' || path === '/home') return 'x/home.html';
  if (/^\/[A-Za-z0-9_]+\/status\/\d+$/.test(path)) return 'x/status.html';
  if (/^\/[A-Za-z0-9_]+$/.test(path)) return 'x/profile.html';
  return null;
}

export interface Session {
  context: BrowserContext;
  extensionId: string;
  worker(): Promise<Worker>;
  /** Stop the extension's service worker the way Chrome does when it is idle (CDP Target.closeTarget). */
  stopWorker(): Promise<void>;
  openPopup(): Promise<Page>;
  /** Fixture overrides: a host's path → HTML string, consulted before SITE_FIXTURES. */
  overrides: Map<string, string>;
  close(): Promise<void>;
}

export async function launch(): Promise<Session> {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('dist/ is missing: run `npm run build` first');
  const userDataDir = mkdtempSync(join(tmpdir(), 'consentry-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1200, height: 900 },
  });
  const overrides = new Map<string, string>();
  // Nothing leaves the machine: the sites come from fixtures, the public Bluesky API from saved responses,
  // everything else is refused.
  await context.route(/^https?:\/\//, async (route) => {
    const url = new URL(route.request().url());
    const override = overrides.get(`${url.host}${url.pathname}${url.search}`) ?? overrides.get(`${url.host}${url.pathname}`);
    if (override !== undefined) {
      const isJson = override.trimStart().startsWith('{');
      return route.fulfill({ status: 200, body: override, contentType: isJson ? 'application/json' : 'text/html; charset=utf-8', headers: { 'access-control-allow-origin': '*' } });
    }
    const map = SITE_FIXTURES[url.hostname];
    const file = map?.(url.pathname);
    if (file) return route.fulfill({ status: 200, path: join(FIXTURES, file), contentType: 'text/html; charset=utf-8' });
    if (url.hostname === 'public.api.bsky.app') return route.fulfill({ status: 503, body: '{"error":"fixture missing"}' });
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
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
      const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
      if (!sw) throw new Error('the extension has no running service worker to stop');
      await cdp.send('Target.closeTarget', { targetId: sw.targetId });
      await cdp.detach();
      // Wait until Chromium reports it gone, so the next action really has to start a new worker.
      for (let i = 0; i < 100; i++) {
        const { targetInfos: now } = (await (await context.newCDPSession(page)).send('Target.getTargets')) as { targetInfos: { targetId: string }[] };
        if (!now.some((t) => t.targetId === sw.targetId)) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('the service worker did not stop');
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

export function fixture(file: string): string {
  return readFileSync(join(FIXTURES, file), 'utf8');
}

/** Post ids that carry a licence control on the page, with their pressed state, in page order. */
export async function controls(page: Page): Promise<{ id: string; pressed: boolean; label: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-consentry-control]')].map((host) => {
      const button = host.shadowRoot?.querySelector('button');
      return {
        id: host.getAttribute('data-consentry-control') ?? '',
        pressed: button?.getAttribute('aria-pressed') === 'true',
        label: button?.getAttribute('aria-label') ?? '',
      };
    }),
  );
}

/** Click the control of one post, as a user would (a real mouse click through the shadow root). */
export async function clickControl(page: Page, postId: string): Promise<void> {
  await page.locator(`[data-consentry-control="${postId}"]`).getByRole('button', { name: /License/ }).click();
}

export async function waitForPressed(page: Page, postId: string, pressed: boolean): Promise<void> {
  await page
    .locator(`[data-consentry-control="${postId}"]`)
    .getByRole('button', { name: /License/, pressed })
    .first()
    .waitFor({ timeout: 10_000 });
}
