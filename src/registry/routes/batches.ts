import { verifySignedBatch } from '../../core/offer/batch';
import { readBatchBody } from '../batch-body';
import { HttpError, readJson, serverTiming, type Reply } from '../http';
import { storeBatch } from '../queries/batches';
import type { Handler } from './route';

/** `POST /v1/batches`: verify a signed batch and store it with its offers; 201 new, 200 already stored. */
export const postBatch: Handler = async (ctx, { req }): Promise<Reply> => {
  const t = [performance.now()];
  const json = await readJson(req, ctx.config.maxBodyBytes);
  t.push(performance.now());
  const body = readBatchBody(json, { config: ctx.config, now: ctx.now() });
  if (!body.ok) throw new HttpError(400, body.error);
  t.push(performance.now());
  const verified = await verifySignedBatch(body.value);
  if (!verified.ok) throw new HttpError(400, verified.error);
  t.push(performance.now());
  const { batchId, offerIds } = verified.value;
  const result = await storeBatch(ctx.db, { ...body.value, batchId, offerIds });
  t.push(performance.now());
  const headers = { 'server-timing': serverTiming({ read: t[1]! - t[0]!, check: t[2]! - t[1]!, verify: t[3]! - t[2]!, store: t[4]! - t[3]! }) };
  switch (result.kind) {
    case 'stored':
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
