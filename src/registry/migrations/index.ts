import { sql as initial } from './001-initial';
import { sql as chain } from './002-chain';
import { sql as content } from './003-content';
import { sql as ingest } from './004-ingest';

/** One schema change: applied once, in order, and recorded in `schema_migrations` under its id. */
export interface Migration {
  id: string;
  sql: string;
}

/** Every migration, oldest first. Append only: an applied migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  { id: '001-initial', sql: initial },
  { id: '002-chain', sql: chain },
  { id: '003-content', sql: content },
  { id: '004-ingest', sql: ingest },
];
