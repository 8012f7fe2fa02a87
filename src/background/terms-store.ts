import { PLATFORMS, type Platform } from '../core/platform';
import type { PostRecord } from '../core/post';
import { defaultTerms, validateTerms, type Terms } from '../core/terms/terms';
import { termsToJson, type TermsJson } from '../core/terms/terms-json';
import { networkItem, siteTermsItem } from '../ext/publish-items';
import { CHAINS, type NetworkSettings } from '../ext/protocol';

export function chainIdOf(network: NetworkSettings): bigint {
  return BigInt(CHAINS[network.chain].chainId);
}

function defaultsFor(network: NetworkSettings): Terms {
  const { address, symbol, decimals } = network.token;
  return defaultTerms({ token: address, chainId: chainIdOf(network), symbol, decimals });
}

/** Checked terms, or an Error whose message lists every problem in the user's words. */
export function checkTerms(json: unknown, network: NetworkSettings): Terms {
  const r = validateTerms(json);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join(' '));
  const t = r.value;
  if (t.price.token.toLowerCase() !== network.token.address.toLowerCase() || t.price.chainId !== chainIdOf(network))
    throw new Error(`The price must be in ${network.token.symbol} on ${CHAINS[network.chain].name}, the network set in Settings.`);
  return t;
}

/** A site's terms: what the user set, else the defaults for the current network. */
export async function siteTerms(platform: Platform): Promise<Terms> {
  const [stored, network] = await Promise.all([siteTermsItem.get(), networkItem.get()]);
  const json = stored[platform];
  if (json) {
    const r = validateTerms(json);
    if (r.ok) return r.value;
  }
  return defaultsFor(network);
}

export async function allSiteTermsJson(): Promise<Record<Platform, TermsJson>> {
  const entries = await Promise.all(PLATFORMS.map(async (p) => [p, termsToJson(await siteTerms(p))] as const));
  return Object.fromEntries(entries) as Record<Platform, TermsJson>;
}

export async function saveSiteTerms(platform: Platform, json: unknown): Promise<TermsJson> {
  const terms = checkTerms(json, await networkItem.get());
  const stored = await siteTermsItem.get();
  const out = termsToJson(terms);
  await siteTermsItem.set({ ...stored, [platform]: out });
  return out;
}

/** The terms a post is offered on: its own when set (and still valid), else its site's. */
export async function effectiveTerms(rec: PostRecord): Promise<Terms> {
  if (rec.terms) {
    const r = validateTerms(rec.terms);
    if (r.ok) return r.value;
  }
  return siteTerms(rec.post.platform);
}
