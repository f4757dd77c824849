import { expect, type Page } from '@playwright/test';

/** The demo accounts a new embedded database gets (README). */
export const DEMO = {
  official: 'demo-official-pass',
  reviewer: 'demo-reviewer-pass',
  leader: 'demo-leader-pass',
  admin: 'demo-admin-pass',
} as const;

export async function signIn(page: Page, role: keyof typeof DEMO, path = '/') {
  await page.goto(path);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel('用户名').fill(role);
  await page.getByLabel('密码').fill(DEMO[role]);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
}
