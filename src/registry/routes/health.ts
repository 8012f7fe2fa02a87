import { countOffers } from '../queries/offers';
import type { Handler } from './route';

/**
 * `GET /health`: up, which database, and how many offers are stored (revoked and expired included); with a chain
 * link, its state too (last block read, revocations waiting, last errors).
 */
export const health: Handler = async (ctx) => ({
  status: 200,
  body: { ok: true, db: ctx.db.kind, offers: await countOffers(ctx.db), ...(ctx.chain && { chain: await ctx.chain.state() }) },
  headers: { 'cache-control': 'no-store' },
});
