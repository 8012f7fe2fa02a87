import { describe, expect, it } from 'vitest';
import { autoLockOptions, keystoreFileName, looksLikeKeystore, newPasswordIssues, phraseWords, shortAddress } from './wallet-text';

describe('wallet screen helpers', () => {
  it('shortens an address to its first and last characters', () => {
    expect(shortAddress('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266')).toBe('0xf39F…2266');
  });

  it('asks for 8 characters and the same password twice', () => {
    expect(newPasswordIssues('short', 'short')).toEqual({ password: 'Use at least 8 characters.' });
    expect(newPasswordIssues('long enough', 'long enougH')).toEqual({ repeat: "The passwords don't match." });
    expect(newPasswordIssues('long enough', 'long enough')).toEqual({});
  });

  it('recognises a keystore file but not a phrase or a key', () => {
    expect(looksLikeKeystore('  \n{"version":3}')).toBe(true);
    expect(looksLikeKeystore('test test test')).toBe(false);
    expect(looksLikeKeystore('0xabc')).toBe(false);
  });

  it('keeps a stored auto-lock time that is not one of the choices', () => {
    expect(autoLockOptions(15).map((o) => o.minutes)).toEqual([1, 5, 15, 60, 240]);
    expect(autoLockOptions(30).map((o) => o.label)).toContain('30 minutes');
    expect(autoLockOptions(30).map((o) => o.minutes)).toEqual([1, 5, 15, 30, 60, 240]);
  });

  it('names the keystore file after the address and splits phrases on any space', () => {
    expect(keystoreFileName('0xAbC')).toBe('consentry-keystore-0xAbC.json');
    expect(phraseWords(' one  two\nthree ')).toEqual(['one', 'two', 'three']);
  });
});
