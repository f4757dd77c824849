import { describe, expect, it } from 'vitest';
import { readCookie } from './http-context';

describe('readCookie', () => {
  it('reads and decodes the named cookie among others', () => {
    expect(readCookie('a=1; pm_session=ab%2Bc; b=2', 'pm_session')).toBe('ab+c');
    expect(readCookie('a=1', 'pm_session')).toBeNull();
    expect(readCookie(undefined, 'pm_session')).toBeNull();
  });

  it('a value that cannot be decoded, or an empty one, is no cookie rather than an error', () => {
    expect(readCookie('pm_session=%E0%A4%A', 'pm_session')).toBeNull();
    expect(readCookie('pm_session=%', 'pm_session')).toBeNull();
    expect(readCookie('pm_session=', 'pm_session')).toBeNull();
  });
});
