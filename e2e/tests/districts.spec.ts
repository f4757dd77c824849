import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, screenshot, shots } from './a11y';
import { signIn } from './helpers';

const DESKTOP = { width: 1280, height: 800 };

const districtTable = (page: Page) => page.getByRole('table', { name: '区县对比表' });
/** The districts' codes in the order the table lists them. */
const codes = async (page: Page) =>
  (await districtTable(page).getByRole('rowheader').allTextContents()).map(
    (t) => /\d{6}/.exec(t)?.[0],
  );

test('a fresh data folder lists the five built-in districts on the league table', async ({
  page,
}) => {
  await signIn(page, 'leader', '/districts');
  const rows = districtTable(page).getByRole('row');
  await expect(rows).toHaveCount(6);
  await expect(page.getByText('共 5 个区县，已显示 5 个')).toBeVisible();
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

test('a leader drills down from the provinces to a city, sorts, and back and forward keep the view', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'leader', '/districts');
  const trail = page.getByRole('navigation', { name: '地区层级' });
  await expect(trail.locator('[aria-current="page"]')).toHaveText('全部');
  const provinces = page.getByRole('table', { name: '各省汇总' });
  await expect(provinces.getByRole('rowheader')).toHaveText([
    /^天津市12$/,
    /^河北省13$/,
    /^河南省41$/,
    '合计',
  ]);
  const hebei = provinces.getByRole('row', { name: /河北省/ });
  // 区县数, 已报送 + 未报送 = 2.
  await expect(hebei.getByRole('cell').first()).toHaveText('2');
  const [reported, unreported] = await Promise.all([
    hebei.getByRole('cell').nth(1).textContent(),
    hebei.getByRole('cell').nth(2).textContent(),
  ]);
  expect(Number(reported) + Number(unreported)).toBe(2);
  await expect(provinces.getByRole('row', { name: /合计/ }).getByRole('cell').first()).toHaveText(
    '5',
  );
  await expectAccessible(page);
  await shots(page, 'league-top', DESKTOP);

  await provinces.getByRole('link', { name: '河北省' }).click();
  await expect(page).toHaveURL(/[?&]province=13(&|$)/);
  await expect(trail.locator('[aria-current="page"]')).toHaveText('河北省');
  const cities = page.getByRole('table', { name: '各市汇总' });
  await expect(cities.getByRole('rowheader')).toHaveText([/^石家庄市1301$/, '合计']);
  expect(await codes(page)).toEqual(expect.arrayContaining(['130104', '130108']));
  await expect(districtTable(page).getByRole('rowheader')).toHaveCount(2);
  await expectAccessible(page);
  await shots(page, 'league-province', DESKTOP);

  await cities.getByRole('link', { name: '石家庄市' }).click();
  await expect(page).toHaveURL(/[?&]city=1301(&|$)/);
  await expect(page).not.toHaveURL(/province=/);
  await expect(trail.locator('[aria-current="page"]')).toHaveText('石家庄市');
  await expect(page.getByText(/^石家庄市：2 个区县，已报送 \d 个，未报送 \d 个/)).toBeVisible();
  await expect(page.getByRole('table', { name: /汇总/ })).toHaveCount(0);

  // The server sorts: by code, then turned round.
  await districtTable(page).getByRole('button', { name: '区县' }).click();
  await expect(page).toHaveURL(/[?&]sort=code&order=asc/);
  await expect.poll(() => codes(page)).toEqual(['130104', '130108']);
  await districtTable(page).getByRole('button', { name: '区县' }).click();
  await expect(page).toHaveURL(/[?&]sort=code&order=desc/);
  await expect.poll(() => codes(page)).toEqual(['130108', '130104']);
  await expect(
    districtTable(page).getByRole('columnheader', { name: /区县/ }).first(),
  ).toHaveAttribute('aria-sort', 'descending');
  await expectAccessible(page);
  await shots(page, 'league-city', DESKTOP);

  // Reload keeps the region and the sort; back goes up a level, forward down again.
  await page.reload();
  await expect(trail.locator('[aria-current="page"]')).toHaveText('石家庄市');
  await expect.poll(() => codes(page)).toEqual(['130108', '130104']);
  await page.goBack();
  await expect(page).toHaveURL(/[?&]province=13(&|$)/);
  await expect(trail.locator('[aria-current="page"]')).toHaveText('河北省');
  await page.goForward();
  await expect(page).toHaveURL(/[?&]city=1301&sort=code&order=desc/);
  await expect.poll(() => codes(page)).toEqual(['130108', '130104']);

  await trail.getByRole('link', { name: '全部' }).click();
  await expect(page).not.toHaveURL(/city=|province=/);
  await expect(districtTable(page).getByRole('rowheader')).toHaveCount(5);
  // The sort comes along to the top.
  await expect(page).toHaveURL(/[?&]sort=code&order=desc/);
});

test('a leader searches the league, downloads what matches as CSV, and clears the search', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'leader', '/districts');
  const search = page.getByRole('searchbox', { name: '搜索区县' });
  await search.fill('桥西');
  await expect(page).toHaveURL(/[?&]q=%E6%A1%A5%E8%A5%BF/);
  await expect.poll(() => codes(page)).toEqual(['130104']);
  await expect(page.getByText('共 1 个区县，已显示 1 个')).toBeVisible();
  await expect(page.getByRole('table', { name: '各省汇总' }).getByRole('rowheader')).toHaveText([
    /^河北省/,
    '合计',
  ]);
  // A code finds its district too, and reload keeps the search.
  await search.fill('4107');
  await expect.poll(() => codes(page)).toEqual(['410703']);
  await page.reload();
  await expect(search).toHaveValue('4107');
  await expect.poll(() => codes(page)).toEqual(['410703']);

  // The download holds every district the search matches, not only those drawn.
  await search.fill('区');
  await expect.poll(() => codes(page)).toHaveLength(5);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载 CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^区县对比-.*\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toContain('区县代码');
  expect(lines.slice(1).map((l) => l.replace(/^\uFEFF/, '').split(',')[0])).toEqual(
    await codes(page),
  );
  await expect(page.getByRole('button', { name: '下载 CSV' })).toBeEnabled();

  await search.fill('不存在的区');
  await expect(page.getByText('没有名称或代码含“不存在的区”的区县。')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'league-search-empty');
  await page.getByRole('button', { name: '清除搜索和筛选' }).click();
  await expect(search).toHaveValue('');
  await expect(districtTable(page).getByRole('rowheader')).toHaveCount(5);
  await expect(page).not.toHaveURL(/[?&]q=/);
});

test('a region no district is in says so, with a way back to all districts', async ({ page }) => {
  await signIn(page, 'leader', '/districts?province=99');
  await expect(page.getByRole('alert')).toContainText('管辖范围内没有代码为“99”的地区的区县');
  await page.getByRole('link', { name: '返回全部区县' }).click();
  await expect(page).toHaveURL(/\/districts$/);
  await expect(districtTable(page).getByRole('rowheader')).toHaveCount(5);
});
