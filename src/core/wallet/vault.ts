import { entropyToMnemonic, mnemonicToEntropy } from '@scure/bip39';
import { getAddress, isAddress, type Address, type Hex } from 'viem';
import { english } from 'viem/accounts';
import {
  newPasswordKey,
  open,
  openingKey,
  readSection,
  seal,
  writeSection,
  type CryptoSection,
} from './crypto-section';
import { InvalidSecretError, KeystoreFormatError, NoMnemonicError } from './errors';
import { newKdf, sameKdf } from './kdf';
import { openKeystore, readKeystore, sealKeystore, type KeystoreV3 } from './keystore';
import { mnemonicToPrivateKey, normalizeMnemonic } from './mnemonic';
import { addressOf, parsePrivateKey } from './private-key';

/**
 * The wallet as the extension stores it on disk. The key is a standard v3 keystore (so "export keystore"
 * is a copy); the recovery phrase, when there is one, is its BIP-39 entropy in a second `crypto` section
 * sealed with the same derived key (its own random IV keeps the two CTR streams apart), so each password
 * costs one scrypt run, not one per secret.
 */
export interface Vault {
  version: 1;
  /** Checksummed; readable without the password (the popup shows it while locked). */
  address: Address;
  keystore: KeystoreV3;
  mnemonic?: {
    /** The key is at m/44'/60'/0'/0/accountIndex. */
    accountIndex: number;
    crypto: CryptoSection;
  };
}

export type VaultSecret = { mnemonic: string; accountIndex?: number } | { privateKey: Hex };

/** scrypt cost; defaults are DEFAULT_SCRYPT. Tests pass a small n. */
export interface VaultOptions {
  n?: number;
  r?: number;
  p?: number;
  onProgress?: (fraction: number) => void;
}

function checkNewPassword(password: string): void {
  if (password.length === 0) throw new InvalidSecretError('The wallet password must not be empty.');
}

async function sealVault(
  privateKey: Hex,
  entropy: Uint8Array | undefined,
  accountIndex: number,
  password: string,
  opts: VaultOptions,
): Promise<Vault> {
  const kdf = newKdf({ kdf: 'scrypt', n: opts.n, r: opts.r, p: opts.p });
  const derived = await newPasswordKey(kdf, password, opts.onProgress);
  const keystore = sealKeystore(privateKey, derived, kdf);
  const vault: Vault = { version: 1, address: addressOf(privateKey), keystore };
  if (entropy) vault.mnemonic = { accountIndex, crypto: writeSection(seal(entropy, derived, kdf)) };
  derived.fill(0);
  return vault;
}

/**
 * Encrypts a new or imported wallet under `password`.
 *
 * @example
 * const vault = await createVault({ mnemonic: createMnemonic() }, password)
 */
export async function createVault(secret: VaultSecret, password: string, opts: VaultOptions = {}): Promise<Vault> {
  checkNewPassword(password);
  // An imported phrase arrives with its key too (ImportedSecret); keep the phrase, it is the stronger backup.
  if ('mnemonic' in secret) {
    const index = secret.accountIndex ?? 0;
    const privateKey = mnemonicToPrivateKey(secret.mnemonic, index);
    const entropy = mnemonicToEntropy(normalizeMnemonic(secret.mnemonic), english);
    return sealVault(privateKey, entropy, index, password, opts);
  }
  return sealVault(parsePrivateKey(secret.privateKey), undefined, 0, password, opts);
}

/** Format checks of a stored vault; storage can be corrupted or from a newer version. */
function readVault(value: unknown) {
  if (typeof value !== 'object' || value === null) {
    throw new KeystoreFormatError('vault', 'must be an object', 'vault');
  }
  const v = value as Record<string, unknown>;
  if (v.version !== 1) {
    throw new KeystoreFormatError('version', `must be 1 (got ${JSON.stringify(v.version)})`, 'vault');
  }
  if (typeof v.address !== 'string' || !isAddress(v.address)) {
    throw new KeystoreFormatError('address', 'is not an address', 'vault');
  }
  const keystore = readKeystore(v.keystore);
  if (v.mnemonic === undefined) return { address: getAddress(v.address), keystore };
  const m = v.mnemonic as Record<string, unknown> | null;
  const index = m?.accountIndex;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= 2 ** 31) {
    throw new KeystoreFormatError('mnemonic.accountIndex', 'must be an integer from 0 to 2^31-1', 'vault');
  }
  const sealed = readSection(m?.crypto, 'mnemonic.crypto', 16, 32);
  return { address: getAddress(v.address), keystore, mnemonic: { accountIndex: index, sealed } };
}

/** Both must hold: a vault whose key or phrase leads to another address than it shows is refused. */
function checkAddress(expected: Address, privateKey: Hex): void {
  if (addressOf(privateKey) !== expected) {
    throw new KeystoreFormatError('address', 'does not match the key inside', 'vault');
  }
}

/**
 * Opens the vault: one scrypt run. Throws `WrongPasswordError` or `KeystoreFormatError`.
 *
 * @example
 * const { privateKey, address } = await unlockVault(stored, password)
 */
export async function unlockVault(
  vault: Vault,
  password: string,
  opts: Pick<VaultOptions, 'onProgress'> = {},
): Promise<{ privateKey: Hex; address: Address }> {
  const v = readVault(vault);
  const derived = await openingKey(v.keystore.sealed, password, opts.onProgress);
  try {
    const privateKey = openKeystore(v.keystore, derived);
    checkAddress(v.address, privateKey);
    return { privateKey, address: v.address };
  } finally {
    derived.fill(0);
  }
}

/**
 * The recovery phrase, for "show recovery phrase" after the password is typed again. Throws
 * `NoMnemonicError` for a wallet imported from a private key, `WrongPasswordError` for a wrong password.
 */
export async function exportMnemonic(vault: Vault, password: string): Promise<string> {
  const v = readVault(vault);
  if (!v.mnemonic) throw new NoMnemonicError();
  const derived = await openingKey(v.mnemonic.sealed, password);
  const entropy = open(v.mnemonic.sealed, derived)!;
  derived.fill(0);
  if (entropy.length % 4 !== 0) {
    throw new KeystoreFormatError('mnemonic.crypto.ciphertext', 'is not BIP-39 entropy', 'vault');
  }
  const phrase = entropyToMnemonic(entropy, english);
  entropy.fill(0);
  checkAddress(v.address, mnemonicToPrivateKey(phrase, v.mnemonic.accountIndex));
  return phrase;
}

/**
 * Re-encrypts the vault under `newPassword` with a fresh salt and IVs; `vault` is not modified.
 * Throws `WrongPasswordError` when `oldPassword` is wrong.
 */
export async function changePassword(
  vault: Vault,
  oldPassword: string,
  newPassword: string,
  opts: VaultOptions = {},
): Promise<Vault> {
  checkNewPassword(newPassword);
  const v = readVault(vault);
  const derived = await openingKey(v.keystore.sealed, oldPassword, opts.onProgress);
  let entropy: Uint8Array | undefined;
  try {
    const privateKey = openKeystore(v.keystore, derived);
    checkAddress(v.address, privateKey);
    if (v.mnemonic) {
      // Our own vaults share one KDF; a section with its own salt gets its own derivation.
      const shared = sameKdf(v.mnemonic.sealed.kdf, v.keystore.sealed.kdf);
      const key = shared ? derived : await openingKey(v.mnemonic.sealed, oldPassword);
      entropy = open(v.mnemonic.sealed, key);
      // The same password opened the keystore, so a mismatch here means the stored section is damaged.
      if (!entropy) throw new KeystoreFormatError('mnemonic.crypto.mac', 'does not match', 'vault');
    }
    return await sealVault(privateKey, entropy, v.mnemonic?.accountIndex ?? 0, newPassword, opts);
  } finally {
    derived.fill(0);
    entropy?.fill(0);
  }
}
