/** Wallet cryptography: pure, no browser APIs, runs in Node and in the MV3 service worker. */
export { InvalidSecretError, KeystoreFormatError, NoMnemonicError, WrongPasswordError } from './errors';
export { DEFAULT_SCRYPT, KDF_LIMITS } from './kdf';
export type { CryptoSection } from './crypto-section';
export {
  decryptKeystore,
  encryptKeystore,
  type DecryptKeystoreOptions,
  type EncryptKeystoreOptions,
  type KeystoreV3,
} from './keystore';
export { createMnemonic, isValidMnemonic, mnemonicProblem, mnemonicToPrivateKey, normalizeMnemonic } from './mnemonic';
export {
  checkConfirmation,
  confirmationChallenge,
  CONFIRM_WORD_COUNT,
  type ConfirmationChallenge,
  type ConfirmationResult,
  type RandomInt,
} from './mnemonic-confirmation';
export { parseSecretImport, type ImportedSecret } from './import-key';
export { parsePrivateKey } from './private-key';
export {
  changePassword,
  createVault,
  exportMnemonic,
  unlockVault,
  type Vault,
  type VaultOptions,
  type VaultSecret,
} from './vault';
