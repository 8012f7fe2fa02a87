#!/usr/bin/env node
// `node scripts/bench-registry.mjs [--offers N] [--db pglite,postgres] [--queries N]`: the registry's ingest rate
// and query latency on PGlite and PostgreSQL (default 1,000,000 offers). Builds dist-registry/ first, then runs the
// benchmark (test/registry/bench/) against the built registry in its own process. Writes bench-results/registry.json.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { buildRegistry, OUT_DIR } from './registry.mjs';

await buildRegistry({ bench: true });
// Its own process: the build tooling's memory stays out of the measurements.
const run = spawnSync(process.execPath, ['--max-old-space-size=8192', resolve(OUT_DIR, 'bench.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
