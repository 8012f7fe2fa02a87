/** Small pure helpers for the wallet screens (tested in wallet-text.test.ts). */

/** The background refuses shorter ones too; checking here saves a round trip and a confusing wait. */
export const MIN_PASSWORD = 8;

/** Auto-lock choices, in minutes, with how people say them. */
export const AUTO_LOCK_CHOICES: readonly { minutes: number; label: string }[] = [
  { minutes: 1, label: '1 minute' },
  { minutes: 5, label: '5 minutes' },
  { minutes: 15, label: '15 minutes' },
  { minutes: 60, label: '1 hour' },
  { minutes: 240, label: '4 hours' },
];

/** The choices to offer, including a stored value that is not one of them (set elsewhere), so the select never lies. */
export function autoLockOptions(current: number): { minutes: number; label: string }[] {
  if (AUTO_LOCK_CHOICES.some((c) => c.minutes === current)) return [...AUTO_LOCK_CHOICES];
  const extra = { minutes: current, label: `${current} minute${current === 1 ? '' : 's'}` };
  return [...AUTO_LOCK_CHOICES, extra].sort((a, b) => a.minutes - b.minutes);
}

/**
 * `0x1234…cdef`: enough to recognise an address at a glance, short enough for a 380px popup.
 * @example shortAddress('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266') // '0xf39F…2266'
 */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

export interface NewPasswordIssues {
  password?: string;
  repeat?: string;
}

/** What is wrong with a new password and its repetition, per field; empty when both are fine. */
export function newPasswordIssues(password: string, repeat: string): NewPasswordIssues {
  const issues: NewPasswordIssues = {};
  if (password.length < MIN_PASSWORD) issues.password = `Use at least ${MIN_PASSWORD} characters.`;
  if (repeat !== password) issues.repeat = "The passwords don't match.";
  return issues;
}

/** Keystore files are JSON objects; a phrase or a key never starts with "{". */
export function looksLikeKeystore(text: string): boolean {
  return text.trimStart().startsWith('{');
}

export function keystoreFileName(address: string): string {
  return `consentry-keystore-${address}.json`;
}

/** The words of a recovery phrase, however it was spaced. */
export function phraseWords(mnemonic: string): string[] {
  return mnemonic.trim().split(/\s+/).filter(Boolean);
}
