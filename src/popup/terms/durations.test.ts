import { describe, expect, it } from 'vitest';
import { durationChoice, durationSeconds } from './durations';

describe('licence duration choices', () => {
  it('shows stored lengths as the preset they are, or as days', () => {
    expect(durationChoice(0n)).toEqual({ choice: '0', customDays: '' });
    expect(durationChoice(2_592_000n)).toEqual({ choice: '2592000', customDays: '' });
    expect(durationChoice(63_072_000n)).toEqual({ choice: '63072000', customDays: '' });
    expect(durationChoice(7n * 86_400n)).toEqual({ choice: 'custom', customDays: '7' });
    // Not whole days (never set from the form): the nearest day, at least one.
    expect(durationChoice(3_600n)).toEqual({ choice: 'custom', customDays: '1' });
  });

  it('turns a choice into seconds and refuses days that make no licence', () => {
    expect(durationSeconds('31536000', '')).toEqual({ ok: true, seconds: 31_536_000n });
    expect(durationSeconds('custom', ' 14 ')).toEqual({ ok: true, seconds: 1_209_600n });
    expect(durationSeconds('custom', '1.5')).toMatchObject({ ok: false, message: 'Days must be a whole number, like 90.' });
    expect(durationSeconds('custom', '0')).toMatchObject({ ok: false });
    expect(durationSeconds('custom', '36501')).toMatchObject({ ok: false });
    expect(durationSeconds('12345', '')).toMatchObject({ ok: false });
  });
});
