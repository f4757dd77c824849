import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot } from './a11y';
import { signIn } from './helpers';

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const PM25 = '/d/130108/indicators/17?period=2021-2025&year=2023';
const MIDTERM = '/d/130108?period=2021-2025&year=2023';
const DEPT = '区生态环境分局';

test('an administrator names the 牵头单位; the warning names it and the scorecard filters by it', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'admin', PM25);
  const card = page.getByRole('region', { name: '牵头单位' });
  const field = card.getByLabel('设置牵头单位');
  await field.fill('  ');
  await card.getByRole('button', { name: '保存' }).click();
  await expect(card.getByRole('alert')).toHaveText('请填写牵头单位的名称。');
  await field.fill(DEPT);
  await card.getByRole('button', { name: '保存' }).click();
  await expect(card.getByRole('status')).toHaveText(`已保存牵头单位：${DEPT}。`);
  await expect(page.getByText(`牵头单位：${DEPT}`, { exact: true })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'indicator-department');

  await page.goto(MIDTERM);
  const warnings = page.getByRole('region', { name: '约束性指标预警' });
  await expect(
    warnings.getByRole('listitem').filter({ hasText: '细颗粒物(PM2.5)浓度降幅' }),
  ).toContainText(DEPT);
  const filters = page.getByRole('region', { name: '筛选指标' });
  await expect(filters.getByRole('status')).toHaveText('显示 20 / 20 项');
  await filters.getByLabel('牵头单位').selectOption(DEPT);
  await expect(page).toHaveURL(/department=/);
  await expect(page).toHaveURL(/period=2021-2025/);
  await expect(page).toHaveURL(/year=2023/);
  await expect(filters.getByRole('status')).toHaveText('显示 1 / 20 项');
  await expect(page.getByRole('row').filter({ hasText: '细颗粒物(PM2.5)浓度降幅' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '市级以上创新平台' })).toHaveCount(0);

  // A reload, and Back from an indicator page, keep the filter.
  await page.reload();
  await expect(filters.getByRole('status')).toHaveText('显示 1 / 20 项');
  await page
    .getByRole('link', { name: /细颗粒物\(PM2\.5\)浓度降幅/ })
    .last()
    .click();
  await expect(page).toHaveURL(/indicators\/17/);
  await page.goBack();
  await expect(filters.getByLabel('牵头单位')).toHaveValue(DEPT);

  await filters.getByRole('button', { name: '清除筛选' }).click();
  await filters.getByLabel('指标属性').selectOption('binding');
  await expect(filters.getByRole('status')).toHaveText('显示 5 / 20 项');
  await expect(
    page.getByRole('img', { name: /比上年(上升|下降)|与上年持平/ }).first(),
  ).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'scorecard-filters');
  await page.setViewportSize(PHONE);
  await expect(filters).toBeVisible();
  await screenshot(page, 'scorecard-filters-phone');
  await page.goto(PM25);
  await expect(page.getByRole('region', { name: '牵头单位' })).toBeVisible();
  await screenshot(page, 'indicator-department-phone');
});

test('others read the 牵头单位 and cannot change it', async ({ page }) => {
  await signIn(page, 'leader', PM25);
  await expect(page.getByRole('heading', { level: 1, name: /细颗粒物/ })).toBeVisible({
    timeout: 15_000,
  });
  const card = page.getByRole('region', { name: '牵头单位' });
  await expect(card).toBeVisible();
  await expect(card.getByRole('textbox')).toHaveCount(0);
});
