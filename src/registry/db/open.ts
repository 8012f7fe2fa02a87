import type { RegistryConfig } from '../config';
import type { Db } from './db';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

/**
 * PostgreSQL when `databaseUrl` is set, otherwise PGlite in `dataDir`.
 * @example const db = await openDb(configFromEnv(process.env))
 */
export function openDb({ databaseUrl, dataDir }: Pick<RegistryConfig, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  return databaseUrl ? openPostgres(databaseUrl) : openPglite(dataDir);
}
