import type { Hex } from 'viem';
import type { CheckBatch } from './batch-check';
import type { TermsCache } from './terms-cache';
import type { RegistryConfig } from './config';
import type { Db } from './db/db';
import type { Maintenance } from './maintenance';
import type { ChainLink } from './chain/link';

/** What every handler works with. */
export interface RegistryContext {
  db: Db;
  config: RegistryConfig;
  /** Unix seconds; what "expired" is measured against. */
  now(): bigint;
  /** The base URL buyers reach this registry at, without a trailing slash. */
  publicUrl(): string;
  terms: TermsCache;
  maintenance: Maintenance;
  checkBatch: CheckBatch;
  /** The relayer and sales watcher, when `config.chainRpcUrl` is set. */
  chain?: ChainLink;
}

/** Where buyers fetch an offer: the URL RSL documents point at. */
export function offerUrl(ctx: RegistryContext, offerId: Hex): string {
  return `${ctx.publicUrl()}/v1/offers/${offerId}`;
}
