import { useEffect } from 'react';
import { BusyButton } from '../busy-button';
import { usePopup } from '../store';
import { outboxSummary } from './offer-line';
import { useOutbox } from './outbox-store';

// Offers move as the background publishes; while some wait, look again now and then.
const POLL_MS = 10_000;
const AFTER_CHANGE_MS = 400;

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** Above the posts list: how many offers wait to reach the registry and why, with "Retry now". */
export function OutboxBanner() {
  const status = useOutbox((s) => s.status);
  const refresh = useOutbox((s) => s.refresh);
  const flush = useOutbox((s) => s.flush);
  const flushing = useOutbox((s) => s.pending.flush);
  const flushError = useOutbox((s) => s.errors.flush);
  const waiting = (status?.pending ?? 0) > 0;

  useEffect(() => {
    void refresh();
    // A post record changing (an offer published, a post opted in) can change the queue: read it again, once
    // the burst of storage changes has settled.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = usePopup.subscribe((s, prev) => {
      if (s.records === prev.records) return;
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), AFTER_CHANGE_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [refresh]);

  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, refresh]);

  if (!status || !waiting) return flushError ? <p className="error" role="alert">{flushError}</p> : null;
  const next = status.nextAttemptAt ? Date.parse(status.nextAttemptAt) : NaN;
  return (
    <div className="banner">
      <p role="status">
        {outboxSummary(status)}
        {!Number.isNaN(next) && next > Date.now() && <span className="muted small"> Next try at {timeFormat.format(next)}.</span>}
      </p>
      <BusyButton type="button" className="small-button" onClick={() => void flush()} busy={flushing} busyLabel="Retrying…">
        Retry now
      </BusyButton>
      {flushError && (
        <p className="field-error" role="alert">
          {flushError}
        </p>
      )}
    </div>
  );
}
