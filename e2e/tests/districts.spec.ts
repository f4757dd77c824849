import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('a fresh data folder lists the five built-in districts on the league table', async ({
  page,
}) => {
  await signIn(page, 'leader', '/districts');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(6);
  const expected: [string, string][] = [
    ['120105', '河北区'],
    ['130104', '桥西区'],
    ['130108', '裕华区'],
    ['410402', '新华区'],
    ['410703', '卫滨区'],
  ];
  for (const [code, name] of expected) {
    const row = rows.filter({ hasText: code });
    await expect(row).toContainText(name);
    await expect(row.locator('td.share strong')).toHaveText(/^\d+%$/);
  }

  await page.getByRole('link', { name: '打开 裕华区 的总览' }).click();
  await expect(page).toHaveURL(/\/d\/130108\?year=\d{4}&period=\d{4}-\d{4}$/);
  await expect(page.getByRole('heading', { level: 1, name: '裕华区总览' })).toBeVisible();
  await expect(page.getByText('主要指标 20 项')).toBeVisible();

  await page.getByLabel('选择区县').selectOption('410703');
  await expect(page).toHaveURL(/\/d\/410703\?period=\d{4}-\d{4}$/);
  await expect(page.getByRole('heading', { level: 1, name: '卫滨区总览' })).toBeVisible();

  // The home (工作台) offers the district opened last.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
  await page.getByRole('link', { name: '继续查看卫滨区' }).click();
  await expect(page).toHaveURL(/\/d\/410703\?period=\d{4}-\d{4}$/);
});
