import { expect, test } from '@playwright/test';
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
