import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import { canRetry, errorKind, errorMessage } from './errors';

function clientError(data: unknown, message = 'x') {
  return TRPCClientError.from({ error: { message, code: -32600, data } } as never);
}

describe('errorMessage', () => {
  const zh = translator('zh-CN');
  const en = translator('en');

  it('uses the catalog message the server named, with its parameters', () => {
    const error = clientError({
      code: 'NOT_FOUND',
      httpStatus: 404,
      messageKey: 'district.notFound',
      params: { code: '999999' },
    });
    expect(errorMessage(error, zh)).toBe('没有区划代码为 999999 的区县。');
    expect(errorMessage(error, en)).toBe('There is no district with division code 999999.');
  });

  it('says what input was wrong', () => {
    const error = clientError(
      { code: 'BAD_REQUEST', httpStatus: 400, messageKey: null },
      'code: must be 6 digits',
    );
    expect(errorMessage(error, en)).toBe('Invalid input: code: must be 6 digits');
  });

  it('falls back to the code when no key is given', () => {
    expect(errorMessage(clientError({ code: 'FORBIDDEN', httpStatus: 403 }), zh)).toBe(
      '您没有执行此操作的权限。',
    );
  });

  it('a failed fetch is a network problem', () => {
    expect(errorMessage(TRPCClientError.from(new TypeError('fetch failed')), en)).toContain(
      'Cannot reach the server',
    );
  });

  it('anything else is an unknown error', () => {
    expect(errorMessage(new Error('boom'), en)).toBe(translator('en')('state.error.unknown'));
  });
});

describe('errorKind', () => {
  it('a refusal of role or sign-in is forbidden, and retrying it cannot help', () => {
    for (const [code, httpStatus] of [
      ['FORBIDDEN', 403],
      ['UNAUTHORIZED', 401],
    ] as const) {
      const error = clientError({ code, httpStatus });
      expect(errorKind(error)).toBe('forbidden');
      expect(canRetry(error)).toBe(false);
    }
  });

  it('a server that does not answer, or a page whose code could not be fetched, is the network', () => {
    const chunk = new TypeError(
      'Failed to fetch dynamically imported module: http://x/assets/UsersPage-1.js',
    );
    for (const error of [TRPCClientError.from(new TypeError('fetch failed')), chunk]) {
      expect(errorKind(error)).toBe('network');
      expect(canRetry(error)).toBe(true);
    }
    expect(errorMessage(chunk, translator('zh-CN'))).toBe('无法连接服务器，请检查网络后重试。');
  });

  it('a server error may pass: it can be retried', () => {
    const error = clientError({ code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 });
    expect(errorKind(error)).toBe('other');
    expect(canRetry(error)).toBe(true);
  });
});
