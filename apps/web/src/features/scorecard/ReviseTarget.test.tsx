import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Indicator, TargetRevision } from '@pm/core';
import { renderInDistrict } from '../../lib/testing';
import { TargetRevisions } from './ReviseTarget';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const level = {
  form: 'level',
  baseline: 50,
  value: 70,
  rate: null,
  cumulative: null,
  sumOf: null,
  comparator: null,
  tolerance: null,
  direction: 'increase',
  linkedTo: null,
  baselineYear: null,
} as const;

const indicator: Indicator = {
  seq: 4,
  category: '创新驱动',
  name: '市级以上创新平台',
  unit: '个',
  attribute: 'binding',
  leadDepartment: '区科技局',
  raw: { baseline: '50', target: '70', rate: null, attribute: '约束性' },
  target: level,
  revisions: [],
  source: { document: '规划纲要', line: 12, kind: 'table', quote: null },
};

const revision = (over: Partial<TargetRevision>): TargetRevision => ({
  fromYear: 2024,
  target: { ...level, value: 65 },
  text: '65',
  document: '区政府关于调整“十四五”规划部分指标的通知',
  reason: '中期评估后调整',
  revisedBy: 'root',
  revisedAt: '2024-03-01T08:00:00.000Z',
  ...over,
});

interface Answer {
  data?: unknown;
  error?: { code: string; messageKey: string; params: Record<string, unknown> };
}

/**
 * Answers tRPC calls by procedure as the server would, a refusal with its message key, and
 * records the inputs of every call.
 */
function serve(answers: Record<string, Answer | Answer[]>) {
  const calls: { path: string; input: unknown }[] = [];
  const queue = new Map(
    Object.entries(answers).map(([k, v]) => [k, Array.isArray(v) ? [...v] : [v]]),
  );
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input));
      const names = decodeURIComponent(url.pathname.replace(/^\/trpc\//, '')).split(',');
      const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {};
      const out = names.map((n, i) => {
        calls.push({ path: n, input: body[String(i)] });
        const list = queue.get(n);
        const answer = list && list.length > 1 ? list.shift() : list?.[0];
        if (!answer) return { error: { message: n, code: -32004, data: { code: 'NOT_FOUND' } } };
        if (answer.error)
          return {
            error: {
              message: answer.error.messageKey,
              code: -32600,
              data: { httpStatus: 400, ...answer.error },
            },
          };
        return { result: { data: answer.data } };
      });
      return new Response(JSON.stringify(out), { headers: { 'content-type': 'application/json' } });
    }),
  );
  return calls;
}

const me = (role: string) => ({
  data: { id: 1, username: role, displayName: role, role, districts: 'all' },
});

const plan = { baselineYear: 2020, targetYear: 2025 };

function show(ind: Indicator, year = 2023, locale: 'zh-CN' | 'en' = 'zh-CN') {
  renderInDistrict(
    <TargetRevisions
      district="130108"
      period="2021-2025"
      indicator={ind}
      plan={plan}
      year={year}
    />,
    locale,
  );
}

describe('TargetRevisions', () => {
  it('shows everyone the revisions with who and when, and which one is in force', async () => {
    serve({ 'auth.me': me('leader') });
    const ind = {
      ...indicator,
      revisions: [
        revision({}),
        revision({ text: '66', revisedBy: 'admin2', reason: '录入更正' }),
        revision({ fromYear: 2025, text: '68' }),
      ],
    };
    show(ind, 2024);
    expect(await screen.findByText('目标调整记录')).toBeTruthy();
    expect(screen.getByText('原目标：70（规划原文，始终保留）')).toBeTruthy();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]?.textContent)).toEqual([
      '65 已被同年更正',
      '66 2024 年执行中',
      '68 2025 年起执行',
    ]);
    expect(within(rows[1]!).getByText('admin2')).toBeTruthy();
    expect(within(rows[1]!).getByText('录入更正')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '调整目标…' })).toBeNull();
  });

  it('shows nothing to others when the target was never revised', async () => {
    const calls = serve({ 'auth.me': me('official') });
    show(indicator);
    await waitFor(() => expect(calls.some((c) => c.path === 'auth.me')).toBe(true));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText('目标调整记录')).toBeNull();
  });

  it('lets an administrator revise from a year of the plan, and says what was done', async () => {
    const calls = serve({
      'auth.me': me('admin'),
      'plans.reviseTarget': {
        data: {
          words: {
            zh: '原目标 70，2024 年调整为 65',
            en: 'Originally 70; revised to 65 from 2024',
          },
        },
      },
    });
    show(indicator);
    fireEvent.click(await screen.findByRole('button', { name: '调整目标…' }));
    const year = screen.getByLabelText('自哪一年起执行') as HTMLSelectElement;
    expect([...year.options].map((o) => o.value)).toEqual(['2021', '2022', '2023', '2024', '2025']);
    expect(year.value).toBe('2024');
    fireEvent.change(screen.getByLabelText(/调整后的目标/), { target: { value: '65' } });
    fireEvent.change(screen.getByLabelText('依据的文件或决定'), {
      target: { value: '区政府关于调整规划指标的通知' },
    });
    fireEvent.change(screen.getByLabelText('调整原因'), { target: { value: '中期评估后调整' } });
    fireEvent.click(screen.getByRole('button', { name: '保存调整' }));
    expect(await screen.findByText('已调整：原目标 70，2024 年调整为 65。')).toBeTruthy();
    expect(calls.find((c) => c.path === 'plans.reviseTarget')?.input).toEqual({
      district: '130108',
      period: '2021-2025',
      seq: 4,
      fromYear: 2024,
      text: '65',
      document: '区政府关于调整规划指标的通知',
      reason: '中期评估后调整',
    });
  });

  it('says at the field what is missing, before sending anything', async () => {
    const calls = serve({ 'auth.me': me('admin') });
    show(indicator);
    fireEvent.click(await screen.findByRole('button', { name: '调整目标…' }));
    fireEvent.change(screen.getByLabelText(/调整后的目标/), { target: { value: '65' } });
    fireEvent.click(screen.getByRole('button', { name: '保存调整' }));
    const document = screen.getByLabelText(/依据的文件或决定/);
    expect(document.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('请填写调整所依据的文件或决定。');
    expect(calls.some((c) => c.path === 'plans.reviseTarget')).toBe(false);
    fireEvent.change(document, { target: { value: '区政府关于调整规划指标的通知' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.getAttribute('aria-invalid')).toBeNull();
  });

  it('shows the server’s refusal at the field it names, in English too', async () => {
    serve({
      'auth.me': me('admin'),
      'plans.reviseTarget': {
        error: {
          code: 'BAD_REQUEST',
          messageKey: 'revisions.unit',
          params: { field: 'text', text: '65 万人', typed: '万人', expected: '个', unit: '个' },
        },
      },
    });
    show(indicator, 2023, 'en');
    fireEvent.click(await screen.findByRole('button', { name: 'Revise the target…' }));
    fireEvent.change(screen.getByLabelText(/Revised target/), { target: { value: '65 万人' } });
    fireEvent.change(screen.getByLabelText('Decision or document'), { target: { value: 'd' } });
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'r' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the revision' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('“65 万人” is in 万人; this indicator is in 个.');
    expect(alert.id).toBe('revise-text-error');
    expect(screen.getByLabelText(/Revised target/).getAttribute('aria-invalid')).toBe('true');
  });

  it('shows a year outside the plan at the year', async () => {
    serve({
      'auth.me': me('admin'),
      'plans.reviseTarget': {
        error: {
          code: 'BAD_REQUEST',
          messageKey: 'plan.yearOutside',
          params: { year: 2026, plan: '十四五（2021–2025）', first: 2021, last: 2025 },
        },
      },
    });
    show(indicator);
    fireEvent.click(await screen.findByRole('button', { name: '调整目标…' }));
    for (const [label, value] of [
      [/调整后的目标/, '65'],
      [/依据的文件或决定/, 'd'],
      [/调整原因/, 'r'],
    ] as const)
      fireEvent.change(screen.getByLabelText(label), { target: { value } });
    fireEvent.click(screen.getByRole('button', { name: '保存调整' }));
    expect((await screen.findByRole('alert')).id).toBe('revise-fromYear-error');
    expect(screen.getByRole('alert').textContent).toBe(
      '2026 年不在十四五（2021–2025）内：可选 2021–2025 年。',
    );
  });
});
