import { normalizeMnemonic } from './mnemonic';

/** After showing a new phrase, ask for a few of its words back: proof it was written down before we rely on it. */

export const CONFIRM_WORD_COUNT = 3;

/** Returns an integer in [0, max). */
export type RandomInt = (max: number) => number;

/** Uniform integer in [0, max) from WebCrypto, by rejection sampling so no position is favoured. */
export const cryptoRandomInt: RandomInt = (max) => {
  const limit = Math.floor(2 ** 32 / max) * max;
  const buf = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buf);
    if (buf[0]! < limit) return buf[0]! % max;
  }
};

export interface ConfirmationChallenge {
  /** 1-based word positions the user must type, ascending (the order they appear on paper). */
  positions: number[];
}

/**
 * Picks CONFIRM_WORD_COUNT distinct word positions to ask for.
 *
 * @example
 * confirmationChallenge(phrase) // { positions: [3, 7, 11] }
 */
export function confirmationChallenge(mnemonic: string, rng: RandomInt = cryptoRandomInt): ConfirmationChallenge {
  const count = normalizeMnemonic(mnemonic).split(' ').length;
  const pool = Array.from({ length: count }, (_, i) => i + 1);
  const positions: number[] = [];
  while (positions.length < Math.min(CONFIRM_WORD_COUNT, count)) {
    const [pick] = pool.splice(rng(pool.length), 1);
    if (pick === undefined) throw new RangeError('rng returned a value outside [0, max)');
    positions.push(pick);
  }
  return { positions: positions.sort((a, b) => a - b) };
}

export interface ConfirmationResult {
  ok: boolean;
  /** Positions answered wrongly or left empty, for the UI to mark. */
  wrong: number[];
}

/**
 * Checks the typed words (keyed by 1-based position) against the phrase. Case and surrounding spaces are
 * ignored. Fewer than CONFIRM_WORD_COUNT answered positions is never `ok`, so an empty form cannot pass.
 */
export function checkConfirmation(mnemonic: string, answers: Readonly<Record<number, string>>): ConfirmationResult {
  const words = normalizeMnemonic(mnemonic).split(' ');
  const positions = Object.keys(answers).map(Number);
  const wrong = positions.filter((pos) => {
    const expected = Number.isInteger(pos) ? words[pos - 1] : undefined;
    return expected === undefined || normalizeMnemonic(answers[pos] ?? '') !== expected;
  });
  return { ok: wrong.length === 0 && positions.length >= Math.min(CONFIRM_WORD_COUNT, words.length), wrong };
}
