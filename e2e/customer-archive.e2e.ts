import { creditCodeCheckChar } from '@sales/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser.ts';
import './provided.ts';

/**
 * Customer archive, end to end in Chromium against the real server with demo data:
 * a rep creates a customer (wrong credit code first), adds a follow-up and sees it on the
 * timeline; a rep of another department gets the 404 page; the rep's manager can open it.
 */
let browser: Browser;
const base = () => inject('baseUrl');
const NAME = `杭州端到端测试${Date.now() % 100000}有限公司`;
const first17 = `91330106MA${String(Date.now()).slice(-7)}`;
const GOOD_CODE = first17 + creditCodeCheckChar(first17);
const BAD_CODE = first17 + (creditCodeCheckChar(first17) === 'A' ? 'B' : 'A');
let customerPath = '';

async function loginAs(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  // Signed in, the customer list opens (the home page is the workbench).
  await page.goto(`${base()}/login?redirect=%2Fcustomers`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('customer archive in the browser', () => {
  it('shows the login page in Chinese', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(base());
    await page.waitForURL(/\/login/);
    await expect.poll(() => page.getByTestId('login-submit').textContent()).toMatch(/登\s*录/);
    await shot(page, '01-login');
    await context.close();
  });

  it('a rep creates a customer, is told the credit code is wrong, fixes it, and records a follow-up', async () => {
    const page = await loginAs('rep1');
    await page.getByTestId('customer-new').click();
    await page.getByTestId('customer-field-name').fill(NAME);
    await page.getByTestId('customer-field-creditCode').fill(BAD_CODE);
    await page.getByTestId('customer-field-mobile').fill(`139${String(Date.now()).slice(-8)}`);
    await page.getByTestId('customer-submit').click();
    await page.getByText('统一社会信用代码校验位错误，请核对').first().waitFor();
    await shot(page, '02-credit-code-error');

    await page.getByTestId('customer-field-creditCode').fill(GOOD_CODE);
    await page.getByTestId('customer-submit').click();
    await page.waitForURL(/\/customers\/\d+$/);
    customerPath = new URL(page.url()).pathname;
    await page.getByText(NAME).first().waitFor();

    await page.getByTestId('tab-followups').click();
    await page.getByTestId('followup-add').click();
    await page.getByTestId('followup-content').fill('首次电话沟通，客户对报价感兴趣');
    await page.getByTestId('followup-submit').click();
    await page.getByTestId('followup-item-content').filter({ hasText: '首次电话沟通' }).waitFor();

    await page.getByTestId('tab-timeline').click();
    const timeline = page.getByTestId('timeline');
    await timeline.getByText('首次电话沟通，客户对报价感兴趣').waitFor();
    expect(await timeline.textContent()).toContain('首次电话沟通');
    await shot(page, '03-timeline');
    await page.context().close();
  });

  it('a rep of another department gets the 404 page for it', async () => {
    expect(customerPath).toMatch(/^\/customers\/\d+$/);
    const page = await loginAs('rep3');
    await page.goto(base() + customerPath);
    await page.getByTestId('not-found').waitFor();
    expect(await page.content()).not.toContain(NAME);
    await shot(page, '04-other-department-404');
    await page.context().close();
  });

  it("the rep's manager can open it", async () => {
    const page = await loginAs('manager1');
    await page.goto(base() + customerPath);
    await page.getByText(NAME).first().waitFor();
    await shot(page, '05-manager-sees-it');
    await page.context().close();
  });
});
