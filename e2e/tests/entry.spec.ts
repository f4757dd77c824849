import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { screenshot } from './a11y';
import { DEMO, signIn } from './helpers';
import { ensureNextPlan, NEXT, PRINTED_PLATFORMS } from './next-plan';

// The current plan's years all hold approved demo figures (to the reporting year 2025): a year
// is entered afresh in the next plan (十五五), whose first year nothing has reported yet.
const YEAR = NEXT.baselineYear + 1;
const ENTRY = `/d/130108/entry?period=${NEXT.period}&year=${YEAR}`;
const actual = (page: Page, name: string, year = YEAR) =>
  page.getByLabel(`${name} ${year} 年实际值`, { exact: true });
const saved = (page: Page) =>
  expect(page.getByText('所有修改均已保存。')).toBeVisible({ timeout: 15_000 });

/** Pastes text into the focused cell as a spreadsheet copy does. */
async function paste(page: Page, text: string) {
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, text);
}

async function expectNoSeriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => v.id)).toEqual([]);
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

async function trpc<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.get(
    `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
  );
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

test.beforeAll(async ({ playwright }, info) => {
  const api = await playwright.request.newContext({ baseURL: info.project.use.baseURL });
  await ensureNextPlan(api);
  await api.dispose();
});

test('a year is entered by keyboard and paste, survives a lost connection, a refresh and an expired session, and is reviewed', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, 'official', ENTRY);
  await expect(page.getByRole('heading', { level: 1, name: '裕华区数据填报' })).toBeVisible();
  await expect(page.getByText('十五五（2026–2030）', { exact: true })).toBeVisible();
  await expect(page.getByText(`${YEAR} 年共 12 项指标`)).toBeVisible();
  await expectNoSeriousViolations(page);

  // Keyboard: Enter moves down the column, Tab to the next cell.
  await actual(page, '生产总值(GDP)增长率').click();
  await page.keyboard.type('5.8');
  await page.keyboard.press('Enter');
  await expect(actual(page, '全员劳动生产率增长率')).toBeFocused();
  await page.keyboard.type('4.6');
  await page.keyboard.press('Enter');
  await page.keyboard.type('５６０');
  await page.keyboard.press('Enter');
  await expect(actual(page, '全社会研发投入增长率')).toBeFocused();
  await page.keyboard.type('4.2');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('全社会研发投入增长率 市下达目标')).toBeFocused();
  await page.keyboard.type('4');
  await page.keyboard.press('ArrowDown');
  await expect(
    page.getByLabel('高新技术产业增加值占规模以上工业增加值比例 市下达目标'),
  ).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(actual(page, '市级以上创新平台')).toBeFocused();

  // A column copied from Excel fills the cells below, with a thousands separator and a word.
  await paste(page, '200\r\n22.1\r\n18.5\r\n6.2\r\n');
  await expect(page.getByText('已粘贴 4 个单元格')).toBeVisible();
  await expect(actual(page, '每万人口拥有高价值发明专利数')).toHaveValue('22.1');

  // Typing checks: a word is not a number; 200 platforms after the printed 72 asks for a reason.
  await actual(page, '城镇居民人均可支配收入增长率').fill('六点二');
  await expect(page.getByText('请输入数字')).toBeVisible();
  await actual(page, '城镇居民人均可支配收入增长率').fill('6.2');
  await expect(page.getByText('请输入数字')).toHaveCount(0);
  const change = (((200 - PRINTED_PLATFORMS) / PRINTED_PLATFORMS) * 100).toFixed(1);
  await expect(
    page.getByText(`与上年（${PRINTED_PLATFORMS}）相比变化 ${change}%，超过 ±50%`),
  ).toBeVisible();
  await page.getByLabel(`${YEAR} 年实际值的确认原因`).fill('新认定国家级平台 12 个');
  await page.getByRole('button', { name: '确认', exact: true }).click();
  await saved(page);

  // A lost connection and a refresh lose nothing: the figure waits in the browser.
  await page.route(/\/trpc\/[^?]*values\.save/, (route) => route.abort('internetdisconnected'));
  await actual(page, '城镇调查失业率').fill('1.9');
  await expect(page.getByText('无法连接服务器：1 项修改已保存在本机')).toBeVisible({
    timeout: 10_000,
  });
  await page.reload();
  await expect(actual(page, '城镇调查失业率')).toHaveValue('1.9');
  await page.unroute(/\/trpc\/[^?]*values\.save/);
  await saved(page);

  // So does an expired session: sign in again and the figure is saved. The refetches that follow a
  // save end first, so the session ends at the figure's save and not at a background read.
  await page.waitForLoadState('networkidle');
  await context.clearCookies();
  await actual(page, '每千人口执业(助理)医师数').fill('9.95');
  await expect(page).toHaveURL(/\/sign-in\?expired=1/, { timeout: 10_000 });
  await page.getByLabel('用户名').fill('official');
  await page.getByLabel('密码').fill(DEMO.official);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(actual(page, '每千人口执业(助理)医师数')).toHaveValue('9.95');
  await saved(page);

  await page.reload();
  await expect(actual(page, '地区生产总值')).toHaveValue('560');
  await expect(actual(page, '市级以上创新平台')).toHaveValue('200');
  await page
    .getByRole('button', { name: new RegExp(`^提交 ${YEAR} 年数据审核（\\d+ 项）$`) })
    .click();
  await expect(page.getByText(/^已提交 \d+ 项，等待评估人员审核。$/)).toBeVisible();

  // A submitted figure is locked while it is reviewed; withdrawing it (撤回) makes it a draft again,
  // in its history; required figures not filled in are marked.
  await expect(actual(page, '城镇调查失业率')).toHaveAttribute('readonly', '');
  await expect(page.getByText(/^\d+ 年应报 \d+ 项数据：待提交 0 项/)).toBeVisible();
  await expect(page.getByText('未填报').first()).toBeVisible();
  await screenshot(page, 'entry-submitted');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'entry-submitted-phone');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('button', { name: `撤回 城镇调查失业率 ${YEAR} 年实际值` }).click();
  await expect(page.getByText('已撤回 1 项，改回草稿')).toBeVisible();
  await expect(actual(page, '城镇调查失业率')).not.toHaveAttribute('readonly', '');
  const unemploymentHistory = page
    .getByRole('row', { name: /城镇调查失业率/ })
    .getByRole('button', { name: '历史' });
  await unemploymentHistory.click();
  await expect(page.getByText('已提交 → 草稿')).toBeVisible();
  // Escape closes the history and gives the focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: /城镇调查失业率 · \d+ 年修改记录/ })).toHaveCount(
    0,
  );
  await expect(unemploymentHistory).toBeFocused();
  await actual(page, '城镇调查失业率').fill('2.0');
  await saved(page);
  await page.getByRole('button', { name: `提交 ${YEAR} 年数据审核（1 项）` }).click();
  await expect(page.getByText('已提交 1 项，等待评估人员审核。')).toBeVisible();
  await signOut(page);

  // The reviewer sees the unusual figure flagged, with its change and the official's reason.
  await signIn(page, 'reviewer', ENTRY);
  const platforms = page.getByRole('group', {
    name: `市级以上创新平台 ${YEAR} 年实际值的核对信息`,
  });
  await expect(platforms).toContainText('需核实');
  await expect(platforms).toContainText(`较上年 ${PRINTED_PLATFORMS} +${change}%`);
  await expect(platforms).toContainText('填报说明：新认定国家级平台 12 个');
  await signOut(page);

  // The reviewer returns one figure with a comment and approves another on its own.
  await signIn(page, 'reviewer', ENTRY);
  await expect(page.getByText(/本年度有 \d+ 项数值待审核/)).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole('button', { name: `退回 地区生产总值 ${YEAR} 年实际值` }).click();
  await page.getByLabel('退回意见').fill('与统计公报不一致，请核对');
  await page.getByRole('button', { name: '确认退回' }).click();
  await page.getByRole('button', { name: `通过 生产总值(GDP)增长率 ${YEAR} 年实际值` }).click();
  await expect(
    page.getByRole('button', { name: `重新打开 生产总值(GDP)增长率 ${YEAR} 年实际值` }),
  ).toBeVisible();
  await page
    .getByRole('row', { name: /地区生产总值/ })
    .getByRole('button', { name: '历史' })
    .click();
  await expect(
    page.getByRole('heading', { name: `地区生产总值 · ${YEAR} 年修改记录` }),
  ).toBeVisible();
  await expect(page.getByText('原因：与统计公报不一致，请核对')).toBeVisible();
  await page.getByRole('button', { name: '关闭' }).click();
  await signOut(page);

  // The official sees the comment, corrects the figure and submits again.
  await signIn(page, 'official', ENTRY);
  await expect(page.getByText(`${YEAR} 年实际值已退回：与统计公报不一致，请核对`)).toBeVisible();
  await actual(page, '地区生产总值').fill('558.2');
  await saved(page);
  await page.getByRole('button', { name: `提交 ${YEAR} 年数据审核（1 项）` }).click();
  await expect(page.getByText('已提交 1 项，等待评估人员审核。')).toBeVisible();
  await signOut(page);

  // The reviewer approves the rest of the year; the assessment now reads its year.
  await signIn(page, 'reviewer', ENTRY);
  await expect(page.getByRole('button', { name: /^全部通过（\d+ 项）$/ })).toBeVisible();
  await screenshot(page, 'review-year');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'review-year-phone');
  await page.setViewportSize({ width: 1280, height: 800 });
  // Approving all first lists the unusual figures for an explicit choice.
  await page.getByRole('button', { name: /^全部通过（\d+ 项）$/ }).click();
  const dialog = page.getByRole('dialog', { name: /^以下 \d+ 项数值异常，请确认后再通过$/ });
  await expect(dialog).toContainText(`市级以上创新平台 ${YEAR} 年实际值`);
  await screenshot(page, 'review-confirm-flagged');
  await dialog.getByRole('button', { name: /^全部通过（\d+ 项，含异常）$/ }).click();
  await expect(page.getByText('本年度有 0 项数值待审核。')).toBeVisible();
  const [year] = await trpc<{ counts: Record<string, number> }[]>(page, 'values.completeness', {
    district: '130108',
    period: NEXT.period,
    year: YEAR,
  });
  expect(year!.counts).toMatchObject({ submitted: 0, draft: 0, returned: 0 });
  expect(year!.counts.approved).toBe(8);
  const card = await trpc<{
    indicators: { seq: number; latestYear: number; latestValue: number; baseline: number }[];
  }>(page, 'scorecard.district', { district: '130108', period: NEXT.period, year: YEAR });
  const bySeq = (seq: number) => card.indicators.find((i) => i.seq === seq);
  expect(bySeq(4)).toMatchObject({
    latestYear: YEAR,
    latestValue: 200,
    baseline: PRINTED_PLATFORMS,
  });

  // Approved figures are locked for the official.
  await signOut(page);
  await signIn(page, 'official', ENTRY);
  await expect(actual(page, '地区生产总值')).toHaveValue('558.2');
  await expect(actual(page, '地区生产总值')).toHaveAttribute('readonly', '');
});

test('leaders read the grid on a phone and change nothing', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'leader', '/d/130108/entry?period=2021-2025&year=2023');
  await expect(page.getByRole('heading', { level: 1, name: '裕华区数据填报' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^通过/ })).toHaveCount(0);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await page
    .getByRole('row', { name: /市级以上创新平台/ })
    .getByRole('button', { name: '历史' })
    .click();
  await expect(page.getByText('已审核').first()).toBeVisible();
});

test('the Excel template downloads pre-filled and uploads back; a file that is not one changes nothing', async ({
  page,
}, info) => {
  await signIn(page, 'official', '/d/130108/entry?period=2021-2025&year=2023');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载 2023 年 Excel 模板' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('130108-裕华区-十四五-2023-填报.xlsx');
  const file = info.outputPath('template.xlsx');
  await download.saveAs(file);
  await page.getByLabel('上传已填模板').setInputFiles(file);
  await expect(page.getByText('已导入 0 项数值（草稿）。')).toBeVisible();
  await page.getByLabel('上传已填模板').setInputFiles({
    name: 'notes.xlsx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('not a workbook'),
  });
  await expect(page.getByText('模板中有 1 处问题，未导入任何数值：')).toBeVisible();
  await expect(page.getByText('这不是 .xlsx 工作簿。')).toBeVisible();
});

test('two people saving the same figure: the second sees the first’s and chooses', async ({
  browser,
}) => {
  const open = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'official', `/d/130108/entry?period=${NEXT.period}&year=${YEAR + 1}`);
    await expect(actual(page, '地区生产总值', YEAR + 1)).toHaveValue('');
    return page;
  };
  const first = await open();
  const second = await open();
  await actual(first, '地区生产总值', YEAR + 1).fill('600');
  await saved(first);
  await actual(second, '地区生产总值', YEAR + 1).fill('610');
  await expect(second.getByRole('alert')).toContainText('将其改为 600');
  await second.getByRole('button', { name: '保留我的 610' }).click();
  await saved(second);
  await first.reload();
  await expect(actual(first, '地区生产总值', YEAR + 1)).toHaveValue('610');
  await first
    .getByRole('row', { name: /地区生产总值/ })
    .getByRole('button', { name: '历史' })
    .click();
  await expect(first.getByText('600 → 610')).toBeVisible();
  await first.context().close();
  await second.context().close();
});
