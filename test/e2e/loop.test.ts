// The whole loop in one test: the licensor opts posts in from x.com, a buyer buys two, the popup shows the sales.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../src/demo/run';

const outDir = mkdtempSync(join(tmpdir(), 'consentry-loop-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the whole loop', () => {
  it('three posts opted in on x.com, two bought with the CLI: the popup shows exactly what was paid', { timeout: 180_000 }, async () => {
    const lines: string[] = [];
    const r = await runDemo({ outDir, log: (l) => lines.push(l) });
    expect(r.details.problems, lines.join('\n')).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.paid).toBe(100_000n); // 2 × 0.05 USDC
    expect(r.shown).toBe('0.10 USDC');
    expect(r.details.licensorBalance).toBe(100_000n);
    expect(r.details.offersPublished).toBe(3);
    expect(r.screenshots).toHaveLength(3);
    for (const file of r.screenshots) {
      expect(existsSync(file)).toBe(true);
      expect(statSync(file).size).toBeGreaterThan(1000);
    }
  });
});
