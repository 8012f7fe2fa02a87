import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, type ExtensionBrowser } from '../../src/demo/browser';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const FIXTURES = join(ROOT, 'test/fixtures');
export { SITE_FIXTURES, type SiteMap } from '../../src/demo/browser';
export type Session = ExtensionBrowser;

/** Chromium with the built dist/ loaded, the sites served from fixtures: src/demo/browser.ts, shared with the demo. */
export function launch(): Promise<Session> {
  return launchBrowser(ROOT);
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

/** The control of post `postId` on `page` (its host element). */
export function controlOf(page: Page, postId: string): Locator {
  return page.locator(`[data-consentry-control="${postId}"]`);
}

/** A new tab at `url`, once the control of post `postId` shows there. */
export async function openWithControl(s: Session, url: string, postId: string): Promise<{ page: Page; host: Locator }> {
  const page = await s.context.newPage();
  await page.goto(url);
  const host = controlOf(page, postId);
  await host.waitFor();
  return { page, host };
}

/** Click the control of one post, as a user would (a real mouse click through the shadow root). */
export async function clickControl(page: Page, postId: string): Promise<void> {
  await controlOf(page, postId).getByRole('button', { name: /License/ }).click();
}

export async function waitForPressed(page: Page, postId: string, pressed: boolean): Promise<void> {
  await controlOf(page, postId)
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
