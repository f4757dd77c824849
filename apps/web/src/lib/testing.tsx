import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, Outlet, RouterProvider, type RouteObject } from 'react-router';
import { vi } from 'vitest';
import { periodKey, periodLabel, periodName } from '@pm/core';
import { I18nProvider, type Locale } from '../i18n';
import type { CurrentDistrict } from '../features/districts/DistrictLayout';
import type { PlanRef } from './period';
import { createClient, TRPCProvider } from './trpc';

/** A plan as the server names it (plans.periods, an answer's `plan`), from its years. */
export function planRef(
  planId: number,
  years: { baselineYear: number; midtermYear: number; targetYear: number },
  title: string,
  indicators = 3,
): PlanRef {
  return {
    planId,
    period: periodKey(years),
    name: periodName(years),
    label: periodLabel(years),
    title,
    ...years,
    indicators,
  };
}

export const plan14 = planRef(
  1,
  { baselineYear: 2020, midtermYear: 2023, targetYear: 2025 },
  '石家庄市裕华区国民经济和社会发展第十四个五年规划',
);

/** A synthetic 15th plan (no real one is shipped). */
export const plan15 = planRef(
  2,
  { baselineYear: 2025, midtermYear: 2028, targetYear: 2030 },
  '测试区第十五个五年规划（测试用）',
  5,
);

export const yuhua: CurrentDistrict = {
  code: '130108',
  name: '裕华区',
  city: '石家庄市',
  province: '河北省',
  planTitle: plan14.title,
  indicatorCount: plan14.indicators,
  plan: plan14,
  periods: [plan14],
  reportingYear: 2025,
};

/** Renders `routes` (the app's own, e.g. the district layout and its pages) at `path`. */
export function renderAt(routes: RouteObject[], path: string, locale: Locale = 'zh-CN') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <I18nProvider locale={locale}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={createClient('http://localhost/trpc')} queryClient={queryClient}>
          <RouterProvider router={router} />
        </TRPCProvider>
      </QueryClientProvider>
    </I18nProvider>,
  );
  return router;
}

/**
 * Renders a page of a district as the app does: language, query client, tRPC, and the router
 * with the district (and its plan) in the outlet's context.
 */
export function renderInDistrict(
  page: ReactNode,
  locale: Locale = 'zh-CN',
  path = '/d/130108',
  district: CurrentDistrict = yuhua,
) {
  return renderAt(
    [
      {
        path: '/d/:code',
        element: <Outlet context={district} />,
        children: [
          { index: true, element: page },
          { path: 'indicators/:seq', element: page },
          { path: '*', element: page },
        ],
      },
    ],
    path,
    locale,
  );
}

/** A refusal as the server sends it: a tRPC code, HTTP status and the message key with its params. */
export function refusal(
  messageKey: string,
  params: Record<string, string | number> = {},
  code = 'BAD_REQUEST',
  httpStatus = 400,
) {
  return {
    refusal: { message: messageKey, code: -32600, data: { code, httpStatus, messageKey, params } },
  };
}

type Served = { procedure: string; input: unknown };

/**
 * Answers tRPC batch requests by procedure (`scorecard.district`), as the server would: with the
 * answer, or with what a function of the call's input returns (`refusal(...)` for an error).
 * Returns the calls made, with their inputs.
 */
export function serveProcedures(answers: Record<string, unknown>) {
  const calls: Served[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input));
      const names = decodeURIComponent(url.pathname.replace(/^\/trpc\//, '')).split(',');
      const raw = init?.body ? String(init.body) : url.searchParams.get('input');
      const inputs = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
      const body = names.map((n, i) => {
        const args = inputs[String(i)];
        calls.push({ procedure: n, input: args });
        if (!(n in answers))
          return {
            error: { message: n, code: -32004, data: { code: 'NOT_FOUND', httpStatus: 404 } },
          };
        const given = answers[n];
        const answer =
          typeof given === 'function' ? (given as (x: unknown) => unknown)(args) : given;
        return answer && typeof answer === 'object' && 'refusal' in answer
          ? { error: (answer as { refusal: unknown }).refusal }
          : { result: { data: answer } };
      });
      return new Response(JSON.stringify(body), {
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return calls;
}
