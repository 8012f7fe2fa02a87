import type { Db } from './db/db';
import { sweepExpired } from './queries/offers';

export interface MaintenanceOptions {
  now: () => bigint;
  /** How often expired offers leave the live indexes. */
  sweepEveryMs?: number;
  log?: (message: string, e: unknown) => void;
}

/**
 * Background upkeep of the query path:
 *  - expired offers are swept out of the live indexes every minute, so years of expired offers never sit in
 *    front of the live ones (queries also check expiry, so a sweep only saves work, never changes an answer);
 *  - on PGlite, which has no autovacuum, `offers` is analyzed once the rows added since the last time reach a
 *    fifth of the table (autovacuum's own rule): without statistics the planner cannot tell a filter most
 *    offers pass from one few do. PostgreSQL's autovacuum does this there.
 */
export function createMaintenance(db: Db, { now, sweepEveryMs = 60_000, log = (m, e) => console.error(`registry: ${m}:`, e) }: MaintenanceOptions) {
  let analyzed = 0;
  let added = 0;
  const running = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    running.add(p);
    void p.finally(() => running.delete(p));
  };
  let analyzing = false;
  const sweep = () => track(sweepExpired(db, now()).catch((e) => log('sweeping expired offers failed', e)));
  const timer = setInterval(sweep, sweepEveryMs);
  timer.unref();
  sweep();
  return {
    /** Note `n` newly stored offers; analyzes in the background when due. */
    added(n: number): void {
      if (db.kind !== 'pglite') return;
      added += n;
      if (analyzing || added < Math.max(1000, analyzed / 5)) return;
      const rows = added;
      analyzing = true;
      track(
        db
          .exec('analyze offers')
          .then(() => {
            analyzed += rows;
            added -= rows;
          }, (e) => log('analyze failed', e))
          .finally(() => (analyzing = false)),
      );
    },
    /** Stop the timer and wait for work in progress. */
    async stop(): Promise<void> {
      clearInterval(timer);
      await Promise.all(running);
    },
  };
}

export type Maintenance = ReturnType<typeof createMaintenance>;
