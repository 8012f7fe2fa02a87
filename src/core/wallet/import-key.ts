import type { Hex } from 'viem';
import { InvalidSecretError } from './errors';
import { decryptKeystore } from './keystore';
import { mnemonicProblem, mnemonicToPrivateKey, normalizeMnemonic } from './mnemonic';
import { parsePrivateKey } from './private-key';

/** What a user pasted into "Import wallet", recognised and turned into a key. */
export type ImportedSecret =
  | { kind: 'mnemonic'; privateKey: Hex; /** Normalised phrase, for the vault to keep. */ mnemonic: string }
  | { kind: 'private-key'; privateKey: Hex }
  | { kind: 'keystore'; privateKey: Hex };

/**
 * Recognises a recovery phrase (account 0), a private key (64 hex digits, optional 0x) or keystore JSON
 * text (needs `password`) and returns the key. Throws `InvalidSecretError` with a sentence for the user;
 * a keystore can also throw `WrongPasswordError` or `KeystoreFormatError`.
 *
 * @example
 * await parseSecretImport('test test test test test test test test test test test junk')
 * // { kind: 'mnemonic', privateKey: '0xac09…ff80', mnemonic: 'test test … junk' }
 */
export async function parseSecretImport(input: string, password?: string): Promise<ImportedSecret> {
  const text = input.trim();
  if (text === '') throw new InvalidSecretError('Paste a recovery phrase, a private key or a keystore file.');
  if (text.startsWith('{')) {
    if (password === undefined) {
      throw new InvalidSecretError('This is a keystore file: enter the password it was saved with.');
    }
    return { kind: 'keystore', privateKey: await decryptKeystore(text, password) };
  }
  const tokens = text.split(/\s+/);
  if (tokens.length === 1) {
    // One token: a key if it looks like hex (parsePrivateKey explains what is wrong with it), else nothing we know.
    if (/^(0x)?[0-9a-f]+$/i.test(text)) return { kind: 'private-key', privateKey: parsePrivateKey(text) };
    throw new InvalidSecretError('That is not a recovery phrase, a private key or a keystore file.');
  }
  const problem = mnemonicProblem(text);
  if (!problem) return { kind: 'mnemonic', privateKey: mnemonicToPrivateKey(text), mnemonic: normalizeMnemonic(text) };
  // A key copied across line breaks or in groups of digits arrives as several hex tokens.
  const joined = tokens.join('');
  if (/^(0x)?[0-9a-f]{64}$/i.test(joined)) return { kind: 'private-key', privateKey: parsePrivateKey(joined) };
  throw new InvalidSecretError(`That is not a valid recovery phrase: ${problem}.`);
}
