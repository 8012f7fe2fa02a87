import { validateMnemonic } from '@scure/bip39';
import type { Hex } from 'viem';
import { english, generateMnemonic, mnemonicToAccount } from 'viem/accounts';
import { toHex } from './bytes';
import { InvalidSecretError } from './errors';

/** BIP-39 recovery phrases (English list) and the Ethereum key at m/44'/60'/0'/0/index. */

const WORD_COUNTS = [12, 15, 18, 21, 24];
let wordSet: Set<string> | undefined;

/**
 * Canonical form: NFKD (as BIP-39 hashes it), lower case, single spaces. People paste phrases with
 * line breaks, numbering gaps and capitals; none of that changes which wallet they mean.
 */
export function normalizeMnemonic(words: string): string {
  return words.normalize('NFKD').toLowerCase().trim().split(/\s+/).filter(Boolean).join(' ');
}

/**
 * Why `words` is not a valid English BIP-39 phrase, as a sentence for the user; `undefined` when it is.
 *
 * @example
 * mnemonicProblem('… applx …') // "word 7 'applx' is not in the word list"
 */
export function mnemonicProblem(words: string): string | undefined {
  const list = normalizeMnemonic(words).split(' ').filter(Boolean);
  if (!WORD_COUNTS.includes(list.length)) {
    return `it has ${list.length} word${list.length === 1 ? '' : 's'}; a recovery phrase has 12, 15, 18, 21 or 24`;
  }
  wordSet ??= new Set(english);
  const unknown = list.findIndex((w) => !wordSet!.has(w));
  if (unknown >= 0) return `word ${unknown + 1} '${list[unknown]}' is not in the word list`;
  // Every word is real, so only the checksum (last word) can be wrong: usually a swapped or mistyped word.
  if (!validateMnemonic(list.join(' '), english)) {
    return 'the words are in the list but the checksum does not match; check their order';
  }
  return undefined;
}

/** True for a valid English BIP-39 phrase (whitespace and case are ignored). */
export function isValidMnemonic(words: string): boolean {
  return mnemonicProblem(words) === undefined;
}

/** A fresh 12-word (128-bit) phrase from WebCrypto randomness. */
export function createMnemonic(): string {
  return generateMnemonic(english);
}

/**
 * The private key at m/44'/60'/0'/0/`index`, the path MetaMask, Ledger Live and viem use for account
 * `index`. Throws `InvalidSecretError` for an invalid phrase or index.
 *
 * @example
 * mnemonicToPrivateKey('test test test test test test test test test test test junk')
 * // key of 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266
 */
export function mnemonicToPrivateKey(mnemonic: string, index = 0): Hex {
  const problem = mnemonicProblem(mnemonic);
  if (problem) throw new InvalidSecretError(`That is not a valid recovery phrase: ${problem}.`);
  if (!Number.isInteger(index) || index < 0 || index >= 2 ** 31) {
    throw new InvalidSecretError(`Account index must be an integer from 0 to 2^31-1 (got ${index}).`);
  }
  const key = mnemonicToAccount(normalizeMnemonic(mnemonic), { addressIndex: index }).getHdKey().privateKey;
  if (!key) throw new InvalidSecretError('That recovery phrase did not produce a key.');
  return `0x${toHex(key)}`;
}
