import type { Hex } from 'viem';
import { validateTerms, type Terms } from '../../core/terms/terms';
import type { Db } from '../db/db';

/** Stored terms by hash; those not stored are absent. Stored terms were validated at ingest, so this never fails. */
export async function loadTerms(db: Db, hashes: readonly Hex[]): Promise<Map<Hex, Terms>> {
  const out = new Map<Hex, Terms>();
  if (hashes.length === 0) return out;
  const { rows } = await db.query<{ terms_hash: Hex; terms: unknown }>('select terms_hash, terms from terms where terms_hash = any($1::text[])', [hashes]);
  for (const r of rows) {
    const checked = validateTerms(r.terms);
    if (!checked.ok) throw new Error(`terms ${r.terms_hash} in the database no longer validate: ${checked.errors[0]?.message}`);
    out.set(r.terms_hash, checked.value);
  }
  return out;
}
