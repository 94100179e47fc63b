import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSidewaysScroll, launch, loginAs, type Size, shot } from './browser.ts';
import { base } from './q2c-helpers.ts';

/**
 * 市场 pages (SPEC 2.2 / 2.8) against the real server with demo data: the director opens research
 * reports and the missing list (one period missing), competitors with lost opportunities, forecasts,
 * the promotion with an approved and a pending stage, and the demand register — at 1440 px and at
 * 390 px, with screenshots, no console errors, no raw keys and nothing scrolling sideways.
 */
let browser: Browser;
/** Signed in as `username`, collecting the console errors from here on (the login page's own 401 is expected). */
async function login(username: string, size: Size): Promise<{ page: Page; errors: string[] }> {
  const page = await loginAs(browser, username, size);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

async function expectClean(page: Page) {
  await expectNoSidewaysScroll(page);
  const text = String(await page.evaluate('document.body.innerText'));
  expect(text).not.toMatch(/research\.|menu\.|\d{4}-\d{2}-\d{2}T/);
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe.each(['desktop', 'phone'] as const)('市场 pages at %s size', (size) => {
  it('shows reports and the missing one, competitors, forecasts, the staged promotion and the demand register', async () => {
    const { page, errors } = await login('director', size);
    await page.goto(`${base()}/research/reports`);
    await page.getByTestId('report-row').first().waitFor();
    await expectClean(page);
    await shot(page, `research-reports-${size}`);
    await page.getByTestId('tab-missing').click();
    await page.getByTestId('missing-row').first().waitFor();
    expect(await page.getByTestId('missing-row').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('许文静')]),
    );
    await shot(page, `research-missing-${size}`);

    await page.goto(`${base()}/research/competitors`);
    await page.getByTestId('competitor-row').first().waitFor();
    await expectClean(page);
    await shot(page, `research-competitors-${size}`);
    await page.getByTestId('competitor-row').first().click();
    await page.getByText('输给该对手的商机').waitFor();
    await shot(page, `research-competitor-detail-${size}`, false);
    await page.keyboard.press('Escape');

    await page.goto(`${base()}/research/forecasts`);
    await page.getByTestId('forecast-row').first().waitFor();
    await expectClean(page);
    await shot(page, `research-forecasts-${size}`);

    await page.goto(`${base()}/research/promotions`);
    await page.getByTestId('promotion-row').first().click();
    await page.getByTestId('promotion-totals').waitFor();
    expect(await page.getByText('已批准').count()).toBeGreaterThan(0);
    expect(await page.getByText('审批中').count()).toBeGreaterThan(0);
    await expectClean(page);
    await shot(page, `research-promotion-${size}`);

    await page.goto(`${base()}/research/demands`);
    await page.getByTestId('demand-row').first().waitFor();
    await expectClean(page);
    await shot(page, `research-demands-${size}`);
    expect(errors).toEqual([]);
  });
});
