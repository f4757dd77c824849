import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_BATCH_PROCEDURES } from '@pm/core';
import { I18nProvider, type Locale } from '../../i18n';
import { createClient, TRPCProvider } from '../../lib/trpc';
import { SignInPage } from './SignInPage';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** auth.me answers null (signed out); auth.signIn answers the server's refusal `key`. */
function serve(key: string, params: object) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      urls.push(url);
      if (url.includes('auth.me')) return json([{ result: { data: null } }]);
      const data = { code: 'TOO_MANY_REQUESTS', httpStatus: 429, messageKey: key, params };
      return json({ error: { message: key, code: -32029, data } }, 429);
    }),
  );
  return urls;
}

function renderPage(locale: Locale = 'zh-CN') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '/', element: <SignInPage /> }]);
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

function submit() {
  fireEvent.change(screen.getByLabelText('用户名'), { target: { value: 'wang' } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'a password' } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('signing in when the server says wait', () => {
  it('shows how many seconds to wait, and signs in alone, never in a batch', async () => {
    const urls = serve('auth.throttled', { seconds: 8 });
    renderPage();
    submit();
    expect((await screen.findByRole('alert')).textContent).toBe('登录尝试过多，请 8 秒后再试。');
    expect(urls.find((u) => u.includes('auth.signIn'))).toBe('http://localhost/trpc/auth.signIn');
  });

  it('a long wait in minutes', async () => {
    serve('auth.throttledMinutes', { minutes: 15, seconds: 900 });
    renderPage();
    submit();
    expect((await screen.findByRole('alert')).textContent).toBe('登录尝试过多，请 15 分钟后再试。');
  });

  it('a busy server: try again in a few seconds', async () => {
    serve('auth.busy', {});
    renderPage();
    submit();
    expect((await screen.findByRole('alert')).textContent).toBe('服务器正忙，请几秒后再试。');
  });
});

describe('the API client', () => {
  it(`batches at most ${MAX_BATCH_PROCEDURES} calls a request`, async () => {
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        urls.push(url);
        const n = new URL(url).pathname.split('/').pop()!.split(',').length;
        return json(Array.from({ length: n }, () => ({ result: { data: null } })));
      }),
    );
    const client = createClient('http://localhost/trpc');
    await Promise.all(Array.from({ length: 120 }, () => client.auth.me.query()));
    const sizes = urls.map((u) => new URL(u).pathname.split('/').pop()!.split(',').length);
    expect(sizes).toEqual([
      MAX_BATCH_PROCEDURES,
      MAX_BATCH_PROCEDURES,
      120 - 2 * MAX_BATCH_PROCEDURES,
    ]);
  });
});
