/**
 * Errors the wallet code throws on purpose. Each is its own class so callers (the popup, the import
 * flow) can tell "ask for the password again" from "this file is broken" without parsing messages.
 */

/** The password did not open the secret: the MAC over the ciphertext did not match. */
export class WrongPasswordError extends Error {
  override name = 'WrongPasswordError';
  constructor() {
    super('Wrong password.');
  }
}

/**
 * A keystore (or vault) is malformed, unsupported, or asks for absurd KDF work. `field` is the JSON path
 * of the offending value, e.g. `crypto.kdfparams.n`, so the message can point at it.
 *
 * @example
 * new KeystoreFormatError('crypto.cipher', 'must be "aes-128-ctr" (got "aes-128-cbc")')
 * // message: 'Invalid keystore: crypto.cipher must be "aes-128-ctr" (got "aes-128-cbc").'
 */
export class KeystoreFormatError extends Error {
  override name = 'KeystoreFormatError';
  readonly field: string;
  constructor(field: string, problem: string, subject: 'keystore' | 'vault' = 'keystore') {
    super(`Invalid ${subject}: ${field} ${problem}.`);
    this.field = field;
  }
}

/** User input that is not a usable secret (recovery phrase, private key, keystore text). Message is for people. */
export class InvalidSecretError extends Error {
  override name = 'InvalidSecretError';
}

/** The vault was created from a private key, so there is no recovery phrase to show. */
export class NoMnemonicError extends Error {
  override name = 'NoMnemonicError';
  constructor() {
    super('This wallet was imported from a private key; it has no recovery phrase.');
  }
}
