import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shot } from './browser.ts';
import { api, base, inputOf, okModal, openModal, pick, toast } from './q2c-helpers.ts';

/**
 * Lists for real work (issue 11 item 4), in Chromium against the real server with demo data: the
 * 我负责的 / 下属的 / 全部 switcher with its counts, 列设置 remembered on the server (hidden column
 * still hidden after a reload and in another browser), and 批量转移 of two customers — at 1366 px
 * and on a 390 px phone.
 */
let browser: Browser;
const RUN = Date.now() % 100000;
// The server shares two cores with other work: give the page time (expect.poll waits 1 s by default).
const WAIT = { timeout: 15_000 };

async function signIn(username: string, width = 1366, height = 768): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'zh-CN',
    isMobile: width < 500,
    hasTouch: width < 500,
  });
  const page = await context.newPage();
  await page.goto(`${base()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

/** The count the switcher shows for a view, as a number. */
async function shownCount(page: Page, view: string) {
  const text = await page.getByTestId(`customer-view-${view}-count`).textContent();
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

/** The owner column of every row on the page. */
async function owners(page: Page): Promise<string[]> {
  const headers = await page.locator('[data-testid="customer-table"] thead th').allTextContents();
  const col = headers.findIndex((h) => h.trim() === '负责人');
  expect(col, headers.join('|')).toBeGreaterThan(0);
  return page
    .locator('[data-testid="customer-row"]')
    .evaluateAll((rows, i) => rows.map((r) => (r.querySelectorAll('td')[i]?.textContent ?? '').trim()), col);
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('list views, column settings and bulk actions', () => {
  it('a manager switches between 我负责的 / 下属的 / 全部, each count matching its list', async () => {
    const page = await signIn('manager1');
    await page.goto(`${base()}/customers`);
    await page.getByTestId('customer-views').waitFor();
    const me = (await api(page, 'GET', '/api/auth/me')).json;
    const counts = (await api(page, 'GET', '/api/customers/views')).json;
    expect(counts.views.map((v: { view: string }) => v.view)).toEqual(['mine', 'subordinates', 'all']);
    for (const v of counts.views) expect(await shownCount(page, v.view), v.view).toBe(v.total);
    expect(counts.views[2].total).toBe(counts.views[0].total + counts.views[1].total);

    await page.getByTestId('customer-view-mine').click();
    await page.waitForURL(/view=mine/);
    await expect.poll(async () => new Set(await owners(page)), WAIT).toEqual(new Set([me.name]));
    await expect
      .poll(async () => page.getByTestId('table-total').textContent(), WAIT)
      .toContain(String(counts.views[0].total));

    await page.getByTestId('customer-view-subordinates').click();
    await page.waitForURL(/view=subordinates/);
    // The rows of 我负责的 give way to the team's.
    await expect
      .poll(async () => {
        const o = await owners(page);
        return o.length > 0 && !o.includes(me.name);
      }, WAIT)
      .toBe(true);
    await expect
      .poll(async () => page.getByTestId('table-total').textContent(), WAIT)
      .toContain(String(counts.views[1].total));
    await shot(page, 'list-views-1366-subordinates');

    // The view is in the URL: a reload keeps it.
    await page.reload();
    await page.getByTestId('customer-views').waitFor();
    expect(await page.locator('[data-testid="customer-views"] .ant-segmented-item-selected').textContent()).toContain(
      '下属的',
    );
    await page.context().close();
  });

  it('a rep whose scope is his own customers gets no switcher', async () => {
    const page = await signIn('rep1');
    await page.goto(`${base()}/customers`);
    await page.getByTestId('customer-row').first().waitFor();
    expect((await api(page, 'GET', '/api/customers/views')).json.views).toHaveLength(1);
    expect(await page.getByTestId('customer-views').count()).toBe(0);
    await page.context().close();
  });

  it('hides a column in 列设置; after a reload and in another browser it is still hidden', async () => {
    const page = await signIn('manager2');
    await page.goto(`${base()}/customers`);
    const header = page.locator('[data-testid="customer-table"] thead th').filter({ hasText: '手机号' });
    await header.waitFor();
    await page.getByTestId('customers-columns').click();
    // A key column cannot be hidden.
    expect(await inputOf(page, 'customers-column-no-shown').isDisabled()).toBe(true);
    await inputOf(page, 'customers-column-mobile-shown').click();
    await header.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await api(page, 'GET', '/api/me/preferences/table.customers')).json.value?.hidden, WAIT)
      .toContain('mobile');
    await page.keyboard.press('Escape');
    await shot(page, 'list-views-1366-columns');

    await page.reload();
    await page.getByTestId('customer-row').first().waitFor();
    expect(await header.count()).toBe(0);

    // Another browser (a new sign-in): the setting came from the server.
    const other = await signIn('manager2');
    await other.goto(`${base()}/customers`);
    await other.getByTestId('customer-row').first().waitFor();
    expect(await other.locator('[data-testid="customer-table"] thead th').filter({ hasText: '手机号' }).count()).toBe(
      0,
    );
    // 重置 brings the defaults back (and forgets the setting on the server).
    await other.getByTestId('customers-columns').click();
    await other.getByTestId('customers-columns-reset').click();
    await other.locator('[data-testid="customer-table"] thead th').filter({ hasText: '手机号' }).waitFor();
    await expect
      .poll(async () => (await api(other, 'GET', '/api/me/preferences/table.customers')).json.value, WAIT)
      .toBeNull();
    await other.context().close();
    await page.context().close();
  });

  it('transfers two selected customers to another rep in one go', async () => {
    const page = await signIn('manager1');
    const rep2 = await signIn('rep2');
    const target = (await api(rep2, 'GET', '/api/auth/me')).json;
    await rep2.context().close();
    const ids: number[] = [];
    for (const n of [1, 2]) {
      const res = await api(page, 'POST', '/api/customers', { kind: 'company', name: `批量转移${RUN}-${n}有限公司` });
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      ids.push(res.json.id);
    }
    await page.goto(`${base()}/customers?keyword=${encodeURIComponent(`批量转移${RUN}`)}`);
    await expect.poll(() => page.getByTestId('customer-row').count(), WAIT).toBe(2);
    // The header checkbox selects the page: both rows.
    await page.locator('[data-testid="customer-table"] thead input[type="checkbox"]').check();
    await expect.poll(() => page.getByTestId('customer-bulk-count').textContent(), WAIT).toContain('已选 2 项');
    await shot(page, 'list-views-1366-bulk-selected');

    await page.getByTestId('customer-bulk-transfer').click();
    const modal = await openModal(page);
    await pick(page, modal.getByTestId('customer-bulk-transfer-to'), target.name, true);
    await modal.getByTestId('customer-bulk-transfer-reason').fill('区域调整');
    await okModal(page);
    await toast(page, '已转移 2 个客户');
    await page.getByTestId('customer-bulk-bar').waitFor({ state: 'detached' });

    for (const id of ids) {
      const c = (await api(page, 'GET', `/api/customers/${id}`)).json;
      expect(c.ownerId, String(id)).toBe(target.id);
    }
    await expect.poll(async () => new Set(await owners(page)), WAIT).toEqual(new Set([target.name]));
    await page.context().close();
  });

  it('on a 390 px phone the switcher sits above the cards and nothing scrolls sideways', async () => {
    const page = await signIn('manager1', 390, 844);
    await page.goto(`${base()}/customers`);
    await page.getByTestId('customer-views').waitFor();
    await page.getByTestId('customer-row').first().waitFor();
    await page.getByTestId('customer-view-mine').click();
    await page.waitForURL(/view=mine/);
    await page.getByTestId('customer-row').first().waitFor();
    // Evaluated in the page: its document (the e2e project compiles without the DOM types).
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'list-views-390-customers');
    await page.goto(`${base()}/orders`);
    await page.getByTestId('order-views').waitFor();
    await shot(page, 'list-views-390-orders');
    await page.context().close();
  });
});
