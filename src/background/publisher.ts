import type { Hex } from 'viem';
import type { PostRecord } from '../core/post';
import { clearAlarm, scheduleAlarm } from '../ext/alarms';
import { getPostRecords } from '../ext/items';
import type { OutboxStatus } from '../ext/protocol';
import { networkItem, outboxItem, type Inflight, type Outbox } from '../ext/publish-items';
import { loadFastKeccak } from '../core/keccak';
import { readCounter } from './chain-client';
import { buildSignedBatch, buildSignedRevocation } from './offer-build';
import { explainWaiting, onConsentChange, outboxStatus, saveOutbox } from './outbox';
import { postJson, type RegistryResult } from './registry-client';
import { withPosts } from './serialized';
import { signer } from './wallet';
import { vaultItem } from '../ext/wallet-items';

export const OUTBOX_ALARM = 'outbox-retry';
/** A burst of clicks within this time is one batch, one signature. */
const DEBOUNCE_MS = 1_500;
const MAX_BATCH = 10_000;
/**
 * Offers withdrawn per signed revocation. The registry relays each revocation on chain as one revokeBySig, whose
 * gas grows by a new storage slot per id (~27,000): about 1,100 ids fill a 30M-gas block, and the signature covers
 * the whole list, so it cannot be split later. 500 leaves room on any chain.
 */
const MAX_REVOCATION = 500;
const BACKOFF_S = [5, 15, 60, 300, 900];

let timer: ReturnType<typeof setTimeout> | null = null;
let running: Promise<OutboxStatus> | null = null;

/** Flush soon. The timer is lost if the worker stops; the alarm is the backstop. */
export function scheduleFlush(delayMs = DEBOUNCE_MS): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void flush(), delayMs);
  void scheduleAlarm(OUTBOX_ALARM, Date.now() + Math.max(delayMs, 30_000));
}

/** Publish what waits, one request at a time, until the queue is empty or something stops it. */
export function flush(): Promise<OutboxStatus> {
  running ??= (async () => {
    try {
      for (let round = 0; round < 100; round++) {
        const inflight = await withPosts(prepare);
        if (!inflight) break;
        const path = inflight.kind === 'batch' ? '/v1/batches' : '/v1/revocations';
        const { registryUrl } = await networkItem.get();
        const result = await postJson(`${registryUrl.replace(/\/+$/, '')}${path}`, inflight.body);
        if (!(await withPosts(() => apply(inflight, result)))) break;
      }
      return outboxStatus(await outboxItem.get());
    } finally {
      running = null;
    }
  })();
  return running;
}

/** Under the lock: the request to send, built and stored before it is sent, or null when there is nothing to do. */
async function prepare(): Promise<Inflight | null> {
  const outbox = await outboxItem.get();
  if (outbox.inflight) return outbox.inflight; // sent before the worker stopped, or refused for now: same bytes again
  if (outbox.queue.length === 0) {
    if (outbox.reason) await saveOutbox({ ...outbox, reason: null, attempts: 0, nextAttemptAt: null });
    return null;
  }
  const account = await signer();
  if (!account) {
    const hasWallet = (await vaultItem.get()) !== null;
    await wait(outbox, hasWallet ? 'Unlock your wallet to publish.' : 'Set up a wallet (Wallet tab) to publish your offers.', null);
    return null;
  }
  const network = await networkItem.get();
  const revokes = outbox.queue.filter((i) => i.action === 'revoke').slice(0, MAX_REVOCATION);
  if (revokes.length) {
    const { id, body } = await buildSignedRevocation(account, network, revokes.map((i) => i.offerId as Hex));
    return start(outbox, { kind: 'revocation', id, body, items: revokes, offerIds: {} });
  }
  const offers = outbox.queue.filter((i) => i.action === 'offer').slice(0, MAX_BATCH);
  const recs = await getPostRecords(offers.map((i) => i.key));
  const live = offers.filter((i) => recs.get(i.key)?.consent.state === 'in');
  if (live.length === 0) {
    await saveOutbox({ ...outbox, queue: outbox.queue.filter((i) => !offers.includes(i)) });
    return null;
  }
  const counter = await readCounter(network, account.address);
  await loadFastKeccak();
  const signed = await buildSignedBatch(account, network, live.map((i) => ({ key: i.key, rec: recs.get(i.key)! })), counter);
  return start({ ...outbox, queue: outbox.queue.filter((i) => !offers.includes(i)) }, { kind: 'batch', id: signed.batchId, body: signed.body, items: live, offerIds: signed.offerIds });
}

async function start(outbox: Outbox, inflight: Inflight): Promise<Inflight> {
  await saveOutbox({ ...outbox, queue: outbox.queue.filter((i) => !inflight.items.includes(i)), inflight });
  return inflight;
}

async function wait(outbox: Outbox, reason: string, nextAttemptAt: number | null): Promise<void> {
  if (outbox.reason === reason && outbox.nextAttemptAt === nextAttemptAt) return;
  const next = { ...outbox, reason, nextAttemptAt };
  await saveOutbox(next, await explainWaiting(next, [...next.queue, ...(next.inflight?.items ?? [])]));
}

/** Under the lock: record what the registry said. Returns true to go on with the next request. */
async function apply(inflight: Inflight, result: RegistryResult): Promise<boolean> {
  const outbox = await outboxItem.get();
  if (outbox.inflight?.id !== inflight.id) return true; // settled meanwhile
  if (result.kind === 'unreachable') {
    const attempts = outbox.attempts + 1;
    const delay = BACKOFF_S[Math.min(attempts - 1, BACKOFF_S.length - 1)]! * 1000;
    const at = Date.now() + delay;
    await wait({ ...outbox, attempts }, `${result.message} Retrying at ${new Date(at).toLocaleTimeString()}.`, at);
    scheduleFlush(delay);
    return false;
  }
  const recs = await getPostRecords(inflight.items.map((i) => i.key));
  const now = new Date().toISOString();
  const next: Outbox = { ...outbox, inflight: null, attempts: 0, nextAttemptAt: null, reason: null };
  const changed: PostRecord[] = [];
  for (const item of inflight.items) {
    const rec = recs.get(item.key);
    if (!rec) continue;
    if (result.kind === 'refused') rec.offer = { state: 'error', reason: result.message, at: now };
    else if (inflight.kind === 'revocation') rec.offer = rec.offer?.state === 'withdrawing' && rec.offer.offerId === item.offerId ? { state: 'withdrawn', offerId: item.offerId, at: now } : rec.offer;
    else {
      rec.offer = { state: 'published', offerId: inflight.offerIds[item.key]!, batchId: inflight.id, at: now };
      // Opted out while the offer was on its way: withdraw it now.
      if (rec.consent.state === 'out') rec.offer = onConsentChange(next, item.key, rec, 'out', new Date());
    }
    changed.push(rec);
  }
  await saveOutbox(next, changed);
  if (next.queue.length === 0) await clearAlarm(OUTBOX_ALARM);
  return true;
}
