import { expect, test, type Route } from '@playwright/test';
import { expectAccessible, screenshot } from './a11y';
import { signIn } from './helpers';

test('the shell renders in Chinese and switches to English', async ({ page }) => {
  await signIn(page, 'leader', '/districts');
  await expect(page).toHaveURL(/\/districts$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByText('规划实施监测', { exact: true })).toBeVisible();
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link', { name: '全部区县' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: '全部区县' })).toBeVisible();

  await page.getByRole('button', { name: '切换为英文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('Plan Monitor', { exact: true })).toBeVisible();
  await expect(
    page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'All districts' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'All districts' })).toBeVisible();
  await expect(page.getByText('领导 (Leader)')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'All districts' })).toBeVisible();
});

test('an unknown district says so instead of a blank page', async ({ page }) => {
  await signIn(page, 'leader', '/d/999999');
  await expect(page.getByRole('alert')).toContainText('没有区划代码为 999999 的区县');
});

test('with the server unreachable a page says 无法连接服务器 in the shell; 重试 loads it once the server is back', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, 'admin', '/districts');
  await expect(page.getByRole('heading', { level: 1, name: '全部区县' })).toBeVisible();

  // The server goes away: its API, the code of pages not opened yet, its health check.
  const down = (route: Route) => route.abort('connectionrefused');
  for (const path of ['**/trpc/**', '**/assets/**', '**/healthz']) await page.route(path, down);
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '用户管理' })
    .click();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: '无法连接服务器' })).toBeVisible();
  await expect(alert).toContainText('服务器没有响应');
  await expect(page.getByText('Unexpected Application Error')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'error-offline-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'error-offline-phone');

  await alert.getByRole('button', { name: '重试' }).click();
  await expect(alert).toContainText('仍无法连接服务器，请稍后再试。');

  await page.unrouteAll();
  await alert.getByRole('button', { name: '重试' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '用户管理' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '新增用户' })).toBeVisible();
});

test('an official opening 用户管理 sees only that it is not theirs', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, 'official', '/admin/users');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('无权限');
  await expect(alert).toContainText('只有系统管理员可以使用此页面。');
  await expect(page.getByText('新增用户')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '重试' })).toHaveCount(0);
  await screenshot(page, 'admin-users-forbidden-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'admin-users-forbidden-phone');
});
