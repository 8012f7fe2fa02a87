import { HttpError, readBody, serverTiming, type Reply } from '../http';
import { storeBatch } from '../queries/batches';
import type { Handler } from './route';

/** `POST /v1/batches`: check a signed batch and store it with its offers; 201 new, 200 already stored. */
export const postBatch: Handler = async (ctx, { req }): Promise<Reply> => {
  const t0 = performance.now();
  const bytes = await readBody(req, ctx.config.maxBodyBytes);
  const t1 = performance.now();
  const checked = await ctx.checkBatch(bytes, { config: ctx.config, now: ctx.now() });
  if (!checked.ok) throw new HttpError(400, checked.error);
  const t2 = performance.now();
  const { batchId, offerIds, timings } = checked.value;
  const result = await storeBatch(ctx.db, checked.value);
  // check = parse + fields + verify, plus the hop to a worker thread and any wait for a free one.
  const headers = { 'server-timing': serverTiming({ read: t1 - t0, check: t2 - t1, ...timings, store: performance.now() - t2 }) };
  switch (result.kind) {
    case 'stored':
      ctx.maintenance.added(offerIds.length);
      return { status: 201, body: { batchId, offerIds }, headers };
    case 'duplicate':
      return { status: 200, body: { batchId, offers: result.offers, duplicate: true }, headers };
    case 'conflict':
      throw new HttpError(
        409,
        result.revoked
          ? `leaves[${result.index}]: offer ${result.offerId} was revoked; a revoked offer cannot be offered again`
          : `leaves[${result.index}]: offer ${result.offerId} is already stored in another batch, ${result.batchId}`,
      );
  }
};
