import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { TRPCClientError } from '@trpc/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as connection from '../lib/connection';
import { reloadPage } from '../lib/connection';
import { renderAt, serveProcedures } from '../lib/testing';
import { routes } from './routes';

// The pages stand for any page whose code failed to load or that threw while drawing.
vi.mock('../features/admin/UsersPage', () => ({
  UsersPage: () => {
    throw new TypeError(
      'Failed to fetch dynamically imported module: http://localhost/assets/UsersPage-x.js',
    );
  },
}));
vi.mock('../features/admin/PlansPage', () => ({
  PlansPage: () => {
    throw TRPCClientError.from({
      error: { message: 'no', code: -32603, data: { code: 'FORBIDDEN', httpStatus: 403 } },
    } as never);
  },
}));
vi.mock('../features/auth/ChangePasswordPage', () => ({
  ChangePasswordPage: () => {
    throw new Error('a bug');
  },
}));
vi.mock('../features/auth/SignInPage', () => ({
  SignInPage: () => {
    throw new Error('a bug');
  },
}));
vi.mock('../lib/connection', async (original) => ({
  ...(await original<typeof connection>()),
  reloadPage: vi.fn(),
}));

// The pages throw on purpose: React and the router report each to the console.
beforeEach(() => void vi.spyOn(console, 'error').mockImplementation(() => {}));

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.mocked(reloadPage).mockClear();
});

const me = { id: 1, username: 'admin', displayName: '管理员', role: 'admin', districts: 'all' };

/** The app's routes, signed in; `/healthz` answers when `up`, as a server would. */
function openApp(path: string, up: () => boolean, locale: 'zh-CN' | 'en' = 'zh-CN') {
  serveProcedures({ 'auth.me': me, 'districts.list': [] });
  const trpc = vi.mocked(fetch).getMockImplementation();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input) === '/healthz') {
        if (!up()) throw new TypeError('Failed to fetch');
        return new Response('{"ok":true}');
      }
      return trpc!(input, init);
    }),
  );
  return renderAt(routes, path, locale);
}

describe('the app’s error pages', () => {
  it('a page that could not be loaded says 无法连接服务器 inside the shell, with 重试 and the way home', async () => {
    let up = false;
    openApp('/admin/users', () => up);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { level: 1, name: '无法连接服务器' })).toBeTruthy();
    expect(alert.textContent).toContain('服务器没有响应');
    expect(within(alert).getByRole('link', { name: '返回首页' }).getAttribute('href')).toBe('/');
    // The frame stays: navigation and the signed-in user.
    expect(screen.getByRole('navigation', { name: '主导航' })).toBeTruthy();
    expect(screen.queryByText(/Unexpected Application Error/)).toBeNull();

    fireEvent.click(within(alert).getByRole('button', { name: '重试' }));
    expect(await screen.findByText('仍无法连接服务器，请稍后再试。')).toBeTruthy();
    expect(reloadPage).not.toHaveBeenCalled();

    up = true;
    fireEvent.click(within(alert).getByRole('button', { name: '重试' }));
    await vi.waitFor(() => expect(reloadPage).toHaveBeenCalledTimes(1));
  });

  it('a refusal of the role says 无权限 and offers no 重试', async () => {
    openApp('/admin/plans', () => true);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: '无权限' })).toBeTruthy();
    expect(alert.textContent).toContain('您没有执行此操作的权限。');
    expect(within(alert).queryByRole('button', { name: '重试' })).toBeNull();
    expect(within(alert).getByRole('link', { name: '返回首页' })).toBeTruthy();
  });

  it('a page that threw says so in English, with Try again', async () => {
    openApp('/account/password', () => true, 'en');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Something went wrong' })).toBeTruthy();
    expect(alert.textContent).toContain('An unexpected error occurred');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeTruthy();
  });

  it('an unknown address is 页面不存在 in the shell', async () => {
    openApp('/no/such/page', () => true);
    expect(await screen.findByRole('heading', { name: '页面不存在' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: '主导航' })).toBeTruthy();
  });

  it('a page outside the shell that threw is shown in a frame of its own, with the language switch', async () => {
    openApp('/sign-in', () => true);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: '出错了' })).toBeTruthy();
    expect(within(alert).getByRole('button', { name: '重试' })).toBeTruthy();
    expect(screen.getByText('规划实施监测')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '切换为英文' }));
    expect(within(alert).getByRole('heading', { name: 'Something went wrong' })).toBeTruthy();
  });
});
