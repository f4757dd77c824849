import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, shots } from './a11y';
import { signIn } from './helpers';
import { CURRENT, ensureNextPlan, NEXT, nextPlanOf, PRINTED_PLATFORMS, query } from './next-plan';
import { docxText } from './zip';

// Issue 16 item 8: a district with two plans, its final evaluation and a revised target.
const DESKTOP = { width: 1366, height: 768 };
const CURRENT_LABEL = '十四五（2021–2025）';
const NEXT_LABEL = '十五五（2026–2030）';
const B = NEXT.baselineYear;

async function downloadJson(page: Page, button: string) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await download;
  return {
    name: file.suggestedFilename(),
    json: JSON.parse(await readFile((await file.path())!, 'utf8')),
  };
}

type Card = {
  plan: { period: string };
  indicators: { seq: number; latestValue: number | null; baseline: number | null }[];
};
const card = (page: Page, period: string, year: number) =>
  query<Card>(page.request, 'scorecard.district', { district: '130108', period, year });

test('an admin imports the next plan and carries the previous plan’s final figures over as its baselines', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'admin', '/admin/plans');
  const current = await downloadJson(page, `下载裕华区${CURRENT_LABEL}规划（JSON）`);
  expect(current.name).toBe(`plan-130108-${CURRENT}.json`);
  const next = nextPlanOf(current.json);
  await page.getByLabel('规划文件').setInputFiles({
    name: 'plan-130108-next.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(next)),
  });
  await expect(page.getByRole('status').first()).toContainText(`已导入 130108 的${NEXT_LABEL}规划`);
  await expect(
    page.getByRole('button', { name: `下载裕华区${NEXT_LABEL}规划（JSON）` }),
  ).toBeVisible();

  // The proposals: the previous plan's approved figures of B, the printed baseline where there is one.
  const finals = await card(page, CURRENT, B);
  const finalOf = (seq: number) => finals.indicators.find((i) => i.seq === seq)!.latestValue!;
  const panel = page.getByRole('region', { name: '承接上期基数' });
  await expect(panel.getByLabel('承接到')).toHaveValue(`130108/${NEXT.period}`);
  await expect(panel).toContainText(`从${CURRENT_LABEL}承接到${NEXT_LABEL}：${B} 年审定值`);
  // By the row's own indicator: every row's select lists the previous plan's names.
  const row = (name: string) =>
    panel.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  const gdp = row('地区生产总值');
  await expect(gdp.getByRole('combobox')).toHaveValue('18');
  await expect(gdp).toContainText(String(finalOf(18)));
  await expect(gdp.getByRole('checkbox', { name: '承接 地区生产总值' })).toBeChecked();
  const platforms = row('市级以上创新平台');
  await expect(platforms).toContainText(String(PRINTED_PLATFORMS));
  await expect(platforms).toContainText(String(finalOf(4)));
  await expect(platforms).toContainText('不一致');
  await expect(platforms.getByRole('checkbox')).toBeDisabled();
  await expectAccessible(page);
  await shots(page, 'carry-over', DESKTOP);

  const apply = panel.getByRole('button', { name: /^应用（\d+ 项）$/ });
  const count = Number((await apply.textContent())!.match(/\d+/)![0]);
  expect(count).toBeGreaterThan(0);
  await apply.click();
  await expect(panel.getByRole('status')).toHaveText(
    `已将 ${count} 项 ${B} 年审定值承接为${NEXT_LABEL}的基数。`,
  );
  await expect(panel.getByText('没有可承接的数据。')).toBeVisible();

  // The next plan now measures 地区生产总值 from the previous plan's final figure.
  const first = await card(page, NEXT.period, B + 1);
  expect(first.indicators.find((i) => i.seq === 18)!.baseline).toBe(finalOf(18));
  expect(first.indicators.find((i) => i.seq === 4)!.baseline).toBe(PRINTED_PLATFORMS);
});

test('the district pages switch between 十四五 and 十五五 and stay the same page', async ({
  page,
  playwright,
}, info) => {
  const api = await playwright.request.newContext({ baseURL: info.project.use.baseURL });
  await ensureNextPlan(api);
  await api.dispose();
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'leader', '/d/130108');
  // The reporting year 2025 is the 14th plan's last: the district opens at it.
  await expect(page).toHaveURL(new RegExp(`/d/130108\\?period=${CURRENT}$`));
  const switcher = page.getByRole('navigation', { name: '规划期' });
  await expect(switcher.getByRole('link', { name: `查看${CURRENT_LABEL}` })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByLabel('当前规划')).toContainText(CURRENT_LABEL);
  await expect(page.getByLabel('评估年度')).toHaveValue(String(B));

  await switcher.getByRole('link', { name: `查看${NEXT_LABEL}` }).click();
  await expect(page).toHaveURL(new RegExp(`/d/130108\\?period=${NEXT.period}$`));
  await expect(page.getByRole('heading', { level: 1, name: '裕华区总览' })).toBeVisible();
  await expect(page.getByLabel('当前规划')).toContainText(NEXT_LABEL);
  await expect(page.getByLabel('当前规划')).toContainText('第十五个五年规划');
  await expect(page.getByText('主要指标 12 项')).toBeVisible();
  await expect(switcher.getByRole('link', { name: `查看${NEXT_LABEL}` })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByLabel('评估年度').locator('option')).toHaveText([
    '2026 年',
    '2027 年',
    '2028 年（中期）',
    '2029 年',
    '2030 年（期末）',
  ]);
  await expectAccessible(page);
  await shots(page, 'scorecard-periods', DESKTOP);

  // An indicator page and the entry grid keep their kind; the other plan's year is dropped.
  await page.getByRole('link', { name: '4. 市级以上创新平台' }).click();
  await expect(page).toHaveURL(
    new RegExp(`/d/130108/indicators/4\\?year=\\d{4}&period=${NEXT.period}$`),
  );
  // The page drawn (a navigation commits after the address changes): its switcher links to it.
  await expect(page.getByRole('heading', { level: 1, name: '4. 市级以上创新平台' })).toBeVisible();
  await switcher.getByRole('link', { name: `查看${CURRENT_LABEL}` }).click();
  await expect(page).toHaveURL(new RegExp(`/d/130108/indicators/4\\?period=${CURRENT}$`));
  await expect(page.getByRole('heading', { level: 1, name: '4. 市级以上创新平台' })).toBeVisible();
  await expect(page.getByLabel('当前规划')).toContainText(CURRENT_LABEL);

  // Pages a leader opens by their address (the navigation offers them to officials, reviewers).
  for (const [path, heading] of [
    ['entry', '裕华区数据填报'],
    ['evaluation', '裕华区规划评估'],
  ]) {
    await page.goto(`/d/130108/${path}?period=${CURRENT}`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await switcher.getByRole('link', { name: `查看${NEXT_LABEL}` }).click();
    await expect(page).toHaveURL(new RegExp(`/d/130108/${path}\\?period=${NEXT.period}$`));
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByLabel('当前规划')).toContainText(NEXT_LABEL);
  }
  // The reporting year held within the next plan: its first year.
  await page.goto(`/d/130108/entry?period=${NEXT.period}`);
  await expect(page.getByLabel('年度')).toHaveValue(String(B + 1));

  // The league compares the districts within one period; 十五五 only 裕华区 has.
  await page.goto('/districts');
  const league = page.getByRole('navigation', { name: '规划期' });
  await expect(league.getByRole('link', { name: `查看${CURRENT_LABEL}` })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByText('5 个区县有该期规划')).toBeVisible();
  await expect(page.getByRole('table', { name: '区县对比表' }).getByRole('row')).toHaveCount(6);
  await expectAccessible(page);
  await shots(page, 'league-periods', DESKTOP);
  await league.getByRole('link', { name: `查看${NEXT_LABEL}` }).click();
  await expect(page).toHaveURL(new RegExp(`/districts\\?period=${NEXT.period}$`));
  await expect(page.getByText('1 个区县有该期规划')).toBeVisible();
  const rows = page.getByRole('table', { name: '区县对比表' }).getByRole('row');
  await expect(rows.filter({ hasText: '无该期规划' })).toHaveCount(4);
  await expect(rows.filter({ hasText: '裕华区' })).not.toContainText('无该期规划');
  await expectAccessible(page);
  await shots(page, 'league-next-period', DESKTOP);
  await page.getByRole('link', { name: '打开 裕华区 的总览' }).click();
  await expect(page).toHaveURL(new RegExp(`/d/130108\\?year=\\d{4}&period=${NEXT.period}$`));
  await expect(page.getByLabel('当前规划')).toContainText(NEXT_LABEL);
});

test('a reviewer finalizes the final evaluation (总结评估) of 十四五 and downloads its report', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'reviewer', `/d/130108/evaluation?period=${CURRENT}`);
  // The period is over: a new round opens at its target year.
  await expect(page.getByRole('combobox', { name: '评估年度' })).toHaveValue(String(B));
  await page.getByRole('button', { name: /^开启(新一轮)?评估$/ }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: new RegExp(`^${B} 年总结评估（第 \\d+ 轮）`) }),
  ).toBeVisible();
  await page.getByRole('button', { name: /^确认其余 \d+ 项计算状态$/ }).click();
  await expect(page.getByText('已评 20 / 20 项')).toBeVisible();
  await page.getByRole('button', { name: '定稿' }).click();
  await page.getByRole('button', { name: '确定定稿' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /已定稿/ })).toBeVisible();
  const rounds = page.getByRole('table').first();
  await expect(rounds.getByRole('row').filter({ hasText: '总结评估' })).toContainText('已定稿');

  const outcome = page.getByRole('region', { name: '总结评估结论' });
  const summary = outcome.getByText(/^共 20 项指标：/);
  await expect(summary).toContainText(/完成 \d+ 项/);
  await expect(outcome).toContainText(/纳入评价的 \d+ 项指标中，完成及基本完成占 \d+%/);
  const said = (await summary.textContent())!;
  for (const grade of ['基本完成', '未完成']) expect(said).toContain(grade);
  await expectAccessible(page);
  await shots(page, 'evaluation-final', DESKTOP);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载 Word 报告' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(
    new RegExp(`^130108-裕华区-十四五-${B}-总结评估-\\d+\\.docx$`),
  );
  const text = docxText(await readFile((await file.path())!));
  expect(text).toContain('裕华区“十四五”规划总结评估报告');
  expect(text).not.toContain('中期评估报告');
  expect(text).toContain(said);
  for (const grade of ['完成', '基本完成', '未完成']) expect(text).toContain(grade);
});

test('an admin revises a target from 2024: the indicator page and the scorecard show both', async ({
  page,
}) => {
  const from = 2024;
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'admin', `/d/130108/indicators/18?period=${CURRENT}&year=${from - 1}`);
  await expect(page.getByRole('heading', { level: 1, name: '18. 地区生产总值' })).toBeVisible();
  await page.getByRole('button', { name: '调整目标…' }).click();
  const form = page.getByRole('form', { name: '调整目标' });
  await expect(form.getByLabel('自哪一年起执行')).toHaveValue(String(from));
  await form.getByLabel('调整后的目标').fill('560 亿元左右');
  await form.getByRole('button', { name: '保存调整' }).click();
  await expect(form.getByRole('alert')).toHaveText('请填写调整所依据的文件或决定。');
  await expect(form.getByLabel('依据的文件或决定')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('依据的文件或决定').fill('区人大常委会关于调整“十四五”规划部分指标的决定');
  await form.getByLabel('调整原因').fill('受疫情影响，中期评估后下调');
  await expectAccessible(page);
  await shots(page, 'revise-form', DESKTOP);

  await form.getByRole('button', { name: '保存调整' }).click();
  const note = `原目标 580 亿元左右，${from} 年调整为 560 亿元左右`;
  await expect(page.getByRole('status')).toHaveText(`已调整：${note}。`);
  const history = page.getByRole('region', { name: '目标调整记录' });
  await expect(history).toContainText('原目标：580 亿元左右（规划原文，始终保留）');
  await expect(history.getByRole('row').filter({ hasText: '560 亿元左右' })).toContainText(
    `${from} 年起执行`,
  );

  // At the end of the period the revised target is the one in force, the original beside it.
  await page.goto(`/d/130108/indicators/18?period=${CURRENT}&year=${B}`);
  await expect(page.getByText(note).first()).toBeVisible();
  await expect(
    page.getByRole('region', { name: '目标调整记录' }).getByRole('row').filter({ hasText: '560' }),
  ).toContainText(`${B} 年执行中`);
  await expectAccessible(page);
  await shots(page, 'revision-indicator', DESKTOP);

  // The 总结评估 finalized above keeps the target it graded against; the live figures follow the
  // revision.
  await page.goto(`/d/130108?period=${CURRENT}&year=${B}`);
  await expect(page.getByText(`本页为 ${B} 年评估的定稿结果`, { exact: false })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: '地区生产总值' });
  await expect(row).toContainText('完成目标 580');
  await expect(row).not.toContainText('目标调整');
  await page.getByRole('button', { name: '查看实时数据' }).click();
  await expect(page).toHaveURL(/mode=live/);
  await expect(row).toContainText(
    `目标调整：${note}（区人大常委会关于调整“十四五”规划部分指标的决定）`,
  );
  await expect(row.getByText(note)).toHaveAttribute('title', '受疫情影响，中期评估后下调');
  await expectAccessible(page);
  await shots(page, 'revision-scorecard', DESKTOP);
});
