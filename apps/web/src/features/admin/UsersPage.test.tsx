import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAt, serveProcedures } from '../../lib/testing';
import { UsersPage } from './UsersPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const me = (role: string) => ({ id: 1, username: role, displayName: role, role, districts: 'all' });

const user = {
  username: 'yuhua',
  displayName: '裕华区填报员',
  unit: null,
  role: 'official',
  districts: ['130108'],
  disabled: false,
};

const show = (locale: 'zh-CN' | 'en' = 'zh-CN') =>
  renderAt([{ path: '/admin/users', element: <UsersPage /> }], '/admin/users', locale);

describe('UsersPage', () => {
  it('lists the users for an administrator, with the form to add one', async () => {
    serveProcedures({ 'auth.me': me('admin'), 'users.list': [user] });
    show();
    expect(await screen.findByText('裕华区填报员')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '新增用户' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '新增' })).toBeTruthy();
  });

  it('shows an official only that the page is not theirs: no 新增用户 form, no retry', async () => {
    const calls = serveProcedures({ 'auth.me': me('official'), 'users.list': [user] });
    show();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('无权限');
    expect(alert.textContent).toContain('只有系统管理员可以使用此页面。');
    expect(screen.getByRole('heading', { level: 1, name: '用户管理' })).toBeTruthy();
    expect(screen.queryByText('新增用户')).toBeNull();
    expect(document.querySelector('form, input, select')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    expect(calls.map((c) => c.procedure)).toEqual(['auth.me']);
  });

  it('says it in English too', async () => {
    serveProcedures({ 'auth.me': me('leader') });
    show('en');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not allowed');
    expect(alert.textContent).toContain('Only a system administrator can use this page.');
    expect(screen.queryByText('Add a user')).toBeNull();
  });
});
