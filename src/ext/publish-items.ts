import type { Platform } from '../core/platform';
import type { TermsJson } from '../core/terms/terms-json';
import type { NetworkSettings } from './protocol';
import { storageItem } from './storage-item';

/** Local defaults: the addresses anvil gives the first two contracts deployed by its first account (our deploy order). */
export const LOCAL_NETWORK: NetworkSettings = {
  chain: 'anvil',
  rpcUrl: 'http://127.0.0.1:8545',
  registryUrl: 'http://127.0.0.1:8787',
  exchange: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
  token: { address: '0x5FbDB2315678afecb367f032d93F642f64180aa3', symbol: 'USDC', decimals: 6 },
};

export const networkItem = storageItem<NetworkSettings>({ key: 'network', area: 'local', version: 1, fallback: LOCAL_NETWORK });

/** Each site's default terms; absent sites use `defaultTerms` for the network's token. Written by the background. */
export const siteTermsItem = storageItem<Partial<Record<Platform, TermsJson>>>({ key: 'site-terms', area: 'local', version: 1, fallback: {} });

export interface OutboxItem {
  /** Post storage key. */
  key: string;
  action: 'offer' | 'revoke';
  /** For 'revoke': the offer to withdraw. */
  offerId?: string;
}

export interface Inflight {
  kind: 'batch' | 'revocation';
  /** The batch id or revocation digest: the registry treats a repeat as the same request. */
  id: string;
  /** Exactly what was signed and sent, so a retry after the worker died sends the same bytes. */
  body: string;
  items: OutboxItem[];
  /** For batches: post key → offer id. */
  offerIds: Record<string, string>;
}

/** The publishing queue. Written by the background only, under its post lock. */
export interface Outbox {
  queue: OutboxItem[];
  inflight: Inflight | null;
  attempts: number;
  nextAttemptAt: number | null;
  reason: string | null;
}

export const outboxItem = storageItem<Outbox>({
  key: 'outbox',
  area: 'local',
  version: 1,
  fallback: { queue: [], inflight: null, attempts: 0, nextAttemptAt: null, reason: null },
});
