import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { TRPCClientError } from '@trpc/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n';
import { ErrorState } from './states';

afterEach(cleanup);

const refused = (code: string, httpStatus: number) =>
  TRPCClientError.from({
    error: { message: code, code: -32600, data: { code, httpStatus } },
  } as never);

const show = (error: unknown, onRetry = vi.fn()) => {
  render(
    <I18nProvider locale="zh-CN">
      <ErrorState error={error} onRetry={onRetry} />
    </I18nProvider>,
  );
  return onRetry;
};

describe('ErrorState', () => {
  it('a server that cannot be reached says so and offers 重试', () => {
    const onRetry = show(TRPCClientError.from(new TypeError('fetch failed')));
    expect(screen.getByRole('alert').textContent).toContain('无法连接服务器');
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('a refusal of the role says 无权限 with its message and no 重试', () => {
    show(refused('FORBIDDEN', 403));
    const alert = screen.getByRole('alert');
    expect(screen.getByRole('heading', { name: '无权限' })).toBeTruthy();
    expect(alert.textContent).toContain('您没有执行此操作的权限。');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('an ended session offers no 重试 either', () => {
    show(refused('UNAUTHORIZED', 401));
    expect(screen.getByRole('alert').textContent).toContain('请先登录。');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
