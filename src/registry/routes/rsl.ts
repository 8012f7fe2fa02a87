import { once } from 'node:events';
import { toRslXml, RSL_MEDIA_TYPE } from '../../core/terms/rsl';
import { offerUrl } from '../context';
import { CORS_HEADERS, HttpError, type Reply } from '../http';
import { address } from '../json-fields';
import { listOffers } from '../queries/offers';
import { RSL_HEAD, RSL_TAIL, rslContent } from '../rsl-document';
import { offerAt, revokedReply } from './offers';
import { pathSegment, type Handler } from './route';

const RSL_TYPE = `${RSL_MEDIA_TYPE}; charset=utf-8`;
const PAGE = 500;

/** `GET /v1/offers/:offerId/rsl.xml`: the post's licence as RSL; 410 once the offer is revoked or expired. */
export const getOfferRsl: Handler = async (ctx, { params }): Promise<Reply> => {
  const { row, status } = await offerAt(ctx, params[0]!);
  if (status === 'revoked') return revokedReply(row.offer_id, row.revoked_at);
  if (status === 'expired') return { status: 410, body: { error: `offer ${row.offer_id} has expired`, offerId: row.offer_id, status } };
  const { terms } = (await ctx.terms.get([row.terms_hash])).get(row.terms_hash)!;
  const xml = toRslXml(terms, { contentUrl: row.url, offerUrl: offerUrl(ctx, row.offer_id) });
  return { status: 200, type: RSL_TYPE, body: xml, headers: { 'cache-control': 'no-store' } };
};

/**
 * `GET /v1/licensors/:address/rsl.xml`: one RSL document with a `<content>` per live offer of the licensor.
 * Streamed page by page, so a licensor with a hundred thousand posts costs no more memory than one with ten.
 */
export const getLicensorRsl: Handler = async (ctx, { res, params }) => {
  const licensor = address(pathSegment(params[0]!, 'address'), 'address');
  if (!licensor.ok) throw new HttpError(400, licensor.error);
  const now = ctx.now();
  let rows = await listOffers(ctx.db, { licensor: licensor.value, now, limit: PAGE });
  if (rows.length === 0) throw new HttpError(404, `no live offers from ${licensor.value}`);
  res.writeHead(200, { ...CORS_HEADERS, 'content-type': RSL_TYPE, 'cache-control': 'no-store' });
  res.write(RSL_HEAD);
  while (rows.length > 0) {
    const terms = await ctx.terms.get([...new Set(rows.map((r) => r.terms_hash))]);
    const chunk = rows.map((r) => rslContent(terms.get(r.terms_hash)!.terms, { contentUrl: r.url, offerUrl: offerUrl(ctx, r.offer_id) })).join('');
    if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    if (res.destroyed) return; // the client went away
    if (rows.length < PAGE) break;
    rows = await listOffers(ctx.db, { licensor: licensor.value, now, afterSeq: BigInt(rows.at(-1)!.seq), limit: PAGE });
  }
  res.end(RSL_TAIL);
};
