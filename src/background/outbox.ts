import type { PostRecord } from '../core/post';
import { getPostRecords, setPostRecords } from '../ext/items';
import { outboxItem, type Outbox, type OutboxItem } from '../ext/publish-items';
import { wrap } from '../ext/storage-item';

/** Write the outbox and the changed posts together. */
export async function saveOutbox(outbox: Outbox, recs: PostRecord[] = []): Promise<void> {
  await setPostRecords(recs, { [outboxItem.spec.key]: wrap(outboxItem.spec, outbox) });
}

/** Set every waiting post's reason to the outbox's (so the popup says why it waits). */
export async function explainWaiting(outbox: Outbox, items: OutboxItem[]): Promise<PostRecord[]> {
  const recs = await getPostRecords([...new Set(items.map((i) => i.key))]);
  const changed: PostRecord[] = [];
  const reason = outbox.reason ?? 'Publishing shortly.';
  for (const rec of recs.values()) {
    const o = rec.offer;
    if ((o?.state === 'waiting' || o?.state === 'withdrawing') && o.reason !== reason) {
      rec.offer = { ...o, reason };
      changed.push(rec);
    }
  }
  return changed;
}

export { onConsentChange, outboxStatus, reoffer } from './outbox-rules';
