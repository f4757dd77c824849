import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refusal, renderInDistrict, serveProcedures } from '../../lib/testing';
import { LeadDepartment } from './LeadDepartment';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const me = (role: string) => ({ id: 1, username: role, displayName: role, role, districts: 'all' });

const show = (department: string | null, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  renderInDistrict(
    <LeadDepartment district="130108" period="2021-2025" seq={17} department={department} />,
    locale,
  );

describe('LeadDepartment', () => {
  it('shows others the department, read-only', async () => {
    const calls = serveProcedures({ 'auth.me': me('leader') });
    show('区生态环境分局');
    expect(await screen.findByText('区生态环境分局')).toBeTruthy();
    await waitFor(() => expect(calls.some((c) => c.procedure === 'auth.me')).toBe(true));
    expect(screen.queryByRole('textbox')).toBeNull();
    cleanup();
    serveProcedures({ 'auth.me': me('official') });
    show(null);
    expect(await screen.findByText('未明确')).toBeTruthy();
  });

  it('says who set it last, when, and what it replaced', async () => {
    serveProcedures({
      'auth.me': me('leader'),
      'plans.events': {
        events: [
          {
            id: 2,
            kind: 'lead_department_set',
            seq: 17,
            by: 'root',
            at: '2026-12-01T02:30:00.000Z',
            detail: { before: '区环保局', after: '区生态环境分局' },
            words: null,
          },
        ],
      },
    });
    show('区生态环境分局');
    expect((await screen.findByText(/root 于/)).textContent).toMatch(
      /^root 于 2026年12月1日 \d{2}:30 设置（原为区环保局）。$/,
    );
  });

  it('lets an administrator name it, and says it was saved', async () => {
    const calls = serveProcedures({
      'auth.me': me('admin'),
      'plans.setLeadDepartment': { seq: 17, leadDepartment: '区生态环境分局', changed: true },
    });
    show(null);
    fireEvent.change(await screen.findByLabelText('设置牵头单位'), {
      target: { value: '区生态环境分局' },
    });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      '已保存牵头单位：区生态环境分局。',
    );
    expect(calls.find((c) => c.procedure === 'plans.setLeadDepartment')?.input).toEqual({
      district: '130108',
      period: '2021-2025',
      seq: 17,
      leadDepartment: '区生态环境分局',
    });
  });

  it('refuses a blank or too long name beside the field without sending it', async () => {
    const calls = serveProcedures({ 'auth.me': me('admin') });
    show('区科技局');
    const field = await screen.findByLabelText('设置牵头单位');
    fireEvent.change(field, { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect((await screen.findByRole('alert')).textContent).toBe('请填写牵头单位的名称。');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(field, { target: { value: '局'.repeat(101) } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '牵头单位最多 100 字，现为 101 字，请精简。',
    );
    expect(calls.some((c) => c.procedure === 'plans.setLeadDepartment')).toBe(false);
  });

  it('shows the server’s refusal in English too', async () => {
    serveProcedures({
      'auth.me': me('admin'),
      'plans.setLeadDepartment': refusal('departments.tooLong', { max: 100, length: 120 }),
    });
    show('区科技局', 'en');
    fireEvent.change(await screen.findByLabelText('Set the lead department'), {
      target: { value: '区科技局与区发改局' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'A lead department has at most 100 characters; this one has 120. Shorten it.',
    );
  });
});
