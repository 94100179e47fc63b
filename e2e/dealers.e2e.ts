import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSidewaysScroll, launch, loginAs, type Size, shot } from './browser.ts';
import { base, okModal, openModal } from './q2c-helpers.ts';

/**
 * 经销商 (SPEC 5.5) in the browser against the demo company: the manager reads last month's review
 * sheet (figures from the data, the A with its reward, the C) and rewrites a review at 1440 px; the
 * rep finds the outlet she manages as a card at 390 px, reads its contacts and records a visit.
 * Nothing raw (codes, ISO times, keys) and nothing sideways.
 */
let browser: Browser;

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
  expect(text).not.toMatch(/dealers\.|menu\.|\bactive\b|\bsuspended\b|\d{4}-\d{2}-\d{2}T/);
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('dealers', () => {
  it('the manager reviews last month’s dealers from the data and rewrites a review (1440 px)', async () => {
    const { page, errors } = await login('manager1', 'desktop');
    await page.goto(`${base()}/dealer-reviews`);
    const rows = page.getByTestId('dealer-review-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    const nanjing = rows.filter({ hasText: '南京鼓楼经销部' });
    expect(await nanjing.innerText()).toContain('A 突出');
    expect(await nanjing.innerText()).toContain('800.00');
    const suzhou = rows.filter({ hasText: '苏州园区经销部' });
    expect(await suzhou.innerText()).toContain('C 一般');
    await expectClean(page);
    await shot(page, 'dealers-review-sheet-desktop');
    await suzhou.getByTestId('dealer-review-open').click();
    const modal = await openModal(page);
    await modal.getByTestId('dealer-review-rating').getByText('B 良好').click();
    await modal.getByTestId('dealer-review-comment').fill('走访后铺货改善，订货回升');
    await okModal(page);
    await expect.poll(() => suzhou.innerText()).toContain('B 良好');
    expect(errors).toEqual([]);
  });

  it('the rep finds her outlet as a card, reads its contacts and records a visit (390 px)', async () => {
    const { page, errors } = await login('rep2', 'phone');
    await page.goto(`${base()}/dealers`);
    const rows = page.getByTestId('dealer-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('苏州园区经销部');
    await expectClean(page);
    await shot(page, 'dealers-list-phone');
    await rows.first().click();
    await page.getByTestId('dealer-facts').waitFor();
    expect(await page.getByTestId('dealer-status').innerText()).toBe('合作中');
    // The outlet's customer account and back: the customer page names its dealer and links to it.
    await page.getByTestId('dealer-customer').click();
    const tag = page.getByTestId('customer-dealer');
    await expect.poll(() => tag.innerText()).toMatch(/^经销商 JX\S+ 苏州园区经销部$/);
    await shot(page, 'dealers-customer-tag-phone');
    await tag.getByRole('link').click();
    await page.getByTestId('dealer-facts').waitFor();
    await page.getByRole('tab', { name: '联系人' }).click();
    expect(await page.getByTestId('dealer-contacts').innerText()).toContain('刘芳');
    await page.getByRole('tab', { name: '月度考评' }).click();
    expect(await page.getByTestId('dealer-reviews').innerText()).toContain('回款金额');
    await page.getByTestId('dealer-visit-new').click();
    const modal = await openModal(page);
    await modal.getByTestId('dealer-visit-purpose').fill('回访样品补齐情况');
    await modal.getByTestId('dealer-visit-findings').fill('两款新品样品已到店陈列');
    await okModal(page);
    await page.getByRole('tab', { name: '拜访记录' }).click();
    await expect.poll(() => page.getByTestId('dealer-visits').innerText()).toContain('两款新品样品已到店陈列');
    await expectClean(page);
    await shot(page, 'dealers-visits-phone');
    expect(errors).toEqual([]);
  });
});
