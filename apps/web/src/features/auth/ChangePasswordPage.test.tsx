import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider, type Locale } from '../../i18n';
import { createClient, TRPCProvider } from '../../lib/trpc';
import { ChangePasswordPage } from './ChangePasswordPage';

/** Answers auth.changePassword as the server does; `requests` collects what was sent. */
function serve(answer: { ok: true } | { key: string; params?: object; status: number }) {
  const requests: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: unknown, init?: RequestInit) => {
      requests.push(JSON.parse(String(init?.body)));
      const body =
        'ok' in answer
          ? [{ result: { data: answer } }]
          : [
              {
                error: {
                  message: answer.key,
                  code: -32600,
                  data: {
                    code: answer.status === 429 ? 'TOO_MANY_REQUESTS' : 'BAD_REQUEST',
                    httpStatus: answer.status,
                    messageKey: answer.key,
                    params: answer.params ?? null,
                  },
                },
              },
            ];
      return new Response(JSON.stringify(body), {
        status: 'ok' in answer ? 200 : answer.status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return requests;
}

function renderPage(locale: Locale = 'zh-CN') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '/', element: <ChangePasswordPage /> }]);
  render(
    <I18nProvider locale={locale}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={createClient('http://localhost/trpc')} queryClient={queryClient}>
          <RouterProvider router={router} />
        </TRPCProvider>
      </QueryClientProvider>
    </I18nProvider>,
  );
}

function fill(current: string, next: string, repeat = next) {
  fireEvent.change(screen.getByLabelText('当前密码'), { target: { value: current } });
  fireEvent.change(screen.getByLabelText(/^新密码/), { target: { value: next } });
  fireEvent.change(screen.getByLabelText('再次输入新密码'), { target: { value: repeat } });
  fireEvent.click(screen.getByRole('button', { name: '修改密码' }));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('changing one’s password', () => {
  it('says how long the new password must be, beside its field', () => {
    renderPage();
    expect(screen.getByLabelText(/^新密码/).getAttribute('aria-describedby')).toBe('password-hint');
    expect(document.getElementById('password-hint')?.textContent).toContain('至少 12 个字符');
  });

  it.each([
    ['', 'a long new password', undefined, '请填写当前密码。'],
    ['old password', 'elevenchars', undefined, '新密码至少需要 12 个字符。'],
    ['old password', 'a long new password', 'a long new passw0rd', '两次输入的新密码不一致。'],
    ['same password!', 'same password!', undefined, '新密码不能与当前密码相同。'],
  ])('refuses %j → %j before sending: %s', (current, next, repeat, message) => {
    const requests = serve({ ok: true });
    renderPage();
    fill(current, next, repeat);
    expect(screen.getByRole('alert').textContent).toBe(message);
    expect(requests).toEqual([]);
  });

  it('sends the current and new password, then says it is done and empties the form', async () => {
    const requests = serve({ ok: true });
    renderPage();
    fill('old password', 'a long new password');
    expect(await screen.findByRole('status')).toHaveProperty(
      'textContent',
      '密码已修改。您在其他设备上的登录已退出。',
    );
    expect(requests).toEqual([{ 0: { current: 'old password', next: 'a long new password' } }]);
    expect((screen.getByLabelText('当前密码') as HTMLInputElement).value).toBe('');
  });

  it('shows the server’s refusal in Chinese: a wrong current password, too many tries', async () => {
    serve({ key: 'auth.wrongCurrent', status: 400 });
    renderPage();
    fill('not my password', 'a long new password');
    expect((await screen.findByRole('alert')).textContent).toBe('当前密码不正确。');
    cleanup();
    serve({ key: 'auth.throttledMinutes', params: { minutes: 9 }, status: 429 });
    renderPage();
    fill('not my password', 'a long new password');
    expect((await screen.findByRole('alert')).textContent).toBe('登录尝试过多，请 9 分钟后再试。');
  });

  it('speaks English too', () => {
    renderPage('en');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Change password');
    expect(screen.getByLabelText('Current password')).toBeTruthy();
  });
});
