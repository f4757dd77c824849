import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** axe-core finds no serious or critical accessibility violation on the page as it stands. */
export async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(bad).toEqual([]);
}

/** A full-page screenshot into e2e/screenshots/ (gitignored). */
export async function screenshot(page: Page, name: string) {
  const path = fileURLToPath(new URL(`../screenshots/${name}.png`, import.meta.url));
  await page.screenshot({ path, fullPage: true });
}

/**
 * The page is no wider than `width` (no sideways scrolling on a phone), waiting for charts and
 * other sized content to follow a viewport change.
 */
export async function expectFits(page: Page, width: number) {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
    .toBeLessThanOrEqual(width);
}

export const PHONE = { width: 390, height: 844 };

/**
 * Screenshots of the page as it stands at `desktop` and at phone width (`name` and
 * `name-phone`), the page no wider than the phone; back at `desktop` after.
 */
export async function shots(page: Page, name: string, desktop: { width: number; height: number }) {
  await page.setViewportSize(desktop);
  await screenshot(page, name);
  await page.setViewportSize(PHONE);
  await expectFits(page, PHONE.width);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(desktop);
}
