import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import type { Locator } from '@playwright/test';
import { expectAccessible, expectFits, screenshot } from './a11y';
import { signIn } from './helpers';
import { docxText } from './zip';

const REASON = '2023 年受区域传输影响，已实施重污染天气应急减排';
const CAUSES = '细颗粒物浓度降幅滞后，主要受区域传输和不利气象条件影响。。';

/** One part of the page as e2e/screenshots/<name>.png. */
const shot = (part: Locator, name: string) =>
  part.screenshot({ path: fileURLToPath(new URL(`../screenshots/${name}.png`, import.meta.url)) });

test('a reviewer overrides a status with a reason, finalizes and downloads the report', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, 'reviewer', '/d/130108/evaluation?period=2021-2025');
  await expect(page.getByRole('heading', { level: 1, name: '裕华区规划评估' })).toBeVisible();
  await expect(page.getByText('尚未开启评估。')).toBeVisible();
  // The period is over (reporting year 2025): a new round opens at its end unless told otherwise.
  const year = page.getByRole('combobox', { name: '评估年度' });
  await expect(year).toHaveValue('2025');
  await year.selectOption('2023');
  await page.getByRole('button', { name: '开启评估' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: /2023 年中期评估（第 \d+ 轮）/ }),
  ).toBeVisible();
  await expect(page.getByText('已评 0 / 20 项')).toBeVisible();

  const pm25 = page.getByRole('listitem').filter({ hasText: '细颗粒物(PM2.5)浓度降幅' });
  await expect(pm25).toContainText('严重滞后');
  await pm25.getByLabel('评估结论').selectOption('lagging');
  await pm25.getByRole('button', { name: '保存调整' }).click();
  await expect(pm25.getByRole('alert')).toHaveText('调整计算状态须填写理由。');
  await pm25.getByLabel('调整理由（必填）').fill(REASON);
  await pm25.getByLabel('评估意见（选填）').fill('建议列为下年度督办事项');
  await pm25.getByRole('button', { name: '保存调整' }).click();
  await expect(page.getByText('已评 1 / 20 项')).toBeVisible();
  await expect(pm25).toContainText('已评');

  await expect(page.getByRole('button', { name: '定稿' })).toBeDisabled();
  await page.getByRole('button', { name: '确认其余 19 项计算状态' }).click();
  await expect(page.getByText('已评 20 / 20 项')).toBeVisible();

  // 报告正文: drafts written from the data, edited and saved before finalizing.
  const narrative = page.getByRole('region', { name: '报告正文' });
  await expect(narrative.getByText(/以下为系统根据本轮数据生成的初稿/)).toBeVisible();
  await expect(narrative.getByLabel('一、主要成效')).toHaveValue(
    /^截至 2023 年，裕华区“十四五”规划确定的 20 项主要指标中/u,
  );
  await expect(narrative.getByLabel('二、存在问题')).toHaveValue(/细颗粒物\(PM2\.5\)浓度降幅/u);
  const causes = narrative.getByLabel('三、原因分析');
  // Its 牵头单位 named when one is set (the departments test sets one on the shared server).
  await expect(causes).toHaveValue(
    new RegExp(`细颗粒物\\(PM2\\.5\\)浓度降幅(（牵头单位：[^）]+）)?：${REASON}`, 'u'),
  );
  await causes.fill('');
  await narrative.getByRole('button', { name: '保存报告正文' }).click();
  await expect(narrative.getByRole('alert')).toHaveText('请填写“原因分析”，或恢复系统初稿。');
  await causes.fill(CAUSES);
  await expect(narrative.getByText('有未保存的修改，定稿前请先保存。')).toBeVisible();
  await narrative.getByRole('button', { name: '保存报告正文' }).click();
  await expect(narrative.getByText(/reviewer 于 .+ 保存；定稿时随本轮冻结。/u)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'evaluation');
  await shot(narrative, 'evaluation-narrative');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectFits(page, 390);
  await shot(narrative, 'evaluation-narrative-phone');
  await page.setViewportSize({ width: 1366, height: 768 });

  await page.getByRole('button', { name: '定稿' }).click();
  await page.getByRole('button', { name: '确定定稿' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /已定稿/ })).toBeVisible();
  await expect(pm25).toContainText(`理由：${REASON}`);
  await expect(page.getByRole('button', { name: '开启新一轮评估' })).toBeVisible();
  await expect(narrative.getByText('本轮已定稿，报告正文已冻结。')).toBeVisible();
  await expect(narrative.getByRole('textbox')).toHaveCount(0);
  await expect(narrative).toContainText(CAUSES.replace(/。+$/u, '。'));
  await expect(narrative).not.toContainText('。。');
  await screenshot(page, 'evaluation-finalized');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'evaluation-phone');
  await page.setViewportSize({ width: 1366, height: 768 });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载 Word 报告' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^130108-裕华区-十四五-2023-中期评估-\d+\.docx$/);
  const text = docxText(await readFile((await file.path())!));
  expect(text).toContain('裕华区国民经济和社会发展第十四个五年规划');
  expect(text).toContain('中期评估报告');
  for (const part of [
    '一、总体情况',
    '二、主要成效截至 2023 年',
    '三、存在问题',
    // The reviewer's doubled full stop is printed once.
    `四、原因分析${CAUSES.replace(/。+$/u, '。')}五、下一步举措`,
    '六、有关说明',
    '附表 3主要指标年度数据（2020—2023 年）',
    '附表 4约束性指标预警',
  ])
    expect(text).toContain(part);
  expect(text).toMatch(/裕华区发展和改革局评估人员：裕华区评估员\d{4}年\d{1,2}月\d{1,2}日附表 1/u);
  expect(text).not.toContain('。。');
  expect(text).toContain(REASON);
  expect(text).toContain('演示数据');

  // With no mode asked for, the finalized year opens on its finalized result.
  await page.goto('/d/130108?period=2021-2025&year=2023');
  await expect(page.getByRole('radio', { name: '定稿结果' })).toBeChecked();
  await expect(page.getByText(/本页为 2023 年评估的定稿结果/)).toBeVisible();
  const warning = page
    .getByRole('region', { name: '约束性指标预警' })
    .getByRole('listitem')
    .filter({ hasText: 'PM2.5' });
  await expect(warning).toContainText(REASON);
  await screenshot(page, 'scorecard-finalized');
  // Printed, the page says what it is about and which figures it shows.
  await page.emulateMedia({ media: 'print' });
  const printed = page.getByTestId('print-header');
  await expect(printed).toBeVisible();
  await expect(printed).toContainText('评估年度：2023 年');
  await expect(printed).toContainText(
    /数据口径：2023 年评估定稿结果（\d{4}年\d{1,2}月\d{1,2}日 定稿）/,
  );
  await expect(printed).toContainText(/打印时间：\d{4}年/);
  await screenshot(page, 'scorecard-finalized-print');
  await page.emulateMedia({ media: 'screen' });
  await expect(printed).toBeHidden();

  // The live figures are one click away, and say they may differ.
  await page.getByRole('button', { name: '查看实时数据' }).click();
  await expect(page).toHaveURL(/mode=live/);
  await expect(page.getByRole('radio', { name: '实时数据' })).toBeChecked();
  await expect(page.getByText(/当前为实时数据，可能与 2023 年已定稿的评估结果不同/)).toBeVisible();
  await page.getByRole('button', { name: '查看定稿结果' }).click();
  await expect(page.getByText(/本页为 2023 年评估的定稿结果/)).toBeVisible();

  // The indicator page leads with the reviewer's conclusion and its reason.
  await page.goto('/d/130108/indicators/17?period=2021-2025&year=2023');
  const conclusion = page.getByRole('region', { name: '2023 年评估结论' });
  await expect(conclusion).toBeVisible();
  await expect(conclusion).toContainText('评估人员将计算结果“严重滞后”调整为“滞后预期”');
  await expect(conclusion).toContainText(REASON);
  await expect(page.getByRole('heading', { name: /主要数据 · 2023 年 · 实时数据/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'indicator-conclusion');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectFits(page, 390);
  await screenshot(page, 'indicator-conclusion-phone');
});
