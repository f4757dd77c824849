import { cleanup, fireEvent, screen, within } from '@testing-library/react';
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
  listed: ['130108'],
  regions: [] as string[],
  regionNames: {},
  disabled: false,
};

const leader = {
  username: 'hebei',
  displayName: '省领导',
  unit: null,
  role: 'leader',
  districts: ['130104', '130108'],
  listed: [] as string[],
  regions: ['13'],
  regionNames: { '13': '河北省' },
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

  it('edits a user’s name and the unit their reports are signed for, refusing a blank name first', async () => {
    const calls = serveProcedures({
      'auth.me': me('admin'),
      'users.list': [user],
      'users.setProfile': (input: {
        username: string;
        displayName: string;
        unit: string | null;
      }) => ({
        ...user,
        ...input,
      }),
    });
    show();
    fireEvent.click(await screen.findByRole('button', { name: '编辑 yuhua' }));
    const form = screen.getByRole('form', { name: '编辑 yuhua' });
    const [name, unit] = within(form).getAllByRole('textbox') as HTMLInputElement[];
    expect(name!.value).toBe('裕华区填报员');
    fireEvent.change(name!, { target: { value: '  ' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect(within(form).getByText('请填写姓名。')).toBeTruthy();
    expect(calls.some((c) => c.procedure === 'users.setProfile')).toBe(false);
    fireEvent.change(name!, { target: { value: '赵明' } });
    fireEvent.change(unit!, { target: { value: ' 裕华区发展和改革局 ' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已保存 yuhua：赵明，单位 裕华区发展和改革局。')).toBeTruthy();
    expect(calls.find((c) => c.procedure === 'users.setProfile')?.input).toEqual({
      username: 'yuhua',
      displayName: '赵明',
      unit: '裕华区发展和改革局',
    });
    expect(screen.queryByRole('form', { name: '编辑 yuhua' })).toBeNull();
  });

  it('shows a scope by province by name with the districts it counts, and edits it to a city', async () => {
    const calls = serveProcedures({
      'auth.me': me('admin'),
      'users.list': [user, leader],
      'users.setProfile': (input: object) => ({ ...leader, ...input }),
      'users.setScope': (input: object) => ({ ...leader, ...input }),
    });
    show();
    expect(await screen.findByText('河北省（13）全省')).toBeTruthy();
    expect(screen.getByText('共 2 个区县')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '编辑 hebei' }));
    const form = screen.getByRole('form', { name: '编辑 hebei' });
    const regions = within(form).getByRole('textbox', { name: /管辖省市/ }) as HTMLInputElement;
    expect(regions.value).toBe('13');
    fireEvent.change(regions, { target: { value: '130' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect(within(form).getByText('“130”不是省或市的代码：省级 2 位数字，市级 4 位')).toBeTruthy();
    expect(calls.some((c) => c.procedure === 'users.setScope')).toBe(false);
    fireEvent.change(regions, { target: { value: '1301，4107' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect(await screen.findByText(/已保存 hebei/)).toBeTruthy();
    expect(calls.find((c) => c.procedure === 'users.setScope')?.input).toEqual({
      username: 'hebei',
      districts: [],
      regions: ['1301', '4107'],
    });
  });

  it('adds a reviewer scoped to a city, and refuses a city for an official before sending', async () => {
    const calls = serveProcedures({
      'auth.me': me('admin'),
      'users.list': [user],
      'users.add': (input: { username: string }) => ({ username: input.username, password: null }),
    });
    show();
    await screen.findByText('裕华区填报员');
    const form = screen.getByRole('button', { name: '新增' }).closest('form')!;
    fireEvent.change(within(form).getByRole('textbox', { name: '用户名' }), {
      target: { value: 'shijiazhuang' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /管辖省市/ }), {
      target: { value: '1301' },
    });
    fireEvent.click(within(form).getByRole('button', { name: '新增' }));
    expect(within(form).getByText('只有评估人员和领导可以按省或市划定范围')).toBeTruthy();
    expect(calls.some((c) => c.procedure === 'users.add')).toBe(false);
    fireEvent.change(within(form).getByRole('combobox', { name: '角色' }), {
      target: { value: 'reviewer' },
    });
    fireEvent.click(within(form).getByRole('button', { name: '新增' }));
    expect(await screen.findByText(/已新增用户 shijiazhuang/)).toBeTruthy();
    expect(calls.find((c) => c.procedure === 'users.add')?.input).toMatchObject({
      username: 'shijiazhuang',
      role: 'reviewer',
      districts: [],
      regions: ['1301'],
    });
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
