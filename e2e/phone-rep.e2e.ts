import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser.ts';
import './provided.ts';

/**
 * A rep's day on a phone (issue 11 item 1): the menu is a drawer, the customer list is a card list,
 * and a visit is recorded with the position the browser shares (Playwright grants geolocation).
 */
let browser: Browser;
let context: BrowserContext;
let page: Page;
const base = () => inject('baseUrl');
const SHANGHAI = { latitude: 31.230416, longitude: 121.473701, accuracy: 30 };

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    geolocation: SHANGHAI,
    permissions: ['geolocation'],
  });
  page = await context.newPage();
  await page.goto(`${base()}/login`);
  await page.getByTestId('login-username').fill('rep1');
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
});

afterAll(async () => {
  await browser?.close();
});

/** Opens a page from the drawer menu, unfolding its group (only the current group is open). */
async function openFromMenu(group: string, item: string) {
  await page.getByTestId('menu-toggle').click();
  const drawer = page.getByTestId('menu-drawer');
  const link = drawer.getByTestId(`menu-${item}`);
  if (!(await link.isVisible())) await drawer.locator('.ant-menu-submenu-title').filter({ hasText: group }).click();
  // The group's items slide open (antd's collapse motion); a click meanwhile, on an item that must be
  // scrolled to, hits the items still moving beneath it (seen once the drawer grew past the screen).
  await drawer.locator('.ant-motion-collapse').first().waitFor({ state: 'detached' });
  await link.click();
}

/** Nothing on the page is wider than the phone. */
const noSidewaysScroll = () => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth + 1');

describe('a rep on a phone', () => {
  it('sees his tasks as cards', async () => {
    await openFromMenu('工作台', 'tasks');
    await page.waitForURL(/\/tasks/);
    await page.getByTestId('task-row').first().waitFor();
    expect(await noSidewaysScroll()).toBe(true);
    await shot(page, 'phone-tasks', false);
  });

  it('finds a customer through the drawer menu and the card list', async () => {
    await openFromMenu('客户管理', 'customers');
    await page.waitForURL(/\/customers$/);
    const first = page.getByTestId('customer-row').first();
    await first.waitFor();
    expect(await noSidewaysScroll()).toBe(true);
    const name = (await first.getByTestId('customer-link').textContent())?.trim() ?? '';
    expect(name.length).toBeGreaterThan(1);
    await page.getByTestId('customer-keyword').fill(name.slice(0, 4));
    await page.getByTestId('customer-search').click();
    await expect.poll(() => page.getByTestId('customer-row').first().textContent()).toContain(name.slice(0, 4));
    await shot(page, 'phone-customer-search', false);
    await page.getByTestId('customer-row').first().getByTestId('customer-link').click();
    await page.waitForURL(/\/customers\/\d+/);
    await page.getByTestId('tab-followups').waitFor();
    expect(await noSidewaysScroll()).toBe(true);
    await shot(page, 'phone-customer-360');
  });

  it('records a visit with the position the browser shares', async () => {
    await page.getByTestId('tab-followups').click();
    await page.getByTestId('followup-add').click();
    await page.getByTestId('followup-content').fill('上门拜访，现场确认安装条件');
    await page.getByTestId('followup-locate').click();
    await expect
      .poll(() => page.getByTestId('followup-location-text').textContent())
      .toBe('31.23042, 121.47370（误差约 30 米）');
    expect(await noSidewaysScroll()).toBe(true);
    await shot(page, 'phone-add-follow-up');
    await page.getByTestId('followup-submit').click();
    const item = page.getByTestId('followup-item').first();
    await expect.poll(() => item.getByTestId('followup-item-content').textContent()).toBe('上门拜访，现场确认安装条件');
    expect(await item.getByTestId('followup-item-location').textContent()).toContain('31.23042, 121.47370');
    const href = await item.getByTestId('followup-item-location').locator('a').getAttribute('href');
    expect(href).toContain('position=121.473701%2C31.230416');
  });

  it("follows an order's status", async () => {
    await openFromMenu('销售业务', 'orders');
    await page.waitForURL(/\/orders$/);
    await page.getByTestId('order-row').first().click();
    await page.waitForURL(/\/orders\/\d+/);
    await page.getByTestId('order-facts').waitFor();
    expect(await noSidewaysScroll()).toBe(true);
    await shot(page, 'phone-order-status');
  });
});
