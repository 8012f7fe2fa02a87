// The benchmark's table: one column per database.
import type { GeneratedSet } from './generate';
import type { DbRun } from './run-db';

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 1) : '—');
const s = (x: number) => `${(x / 1000).toFixed(1)} s`;

export function printReport({ offers, generation, runs }: { offers: number; generation: GeneratedSet; runs: DbRun[] }) {
  const g = generation.timings;
  console.log(`\nConsentry registry benchmark: ${offers.toLocaleString('en')} offers in batches of 10,000, one signature per batch`);
  console.log(
    `generation${generation.cached ? ' (cached from an earlier run)' : ''}: ${s(generation.wallMs)} wall; CPU: leaves ${s(g.leaves)}, ` +
      `makeBatch (validate + hash + tree) ${s(g.hashing)}, signing ${s(g.signing)}, JSON ${s(g.json)}`,
  );
  const col = (x: string) => x.padStart(20);
  const row = (name: string, f: (r: DbRun) => string) => console.log(`${name.padEnd(46)}${runs.map((r) => col(f(r))).join('')}`);
  row('', (r) => r.db);
  row('ingest, offers/s', (r) => Math.round(r.ingest.offersPerSecond).toLocaleString('en'));
  row('  ingest wall time', (r) => s(r.ingest.wallMs));
  for (const step of ['read', 'check', 'verify', 'store']) row(`  server: ${step}`, (r) => s(r.ingest.server[step] ?? NaN));
  row('  slowest batch', (r) => `${ms(r.ingest.slowestBatchMs)} ms`);
  console.log('query p50 / p99 ms (HTTP; SQL alone in brackets)');
  for (const [i, q] of runs[0]!.queries.entries())
    row(`  ${q.name}`, (r) => `${ms(r.queries[i]!.p50)} / ${ms(r.queries[i]!.p99)} [${ms(r.queries[i]!.dbP99)}]`);
  const pg = runs.find((r) => r.sql);
  if (pg?.sql) {
    console.log('PostgreSQL alone (EXPLAIN ANALYZE: planning + execution), p50 / p99 / max ms');
    for (const q of pg.sql) console.log(`  ${q.name.padEnd(44)}${`${ms(q.p50)} / ${ms(q.p99)} / ${ms(q.max)}`.padStart(20)}`);
  }
  row('get one offer with proof, p50 / p99 ms', (r) => `${ms(r.getOne.p50)} / ${ms(r.getOne.p99)}`);
  row('query during a 10k ingest, p50 / max ms', (r) => `${ms(r.duringIngest.p50)} / ${ms(r.duringIngest.max)}`);
  row('licensor RSL (10,000 posts), ms', (r) => ms(r.licensorRsl.ms));
  row('offers stored at the end', (r) => r.storedOffers.toLocaleString('en'));
}
