import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser.ts';
import './provided.ts';

/**
 * Customer development in the browser against the real server with demo data (issue 3):
 * front-desk routing to a named rep and to the rep on duty, claiming from the public pool, and a
 * credit-limit change that waits in the manager's inbox and takes effect only after approval.
 */
let browser: Browser;
const base = () => inject('baseUrl');
const stamp = String(Date.now()).slice(-6);

async function loginAs(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 950 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${base()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

/** Picks an option in an antd Select by typing its text and taking the (first) match with Enter. */
async function choose(page: Page, testId: string, text: string) {
  const select = page.getByTestId(testId);
  await select.click();
  await page.keyboard.type(text);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option-active')
    .filter({ hasText: text })
    .first()
    .waitFor();
  await page.keyboard.press('Enter');
  await expect.poll(() => select.textContent()).toContain(text);
  await page.keyboard.press('Escape');
}

/** JSON API call inside the signed-in page (cookie session + CSRF token), like the web app does. */
async function api(page: Page, method: string, url: string, body?: unknown) {
  // biome-ignore lint/suspicious/noExplicitAny: JSON from the API under test, asserted field by field
  return page.evaluate<{ status: number; json: any }, { method: string; url: string; body: unknown }>(
    async ({ method, url, body }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json() };
    },
    { method, url, body },
  );
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('front desk, public pool and credit approval in the browser', () => {
  it('a visitor who says they dealt with rep A goes to rep A, who is notified and owns the customer', async () => {
    const visitor = `陈先生${stamp}`;
    const desk = await loginAs('frontdesk');
    await desk.goto(`${base()}/front-desk`);
    await desk.getByTestId('fd-visitor-name').fill(visitor);
    await desk.getByTestId('fd-phone').fill(`186${stamp}11`);
    await choose(desk, 'fd-rep', '王磊');
    await desk.getByTestId('fd-duty-group').waitFor();
    await choose(desk, 'fd-duty-group', '销售一部');
    await desk.getByTestId('fd-submit').click();
    const result = desk.getByTestId('fd-result');
    await result.waitFor();
    await expect.poll(() => desk.getByTestId('fd-result-rep').textContent()).toContain('王磊');
    await shot(desk, '11-front-desk-named-rep');
    await desk.context().close();

    const rep = await loginAs('rep1');
    await rep.getByTestId('header-notifications').click();
    await rep.getByTestId('notification-list').getByText(visitor).first().waitFor();
    await shot(rep, '12-rep-notified');
    await rep.goto(`${base()}/customers?keyword=${encodeURIComponent(visitor)}`);
    await rep.getByTestId('customer-row').filter({ hasText: visitor }).first().waitFor();
    await rep.context().close();
  });

  it('a new visitor goes to the rep on duty by rotation', async () => {
    const visitor = `林女士${stamp}`;
    const desk = await loginAs('frontdesk');
    await desk.goto(`${base()}/front-desk`);
    // Both demo duty groups are on duty every day, so the desk picks the receiving group.
    await desk.getByTestId('fd-duty-group').waitFor();
    await choose(desk, 'fd-duty-group', '销售一部');
    await desk.getByTestId('fd-visitor-name').fill(visitor);
    await desk.getByTestId('fd-phone').fill(`187${stamp}22`);
    await desk.getByTestId('fd-submit').click();
    await desk.getByTestId('fd-result').waitFor();
    const routed = (await desk.getByTestId('fd-result-rep').textContent())?.trim() ?? '';
    // 销售一部轮值 is rep1 王磊 and rep2 赵敏 in the demo roster.
    expect(['王磊', '赵敏'].some((n) => routed.includes(n))).toBe(true);
    await shot(desk, '13-front-desk-rotation');
    const stored = await api(desk, 'GET', `/api/front-desk/registrations?keyword=${encodeURIComponent(visitor)}`);
    expect(stored.json.items[0]).toMatchObject({ routeReason: 'rotation', isNewCustomer: true });
    await desk.context().close();
  });

  it('a rep claims a pool customer and then sees the phone unmasked', async () => {
    const page = await loginAs('rep2');
    await page.goto(`${base()}/pool`);
    const row = page
      .getByTestId('pool-row')
      .filter({ has: page.locator('[data-testid="pool-claim"]:not([disabled])') })
      // a customer with a masked mobile (some pool customers have only a landline)
      .filter({ hasText: /1\d{2}\*{4}\d{4}/ })
      .first();
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toMatch(/1\d{2}\*{4}\d{4}/);
    await shot(page, '14-pool-masked');
    await row.getByTestId('pool-claim').click();
    const confirm = page.locator('.ant-popconfirm:visible .ant-btn-primary, .ant-modal:visible .ant-btn-primary');
    if (await confirm.count()) await confirm.first().click();
    await page.waitForURL(/\/customers\/\d+/);
    const mobile = page.getByTestId('profile-mobile');
    await mobile.waitFor();
    await expect.poll(async () => (await mobile.textContent())?.trim()).toMatch(/^1\d{10}$/);
    await shot(page, '15-claimed-unmasked');
    await page.context().close();
  });

  it('a credit-limit change waits in the manager inbox and takes effect only after approval', async () => {
    const rep = await loginAs('rep1');
    const created = await api(rep, 'POST', '/api/customers', {
      kind: 'individual',
      name: `资信测试${stamp}`,
      mobile: `135${stamp}33`,
    });
    expect(created.status).toBe(201);
    const id = created.json.id;
    await rep.goto(`${base()}/customers/${id}?tab=credit`);
    await rep.getByTestId('credit-request-new').click();
    await rep.getByTestId('credit-field-rating').click();
    await rep.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await rep.getByTestId('credit-field-limit').fill('200000');
    await rep.getByTestId('credit-field-terms').fill('45');
    await rep.getByTestId('credit-field-reason').fill('年度框架合同，申请授信');
    await rep.getByTestId('credit-submit').click();
    await rep.getByTestId('credit-pending').waitFor();
    const before = await api(rep, 'GET', `/api/customers/${id}`);
    expect(before.json.creditLimit).toBeNull();
    await shot(rep, '16-credit-requested');

    const mgr = await loginAs('manager1');
    await expect
      .poll(async () => Number(await mgr.getByTestId('header-approvals').getAttribute('data-count')))
      .toBeGreaterThan(0);
    await mgr.goto(`${base()}/approvals`);
    await mgr
      .getByTestId('approval-row')
      .filter({ hasText: `资信测试${stamp}` })
      .getByTestId('approval-row-link')
      .click();
    await mgr.getByTestId('approval-approve').click();
    await mgr.getByTestId('approval-action-submit').click();
    await expect.poll(() => mgr.getByTestId('approval-status').textContent()).toMatch(/已通过|通过/);
    await shot(mgr, '17-manager-approved');
    await mgr.context().close();

    await rep.goto(`${base()}/customers/${id}?tab=credit`);
    await expect.poll(() => rep.getByTestId('credit-current-limit').textContent()).toContain('200,000.00');
    await shot(rep, '18-credit-in-effect');
    await rep.context().close();
  });
});
