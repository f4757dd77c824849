import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('an admin imports a plan file: problems are listed by path, a good file is imported', async ({
  page,
}) => {
  await signIn(page, 'admin', '/admin/plans');
  await expect(page.getByRole('heading', { level: 1, name: '规划管理' })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载桥西区十四五（2021–2025）规划（JSON）' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('plan-130104-2021-2025.json');
  const plan = JSON.parse(
    await file.createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    }),
  );
  expect(plan.district.code).toBe('130104');

  const bad = structuredClone(plan);
  bad.indicators[2].target.value = 'many';
  bad.plan.targetYear = 2019;
  await page.getByLabel('规划文件').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('未导入');
  await expect(alert).toContainText('indicators[2].target.value');

  plan.plan.title = `${plan.plan.title}（修订）`;
  await page.getByLabel('规划文件').setInputFiles({
    name: 'plan.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(plan)),
  });
  await expect(page.getByRole('status')).toContainText('已导入 130104 的十四五（2021–2025）规划');
});
