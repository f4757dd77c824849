import { expect, test } from '@playwright/test';
import { expectAccessible, expectFits, screenshot } from './a11y';
import { signIn } from './helpers';

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
// The mid-term year of the 14th plan: the pages would open at the reporting year, its end. Its
// live figures: the evaluation test has finalized 2023, which would otherwise open as finalized.
const MIDTERM = '/d/130108?period=2021-2025&year=2023&mode=live';

test('a leader reads the Yuhua scorecard, its binding warnings first', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'leader', MIDTERM);
  await expect(page.getByRole('heading', { level: 1, name: '裕华区总览' })).toBeVisible();
  await expect(page.getByLabel('评估年度')).toHaveValue('2023');
  await expect(page.getByRole('note')).toContainText('演示数据');

  const warnings = page.getByRole('region', { name: '约束性指标预警' });
  await expect(warnings.getByRole('listitem')).toHaveCount(2);
  const pm25 = warnings.getByRole('listitem').filter({ hasText: '细颗粒物(PM2.5)浓度降幅' });
  await expect(pm25).toContainText('严重滞后');
  await expect(pm25).toContainText('要求不低于 3，未达标');
  await expect(pm25).toContainText('牵头单位');
  await expect(
    warnings.getByRole('listitem').filter({ hasText: '劳动年龄人口平均受教育年限' }),
  ).toContainText('无数据');
  // Two 按市下达目标 indicators have their actual but not their assigned target: not complete.
  await expect(page.getByText('15/20 项指标 2023 年应报数据已审核通过')).toBeVisible();

  const innovation = page.getByRole('region', { name: /^创新驱动/ });
  const platforms = innovation.getByRole('row').filter({ hasText: '市级以上创新平台' });
  await expect(platforms.getByRole('img', { name: '完成进度 80%，时序进度 60%' })).toBeVisible();
  await expect(platforms).toContainText('快于预期');
  await expect(platforms).toContainText('可望完成');
  const gdp = page.getByRole('row').filter({ hasText: '生产总值(GDP)增长率' });
  await expect(
    gdp.getByRole('img', { name: /年均增长 5\.9%，目标区间 5\.5%—6\.5%/ }),
  ).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'scorecard');

  await page.setViewportSize(PHONE);
  await expect(warnings).toBeVisible();
  await screenshot(page, 'scorecard-phone');
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  await screenshot(page, 'scorecard-print');
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize(DESKTOP);

  await page.getByLabel('评估年度').selectOption('2021');
  await expect(page).toHaveURL(/year=2021/);
  await expect(page.getByText(/项指标 2021 年应报数据已审核通过/)).toBeVisible();

  await page.getByRole('button', { name: '切换为英文' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: /Binding indicator warnings/ }),
  ).toBeVisible();
  await expect(page.getByText('Data completeness')).toBeVisible();
});

test('an indicator page charts actuals against the plan path and lists its figures', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'leader', MIDTERM);
  await page.getByRole('link', { name: '4. 市级以上创新平台' }).click();
  await expect(page).toHaveURL(/\/d\/130108\/indicators\/4\?year=2023&period=2021-2025$/);
  await expect(page.getByRole('heading', { level: 1, name: '4. 市级以上创新平台' })).toBeVisible();
  await expect(page.getByText('完成进度 80%，时序进度 60%')).toBeVisible();
  const chart = page.getByRole('figure');
  await expect(chart).toContainText('实际值与规划路径、目标值对比');
  await expect(chart.getByRole('application')).toBeVisible();
  const values = page.getByRole('region', { name: '年度数据' });
  // The demo's figures run to the reporting year, after the page's year too.
  for (const year of ['2021', '2022', '2023', '2024', '2025']) {
    const row = values.getByRole('row').filter({ hasText: new RegExp(`^${year}实际值`) });
    await expect(row).toContainText('已审核');
    await expect(row).toContainText('演示数据');
  }
  await expect(
    page.getByRole('region', { name: '修改记录' }).getByRole('row').filter({ hasText: '演示数据' }),
  ).toHaveCount(5);
  await expect(page.getByRole('region', { name: '规划原文' })).toContainText('市级以上创新平台');
  await expectAccessible(page);
  await screenshot(page, 'indicator');

  await page.goto('/d/130108/indicators/1?period=2021-2025&year=2023');
  await expect(page.getByRole('figure')).toContainText('各年增速与目标区间对比');
  await screenshot(page, 'indicator-rate');
  await page.setViewportSize(PHONE);
  await expectFits(page, PHONE.width);
  await screenshot(page, 'indicator-phone');
});

test('the league table sorts the districts by share on track', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'leader', '/districts?period=2021-2025&year=2023');
  const table = page.getByRole('table', { name: '区县对比表' });
  // The 十四五 districts (a district the document-upload test adds has only a 十五五 plan: listed last).
  await expect(table.getByRole('row').filter({ hasNotText: '无该期规划' })).toHaveCount(6);
  await table.getByRole('button', { name: '基本符合预期及以上' }).click();
  await expect(table.getByRole('columnheader', { name: /基本符合预期及以上/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  // The server sorts: until its answer comes, the rows shown are the previous order's.
  const shares = async () =>
    (await table.locator('tbody td.share strong').allTextContents()).map((s) =>
      Number(s.replace('%', '')),
    );
  await expect(page.getByText('正在更新…')).toHaveCount(0);
  expect(await shares()).toHaveLength(5);
  expect(await shares()).toEqual([...(await shares())].sort((a, b) => b - a));
  const first = table.getByRole('row').nth(1);
  await expect(first.getByRole('link')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'league');

  await expect(page).toHaveURL(/[?&]sort=share&order=desc/);
  await expect(page.getByRole('list', { name: /^领域热力图/ }).getByRole('listitem')).toHaveText([
    '80% 及以上',
    '60%–80%',
    '40%–60%',
    '40% 以下',
    '无纳入评价的指标',
    '未报送',
  ]);
  await expect(first.getByRole('cell').first()).toHaveText('2023 年');

  await table.getByRole('button', { name: '基本符合预期及以上' }).click();
  await expect(page).toHaveURL(/[?&]sort=share&order=asc/);
  await expect
    .poll(async () => {
      const now = await shares();
      return now.length === 5 && now.every((x, i) => i === 0 || now[i - 1]! <= x);
    })
    .toBe(true);
  const ascending = await table.locator('tbody td.share strong').allTextContents();
  await page.getByLabel('报送情况').selectOption('reported');
  await expect(page).toHaveURL(/[?&]show=reported/);
  // Reload keeps the sort and the filter: the URL holds them.
  await page.reload();
  await expect(table.getByRole('columnheader', { name: /基本符合预期及以上/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await expect(page.getByLabel('报送情况')).toHaveValue('reported');
  await expect(table.locator('tbody td.share strong')).toHaveText(ascending);
  await page.setViewportSize(PHONE);
  // The page fits the phone; the table scrolls sideways inside its frame.
  await expectFits(page, PHONE.width);
  const wrap = page.locator('.table-wrap.league-rows');
  expect(await wrap.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await screenshot(page, 'league-phone');
  await wrap.evaluate((el) => el.scrollBy({ left: 400 }));
  await expect.poll(() => wrap.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await expect(table.getByRole('rowheader').first()).toBeVisible();
  await screenshot(page, 'league-phone-scrolled');
  await page.setViewportSize(DESKTOP);
  await page.getByRole('link', { name: '打开 裕华区 的总览' }).click();
  await expect(page).toHaveURL(/\/d\/130108\?year=2023&period=2021-2025$/);
});
