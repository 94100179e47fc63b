import { PRICE_MASK } from '@sales/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shot } from './browser.ts';
import { api, base } from './q2c-helpers.ts';

/**
 * Contract prices in the browser (SPEC 1.2, issue 9): 法务 reviews the demo contract waiting in
 * 合同评审 and sees its text and terms, every amount as ＊＊＊ with the reason on hover — on the
 * ledger, the contract and the approval item, at desktop and phone width. 商务 sees the amounts.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function login(username: string, width: number, height: number) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${base()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  // Signed in (the login page's own 401 for "who am I" is expected): from here on, no errors.
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

const text = async (page: Page) => (await page.locator('body').innerText()).replace(/\s+/g, ' ');

/** Opens a page; on a phone the side menu is folded away first, to see the page itself. */
async function open(page: Page, path: string, testId: string) {
  await page.goto(`${base()}${path}`);
  await page.getByTestId(testId).first().waitFor();
}

/** The contract the demo left in 合同评审 at 法务, with its amount as commerce sees it. */
async function contractUnderReview() {
  const { page } = await login('legal', 1440, 900);
  const inbox = await api(page, 'GET', '/api/approvals/inbox');
  const item = inbox.json.items.find((i: { docType: string }) => i.docType === 'contract');
  expect(item, 'a contract review waits at legal in the demo data').toBeTruthy();
  await page.context().close();
  const { page: commerce } = await login('commerce', 1440, 900);
  const c = await api(commerce, 'GET', `/api/contracts/${item.docId}`);
  expect(c.json.pricesMasked).toBe(false);
  await commerce.goto(`${base()}/contracts?keyword=${encodeURIComponent(c.json.no)}`);
  const row = commerce.getByTestId('contract-row').first();
  await row.waitFor();
  // Commerce (contract.prices) sees the amount as the ledger shows it, e.g. ¥45,200.00.
  const grouped = Number(c.json.amount).toLocaleString('en-US', { minimumFractionDigits: 2 });
  await expect.poll(() => row.innerText()).toContain(grouped);
  await commerce.context().close();
  return { id: item.docId as number, instanceId: item.instanceId as number, no: c.json.no as string, grouped };
}

describe('contract prices for 法务', () => {
  it('list, contract and approval item show ＊＊＊ for every amount, at 1440 and 390 px', async () => {
    const c = await contractUnderReview();
    for (const [width, height] of [
      [1440, 900],
      [390, 844],
    ] as const) {
      const { page, errors } = await login('legal', width, height);

      await open(page, `/contracts?keyword=${encodeURIComponent(c.no)}`, 'contract-row');
      const row = page.getByTestId('contract-row').first();
      await expect.poll(() => row.innerText()).toContain(PRICE_MASK);
      expect(await row.getByTestId('money-masked').count()).toBe(4);
      expect(await text(page)).not.toContain(c.grouped);
      await shot(page, `contract-prices-legal-list-${width}`);

      await open(page, `/contracts/${c.id}`, 'contract-amount');
      const amount = page.getByTestId('contract-amount');
      expect(await amount.innerText()).toContain(PRICE_MASK);
      await amount.getByTestId('money-masked').hover();
      await page.locator('.ant-tooltip:visible').filter({ hasText: '无权查看价格' }).waitFor();
      // The text and terms are there; only the amounts rendered into the body are masked.
      const body = await page.getByTestId('contract-body').innerText();
      expect(body).toContain(`人民币${PRICE_MASK}（大写：${PRICE_MASK}）`);
      const page1 = await text(page);
      expect(page1).not.toContain(c.grouped);
      expect(page1).not.toMatch(/NaN|¥0\.00/);
      await shot(page, `contract-prices-legal-detail-${width}`);
      await open(page, `/contracts/${c.id}?tab=lines`, 'contract-lines');
      expect(await page.getByTestId('contract-lines').getByTestId('money-masked').count()).toBeGreaterThan(0);
      expect(await text(page)).not.toMatch(/NaN|¥0\.00/);
      await shot(page, `contract-prices-legal-lines-${width}`);

      await open(page, `/approvals/${c.instanceId}`, 'approval-fact-amount');
      const fact = page.getByTestId('approval-fact-amount');
      expect(await fact.innerText()).toBe(PRICE_MASK);
      expect(await page.getByTestId('approval-summary').innerText()).toContain(c.no);
      expect(await text(page)).not.toContain(c.grouped);
      await shot(page, `contract-prices-legal-approval-${width}`);

      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  it('the history and a pending amendment show ＊＊＊ where amounts were', async () => {
    const c = await contractUnderReview();
    const { page, errors } = await login('legal', 1440, 900);
    await open(page, `/contracts/${c.id}?tab=timeline`, 'timeline');
    await expect.poll(() => page.getByTestId('timeline').innerText()).toContain(PRICE_MASK);
    expect(await text(page)).not.toContain(c.grouped);
    await shot(page, 'contract-prices-legal-timeline-1440');

    // The demo's signed contract with an amendment waiting at legal.
    const inbox = await api(page, 'GET', '/api/approvals/inbox');
    const item = inbox.json.items.find((i: { docType: string }) => i.docType === 'contract_amendment');
    expect(item, 'an amendment waits at legal in the demo data').toBeTruthy();
    const link: string = (await api(page, 'GET', `/api/approvals/${item.instanceId}`)).json.link;
    await open(page, link, 'amendment-changes');
    const changes = await page.getByTestId('amendment-changes').first().innerText();
    expect(changes).toContain(`${PRICE_MASK} → ${PRICE_MASK}`);
    expect(await text(page)).not.toMatch(/NaN|¥\d/);
    await shot(page, 'contract-prices-legal-amendments-1440');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
