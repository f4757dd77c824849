import { expect, test, type Page } from '@playwright/test';
import { screenshot } from './a11y';
import { signIn } from './helpers';

const navOf = async (page: Page) =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('link').allTextContents();

test.describe('each demo role sees what it may do', () => {
  const cases = [
    ['official', '裕华区填报员（填报人员）', ['工作台', '总览', '填报', '全部区县']],
    ['reviewer', '裕华区评估员（评估人员）', ['工作台', '总览', '填报', '评估', '全部区县']],
    ['leader', '领导（领导）', ['工作台', '总览', '全部区县']],
    ['admin', '管理员（管理员）', ['工作台', '总览', '全部区县', '用户管理', '规划管理']],
  ] as const;
  for (const [role, shown, nav] of cases) {
    test(role, async ({ page }) => {
      await signIn(page, role, '/d/130108');
      await expect(page.getByText(shown)).toBeVisible();
      expect(await navOf(page)).toEqual(nav);
    });
  }
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('用户名').fill('official');
  await page.getByLabel('密码').fill('not the password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('用户名或密码错误。');
});

test('an official is refused another district, and signing out ends the session', async ({
  page,
}) => {
  // Signing in lands on the home (工作台), which links to the official's only district.
  await signIn(page, 'official');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
  await expect(page.getByRole('link', { name: '裕华区总览' })).toHaveAttribute(
    'href',
    /^\/d\/130108\?period=\d{4}-\d{4}$/,
  );
  await page.getByRole('link', { name: '裕华区总览' }).click();
  await expect(page).toHaveURL(/\/d\/130108\?period=\d{4}-\d{4}$/);
  await expect(page.getByLabel('选择区县').locator('option')).toHaveCount(1);
  await page.goto('/d/410402');
  await expect(page.getByRole('alert')).toContainText('该区县不在您的管辖范围内');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/d/130108');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fd%2F130108/);
});

test('an admin adds a user and gets the password once', async ({ page }) => {
  await signIn(page, 'admin', '/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: '用户管理' })).toBeVisible();
  await page.getByLabel('用户名').fill('zhang');
  await page.getByLabel('姓名').fill('张三');
  await page.getByLabel('管辖区县').fill('410703');
  await page.getByRole('button', { name: '新增' }).click();
  await expect(page.getByRole('status')).toContainText('已新增用户 zhang。');
  await expect(page.getByRole('row', { name: /zhang/ })).toContainText('410703');

  // The unit (单位) their reports are signed for is set later, in the row.
  await page.getByRole('button', { name: '编辑 zhang' }).click();
  const form = page.getByRole('form', { name: '编辑 zhang' });
  await form.getByLabel('单位').fill('卫滨区发展和改革委员会');
  await screenshot(page, 'users-edit');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'users-edit-phone');
  await page.setViewportSize({ width: 1280, height: 800 });
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toContainText(
    '已保存 zhang：张三，单位 卫滨区发展和改革委员会。',
  );
  await expect(page.getByRole('row', { name: /zhang/ })).toContainText('卫滨区发展和改革委员会');
});

test('an admin scopes a leader to a province: they see its districts only, and the page says so', async ({
  page,
}) => {
  await signIn(page, 'admin', '/admin/users');
  const add = page.getByRole('button', { name: '新增' }).locator('xpath=ancestor::form');
  await add.getByLabel('用户名').fill('hebei-leader');
  await add.getByLabel('姓名').fill('省领导');
  await add.getByLabel('角色').selectOption('leader');
  // A code that names no province is refused before anything is sent.
  await add.getByLabel('管辖省市').fill('130');
  await page.getByRole('button', { name: '新增' }).click();
  await expect(add.getByText('“130”不是省或市的代码')).toBeVisible();
  await add.getByLabel('管辖省市').fill('13');
  await page.getByRole('button', { name: '新增' }).click();
  const status = page.getByRole('status');
  await expect(status).toContainText('已新增用户 hebei-leader。');
  const password = /新密码：(\S+?)（/.exec((await status.textContent()) ?? '')?.[1];
  expect(password).toBeTruthy();
  const row = page.getByRole('row', { name: /hebei-leader/ });
  await expect(row).toContainText('河北省（13）全省');
  await expect(row).toContainText('共 2 个区县');
  await screenshot(page, 'users-regions');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'users-regions-phone');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();

  await page.getByLabel('用户名').fill('hebei-leader');
  await page.getByLabel('密码').fill(password!);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  await page.goto('/districts');
  const table = page.getByRole('table', { name: '区县对比表' });
  await expect(table.getByRole('link', { name: '打开 裕华区 的总览' })).toBeVisible();
  await expect(table.getByRole('link', { name: '打开 桥西区 的总览' })).toBeVisible();
  await expect(table.getByRole('link', { name: /打开 .* 的总览/ })).toHaveCount(2);
  await page.goto('/d/410703');
  await expect(page.getByRole('alert')).toContainText('该区县不在您的管辖范围内');
});

test('a user changes their own password from the user menu; the old one no longer works', async ({
  page,
}) => {
  await signIn(page, 'admin', '/admin/users');
  await page.getByLabel('用户名').fill('qian');
  await page.getByLabel('姓名').fill('钱');
  await page.getByLabel('管辖区县').fill('130108');
  await page.getByRole('button', { name: '新增' }).click();
  const notice = (await page.getByRole('status').textContent()) ?? '';
  const first = /新密码：(\w{16})/.exec(notice)?.[1];
  expect(first).toBeTruthy();
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const signInAs = async (password: string) => {
    await page.goto('/sign-in');
    await page.getByLabel('用户名').fill('qian');
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
  };
  await signInAs(first!);
  await page.getByRole('link', { name: '修改密码' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '修改密码' })).toBeVisible();
  await page.getByLabel('当前密码').fill(first!);
  await page.getByLabel(/^新密码/).fill('short');
  await page.getByLabel('再次输入新密码').fill('short');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByRole('alert')).toHaveText('新密码至少需要 12 个字符。');
  await screenshot(page, 'change-password');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'change-password-phone');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByLabel(/^新密码/).fill('qian’s own passphrase');
  await page.getByLabel('再次输入新密码').fill('qian’s own passphrase');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByRole('status')).toHaveText('密码已修改。您在其他设备上的登录已退出。');
  // This session lives on; the old password opens none.
  await page.goto('/districts');
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  // Signed out only once the sign-in page shows: navigating sooner could cut the sign-out short.
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signInAs(first!);
  await expect(page.getByRole('alert')).toHaveText('用户名或密码错误。');
  await signInAs('qian’s own passphrase');
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
});
