import { getAddress } from 'viem';
import { intFlag, type Flags } from './args';
import { connect } from './chain';
import { offerFilter } from './filters';
import { money, short } from './format';
import type { CliIo } from './io';
import { listOffers } from './registry-client';

/**
 * `search`: list live offers matching the filters, one per line, prices in the token's units as read from chain.
 * @example await search(flags, io) // 0x1a2b…9f0e  x  https://x.com/…  0.02 USDC  0x70f…79c8
 */
export async function search(flags: Flags, io: CliIo): Promise<number> {
  const limit = intFlag(flags.limit, 'limit') ?? 100;
  const chain = await connect({ rpc: flags.rpc, exchange: flags.exchange, readOnly: true });
  const filter = await offerFilter(flags, chain);
  let count = 0;
  for await (const offer of listOffers(flags.registry, filter.query)) {
    if (count >= limit) break;
    if (!(await filter.accept(offer))) continue;
    const price = money(BigInt(offer.price), await chain.tokenMeta(getAddress(offer.token)));
    io.out([short(offer.offerId), offer.platform, offer.url, price, short(offer.licensor)].join('  '));
    count++;
  }
  io.err(`${count} offer${count === 1 ? '' : 's'}${count === limit ? ` (--limit ${limit} reached)` : ''}`);
  return count;
}
