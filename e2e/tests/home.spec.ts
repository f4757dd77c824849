import { expect, test, type APIRequest, type APIRequestContext, type Page } from '@playwright/test';
import { expectAccessible, expectFits, screenshot } from './a11y';
import { DEMO, signIn } from './helpers';

const YUHUA = '130108';
const YEAR = 2025;
const PERIOD = '2021-2025';
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const REASON = '工作台测试：与统计公报不符，请核对来源';

type Role = keyof typeof DEMO;

async function call<T>(api: APIRequestContext, path: string, input: unknown, post = true) {
  const response = post
    ? await api.post(`/trpc/${path}`, { data: input })
    : await api.get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

interface HomeTasks {
  districts: {
    code: string;
    missing: { cells: { seq: number; name: string; kind: string }[] };
  }[];
}

/** A request context signed in as `role`, of its own (its cookie is not the page's). */
async function apiAs(request: APIRequest, baseURL: string | undefined, role: Role) {
  const api = await request.newContext({ baseURL });
  await call(api, 'auth.signIn', { username: role, password: DEMO[role] });
  return api;
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Desktop and phone screenshots of the home, which fits the phone's width. */
async function shoot(page: Page, name: string) {
  await page.setViewportSize(DESKTOP);
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  await expectFits(page, PHONE.width);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

test('an official sees a returned figure with the reviewer’s reason and opens its entry grid; the reviewer sees it awaiting review once submitted again', async ({
  page,
  playwright,
}, info) => {
  const baseURL = info.project.use.baseURL;
  const official = await apiAs(playwright.request, baseURL, 'official');
  const reviewer = await apiAs(playwright.request, baseURL, 'reviewer');
  // A figure of the year nobody has entered yet (the demo leaves some indicators without data).
  const before = await call<HomeTasks>(official, 'home.tasks', {}, false);
  const cell = before.districts
    .find((d) => d.code === YUHUA)
    ?.missing.cells.find((c) => c.kind === 'actual');
  expect(cell, 'Yuhua has a missing actual figure of 2025').toBeDefined();
  const { seq, name } = cell!;
  const { value } = await call<{ value: { id: number; version: number } }>(
    official,
    'values.save',
    {
      district: YUHUA,
      seq,
      year: YEAR,
      kind: 'actual',
      value: 1,
      version: null,
      reason: '工作台测试',
    },
  );
  await call(official, 'values.submit', { district: YUHUA, year: YEAR });
  await call(reviewer, 'values.return', {
    district: YUHUA,
    cells: [{ id: value.id, version: value.version + 1 }],
    comment: REASON,
  });

  await page.setViewportSize(DESKTOP);
  await signIn(page, 'official');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
  await expect(page.getByText(`十四五（2021–2025） · ${YEAR} 年度待办`)).toBeVisible();
  const returned = page.getByRole('region', { name: /^已退回/ });
  const item = returned.getByRole('listitem').filter({ hasText: `${seq}. ${name}` });
  await expect(item).toContainText(`退回意见：${REASON}`);
  await expect(page.getByRole('region', { name: new RegExp(`^${YEAR} 年未填报`) })).toBeVisible();
  await expect(page.getByRole('link', { name: '裕华区总览' })).toBeVisible();
  // The navigation keeps the official's district pages beside the home.
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link')).toHaveText([
    '工作台',
    '总览',
    '填报',
    '全部区县',
  ]);
  await expectAccessible(page);
  await shoot(page, 'home-official');

  await item.getByRole('link', { name: `${seq}. ${name}` }).click();
  await expect(page).toHaveURL(`/d/${YUHUA}/entry?year=${YEAR}&period=${PERIOD}`);
  await expect(page.getByRole('heading', { level: 1, name: '裕华区数据填报' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: name }).first()).toContainText('已退回');

  // Submitted again, it is the reviewer's task.
  await call(official, 'values.submit', { district: YUHUA, year: YEAR });
  await signOut(page);
  await signIn(page, 'reviewer');
  const submitted = page.getByRole('region', { name: /^待审核/ });
  const waiting = submitted.getByRole('listitem').filter({ hasText: `${seq}. ${name}` });
  await expect(waiting).toContainText(`${YEAR} 年`);
  await expect(page.getByRole('region', { name: /^已退回/ })).toHaveCount(0);
  await expectAccessible(page);
  await shoot(page, 'home-reviewer');

  await waiting.getByRole('link', { name: `${seq}. ${name}` }).click();
  await expect(page).toHaveURL(`/d/${YUHUA}/entry?year=${YEAR}&period=${PERIOD}`);
  await expect(page.getByRole('row').filter({ hasText: name }).first()).toContainText('已提交');
  await official.dispose();
  await reviewer.dispose();
});

test('a leader sees the binding warnings of every district, worst first, each opening its indicator page', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'leader');
  const warnings = page.getByRole('region', { name: /^约束性指标预警/ });
  await expect(warnings).toBeVisible();
  await expect(warnings.getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('link', { name: '全部区县' }).first()).toBeVisible();
  await expectAccessible(page);
  await shoot(page, 'home-leader');
  const first = warnings.getByRole('listitem').first().getByRole('link');
  const text = (await first.textContent()) ?? '';
  const indicator = text.replace(/^.* · /, '').replace(/^\d+\. /, '');
  await first.click();
  await expect(page).toHaveURL(
    new RegExp(`/d/\\d{6}/indicators/\\d+\\?year=${YEAR}&period=${PERIOD}$`),
  );
  await expect(page.getByRole('heading', { level: 1 })).toContainText(indicator);
});

test('an administrator’s home lists what waits and the warnings without a 牵头单位', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'admin');
  await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
  await expect(
    page.getByRole('region', { name: /^待审核|^预警指标未设牵头单位/ }).first(),
  ).toBeVisible();
  await expectAccessible(page);
  await shoot(page, 'home-admin');
});
