import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shot } from './browser.ts';
import { base } from './q2c-helpers.ts';

/**
 * 市场 pages (SPEC 2.2 / 2.8) against the real server with demo data: the director opens research
 * reports and the missing list (one period missing), competitors with lost opportunities, forecasts,
 * the promotion with an approved and a pending stage, and the demand register — at 1440 px and at
 * 390 px, with screenshots, no console errors, no raw keys and nothing scrolling sideways.
 */
let browser: Browser;
const SIZES = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;
type Size = keyof typeof SIZES;

async function login(username: string, size: Size): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: SIZES[size],
    isMobile: size === 'phone',
    hasTouch: size === 'phone',
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  await page.goto(`${base()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

async function expectClean(page: Page) {
  const [scroll, view] = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as number[];
  expect(scroll, 'page scrolls sideways').toBeLessThanOrEqual(view);
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
