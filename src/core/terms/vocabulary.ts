/**
 * The licence vocabulary. Tokens are RSL 1.0's (rslstandard.org/rsl, §3.4.1), so what the user picks is
 * exactly what the RSL document, the signals and the signed terms say: no mapping layer to drift.
 */

/** RSL usage tokens Consentry stores. `ai-all` and `all` are accepted on input and expanded. */
export const USAGES = ['ai-train', 'ai-input', 'ai-index', 'search'] as const;
export type Usage = (typeof USAGES)[number];

/** RSL user classes: who is responsible for the use (not who reads the output). */
export const USER_CLASSES = ['commercial', 'non-commercial', 'education', 'government', 'personal'] as const;
export type UserClass = (typeof USER_CLASSES)[number];

/** The RSL payment types a person can choose for one post. `purchase` is one-off, per post. */
export const PAYMENT_TYPES = ['purchase', 'free', 'attribution'] as const;
export type PaymentType = (typeof PAYMENT_TYPES)[number];

/** The uses RSL files under "AI": `ai-all` stands for these (and AI uses not yet named, which we cannot sell). */
export const AI_USAGES = ['ai-train', 'ai-input', 'ai-index'] as const satisfies readonly Usage[];

const SHORTHANDS: Readonly<Record<string, readonly Usage[]>> = { 'ai-all': AI_USAGES, all: USAGES };

/**
 * The stored tokens one input token stands for, or undefined for a token RSL does not define.
 * @example expandUsage('ai-all') // ['ai-train', 'ai-input', 'ai-index']
 */
export function expandUsage(token: string): readonly Usage[] | undefined {
  if ((USAGES as readonly string[]).includes(token)) return [token as Usage];
  return SHORTHANDS[token];
}

/** Whether a token is one of RSL's user classes (exact, lowercase). */
export function isUserClass(token: string): token is UserClass {
  return (USER_CLASSES as readonly string[]).includes(token);
}

/** Whether a token is a payment type a person can choose here (RSL's other types are not offered). */
export function isPaymentType(token: string): token is PaymentType {
  return (PAYMENT_TYPES as readonly string[]).includes(token);
}

// Tokens pegged 1:1 to the US dollar: only these may be shown with "$" or as RSL's ISO 4217 `USD`.
const USD_STABLECOINS = new Set(['USDC', 'USDT', 'DAI']);

/** Whether a token symbol names a US-dollar stablecoin (shown as $, and as `currency="USD"` in RSL). */
export function isUsdStablecoin(symbol: string): boolean {
  return USD_STABLECOINS.has(symbol.trim().toUpperCase());
}
