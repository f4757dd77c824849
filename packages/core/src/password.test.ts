import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH, passwordSchema } from './password';

describe('passwordSchema', () => {
  it('a password of 11 characters is refused, one of 12 accepted', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(passwordSchema.safeParse('a'.repeat(11)).error?.issues[0]?.message).toBe(
      'password must have at least 12 characters',
    );
    expect(passwordSchema.safeParse('a'.repeat(12)).success).toBe(true);
    expect(passwordSchema.safeParse('a'.repeat(257)).success).toBe(false);
  });
});
