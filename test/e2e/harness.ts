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
  // local services pass, everything else is refused.
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
    // Our own local services (registry, chain) are real and on this machine.
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

export interface ScrollSpec {
  /** Selector of one self-contained timeline cell. */
  cell: string;
  /** Matches a post id inside an href; group 1 is the id. Must have the `g` flag. */
  idInHref: string;
  /** Makes the n-th fresh id. */
  idKind: 'x' | 'bluesky';
  total: number;
  /** Cells kept in the DOM at once: older ones are removed, as virtualised lists do. */
  window: number;
}

/**
 * Feed the page `total` posts by cloning the fixture's cells (own ones are those the test has already checked
 * carry a control on the loaded fixture) with fresh ids, batch by batch, scrolling and
 * throwing away old cells like a virtualised timeline. After each batch, wait until every own post of the batch
 * shows a control, then count. Returns what a user would see.
 */
export async function scrollFeed(page: Page, spec: ScrollSpec) {
  return page.evaluate(async (spec) => {
    const control = (cell: Element) => cell.querySelector('[data-consentry-control]');
    const cells = [...document.querySelectorAll(spec.cell)].filter((c) => new RegExp(spec.idInHref).test(c.innerHTML));
    const list = cells.at(-1)!.parentElement!;
    // Pristine copies, taken once: whose post each is, read off the loaded fixture (own ones carry our control).
    const templates = cells.map((c) => {
      const ownId = control(c)?.getAttribute('data-consentry-control') ?? null;
      const copy = c.cloneNode(true) as Element;
      for (const host of copy.querySelectorAll('[data-consentry-control]')) host.remove();
      return { copy, ownId };
    });
    let n = 0;
    const B32 = 'abcdefghijklmnopqrstuvwxyz234567';
    const freshId = () => {
      n++;
      if (spec.idKind === 'x') return String(1950000000000000000n + BigInt(n));
      let s = '';
      for (let v = n, i = 0; i < 11; i++, v = Math.floor(v / 32)) s = B32[v % 32] + s;
      return `3m${s}`;
    };
    const stats = { cells: 0, ownCells: 0, ownWithControl: 0, othersWithControl: 0, wrongId: 0, recreated: 0, slowestBatchMs: 0 };
    while (stats.cells < spec.total) {
      const batch: { cell: Element; ownId: string | null }[] = [];
      for (let i = 0; i < 10 && stats.cells < spec.total; i++, stats.cells++) {
        const template = templates[stats.cells % templates.length]!;
        const cell = template.copy.cloneNode(true) as Element;
        const mapping = new Map<string, string>();
        for (const a of cell.querySelectorAll('a[href]')) {
          a.setAttribute(
            'href',
            a.getAttribute('href')!.replace(new RegExp(spec.idInHref, 'g'), (m, id: string) => {
              if (!mapping.has(id)) mapping.set(id, freshId());
              return m.replace(id, mapping.get(id)!);
            }),
          );
        }
        batch.push({ cell, ownId: template.ownId ? mapping.get(template.ownId)! : null });
      }
      for (const { cell } of batch) list.append(cell);
      while (list.children.length > spec.window) list.firstElementChild!.remove();
      window.scrollTo(0, document.body.scrollHeight);
      const started = performance.now();
      const deadline = started + 5000;
      while (performance.now() < deadline && batch.some((b) => b.ownId && !control(b.cell))) await new Promise((r) => setTimeout(r, 10));
      stats.slowestBatchMs = Math.max(stats.slowestBatchMs, performance.now() - started);
      await new Promise((r) => setTimeout(r, 20)); // a late control on someone else's post would show here
      for (const { cell, ownId } of batch) {
        const host = control(cell);
        if (ownId) {
          stats.ownCells++;
          if (host) stats.ownWithControl++;
          if (host && host.getAttribute('data-consentry-control') !== ownId) stats.wrongId++;
        } else if (host) stats.othersWithControl++;
      }
      // A virtualised list re-creates a node it had removed: the new node must get a control again.
      const own = batch.find((b) => b.ownId && b.cell.isConnected);
      if (own) {
        const again = own.cell.cloneNode(true) as Element;
        for (const host of again.querySelectorAll('[data-consentry-control]')) host.remove();
        own.cell.replaceWith(again);
        const until = performance.now() + 5000;
        while (performance.now() < until && !control(again)) await new Promise((r) => setTimeout(r, 10));
        if (control(again)) stats.recreated++;
      }
    }
    return stats;
  }, spec);
}
