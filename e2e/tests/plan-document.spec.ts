import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectFits, screenshot, shots } from './a11y';
import { signIn } from './helpers';
import { query } from './next-plan';

// Issue 17 item 6: a plan document read in the browser, fixed by hand and imported.
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/** A new district's 15th plan as a markdown table: row 2's target is no figure. */
const MARKDOWN = `# 测试二区国民经济和社会发展第十五个五年规划和二〇三五年远景目标纲要

表1 “十五五”时期经济社会发展主要指标

| 序号 | 指标 | 单位 | 2025年 | 2030年 | 年均增长 | 属性 |
| --- | --- | --- | --- | --- | --- | --- |
| 1 | 地区生产总值 | 亿元 | 300 | 400 | 6左右 | 预期性 |
| 2 | 常住人口城镇化率 | % | 70 | 好得很 |  | 预期性 |
| 3 | 单位地区生产总值能耗降低 | % | — | — | [13.5] | 约束性 |
| 4 | 森林覆盖率 | % | 30 | 32 |  | 约束性 |
| 5 | 城镇调查失业率 | % | 5 | 5.5以内 |  | 预期性 |
`;

type Listed = { code: string; periods: { period: string }[] }[];

async function newDistrict(page: Page, code: string, name: string) {
  const panel = page.getByRole('region', { name: '从规划文本读取' });
  await panel
    .getByRole('combobox', { name: '区县', exact: true })
    .selectOption({ label: '新区县…' });
  await panel.getByLabel('区划代码').fill(code);
  await panel.getByLabel('区县名称').fill(name);
  await panel.getByLabel('所属城市').fill('测试市');
  await panel.getByLabel('省份').fill('测试省');
  return panel;
}

test('an admin reads a plan document in the browser, fixes the row that did not read and imports it', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'admin', '/admin/plans');
  const panel = await newDistrict(page, '999002', '测试二区');
  await panel.getByLabel('规划文本').setInputFiles({
    name: '测试二区十五五规划.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(MARKDOWN),
  });
  await expect(panel).toContainText(
    '已从 测试二区十五五规划.md（markdown）读取 5 行，其中 4 行读通、1 行需要处理。',
  );
  // The row that did not read: its printed text, its place and the reason, in Chinese.
  const bad = panel.getByRole('row').filter({ hasText: '好得很' });
  await expect(bad).toContainText('序号 2 的目标：没有数字、横线或可识别的表述');
  await expect(bad).toContainText('第 8 行');
  await expect(panel.getByLabel('目标年')).toHaveValue('2030');
  const importButton = panel.getByRole('button', { name: '导入' });
  await expect(importButton).toBeDisabled();
  await expectAccessible(page);
  await shots(page, 'document-draft', DESKTOP);

  // The administrator writes the figure, checks again on the server and imports.
  await panel.getByLabel('序号 2 的目标').fill('75');
  await expect(bad).toContainText('已修改，待重新检查');
  await panel.getByRole('button', { name: '重新检查' }).click();
  await expect(panel).toContainText('检查完成：5 行读通，0 行仍需处理。');
  await importButton.click();
  await expect(panel.getByRole('status').filter({ hasText: '已导入' })).toContainText(
    '已导入 999002 的十五五（2026–2030）规划',
  );
  await shots(page, 'document-imported', DESKTOP);

  const listed = await query<Listed>(page.request, 'districts.list', {});
  expect(listed.find((d) => d.code === '999002')?.periods.map((p) => p.period)).toEqual([
    '2026-2030',
  ]);
});

test('a PDF is read from its text layer; a file that is no plan document is told what it is and imports nothing', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'admin', '/admin/plans');
  const panel = await newDistrict(page, '999003', '测试三区');
  const pdf = await readFile(
    new URL('../../packages/documents/src/fixtures/pdf/county-15th.pdf', import.meta.url),
  );
  await panel.getByLabel('规划文本').setInputFiles({
    name: 'county-15th.pdf',
    mimeType: 'application/pdf',
    buffer: pdf,
  });
  await expect(panel).toContainText(/已从 county-15th\.pdf（pdf）读取 \d+ 行/);
  await expect(panel).toContainText(/第 1 页/);
  await shots(page, 'document-pdf', DESKTOP);

  // A picture renamed .docx: the reader says what it is, and nothing is stored.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  );
  await panel.getByLabel('规划文本').setInputFiles({
    name: '规划.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: png,
  });
  await expect(panel.getByRole('alert')).toHaveText(
    '规划.docx 是图片，不是规划文档：请上传规划的 Word（.docx）、PDF、网页（.html）或文本文件。未导入任何内容。',
  );
  await expect(panel.getByRole('button', { name: '导入' })).toHaveCount(0);
  const listed = await query<Listed>(page.request, 'districts.list', {});
  expect(listed.find((d) => d.code === '999003')).toBeUndefined();
  await page.setViewportSize(PHONE);
  await expectFits(page, PHONE.width);
  await screenshot(page, 'document-refused-phone');
});
