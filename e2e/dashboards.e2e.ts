import path from 'node:path';
import { formatMoney } from '@sales/core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, expectNoSidewaysScroll, launch, loginAs, shot } from './browser.ts';
import { api, base } from './q2c-helpers.ts';

/**
 * The dashboards against the real server with demo data (issue 13 "done means"): the director
 * opens 报表分析 for the year, every chart is screenshotted; a click on the top bar of the rep
 * ranking lands on the records behind it, whose count and sum equal the bar, and a record opens
 * its order. A rep sees only their own figures, at 390 px too.
 */
let browser: Browser;

const CHARTS = [
  'chart-sales-trend',
  'chart-volume',
  'chart-margin',
  'chart-new-customers',
  'chart-funnel',
  'chart-channels',
  'chart-by-rep',
  'chart-by-department',
  'chart-by-product',
  'chart-by-region',
  'chart-by-category',
  'chart-aging',
];

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('dashboards (报表分析)', () => {
  it('director: every chart drawn; the top rep bar drills down to exactly its records and orders', async () => {
    const page = await loginAs(browser, 'director');
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    // The sales chart carries the plan in force beside the actuals (demo: this year's plan, approved).
    const targets = page.waitForResponse((r) => r.url().includes('/api/sales-plans/monthly-targets'));
    await page.goto(`${base()}/analytics?period=year`);
    const plan = await (await targets).json();
    expect(plan.name).toBeTruthy();
    expect(plan.amounts).toHaveLength(12);
    expect(plan.amounts.some((a: string) => Number(a) > 0)).toBe(true);
    await page.getByTestId('kpi-sales_amount').waitFor();
    await page.getByTestId('chart-by-rep').locator('canvas').waitFor();
    await page.waitForTimeout(800); // chart animations
    await shot(page, 'dashboard-director-1440');
    for (const id of CHARTS) {
      const chart = page.getByTestId(id);
      expect(await chart.count(), `${id} is on the director's dashboard`).toBe(1);
      await chart.scrollIntoViewIfNeeded();
      await chart.screenshot({ path: path.join(ARTIFACTS, `dashboard-${id}.png`) });
    }
    await expectNoSidewaysScroll(page);
    const d = (await api(page, 'GET', '/api/analytics/dashboard?period=year')).json;
    expect(Number(d.kpis[0].value), 'the demo data has sales this year').toBeGreaterThan(0);
    const top = d.byRep[0] as { key: number; value: string };
    // The ranking is drawn largest on top: click the top band, just right of the axis labels.
    const canvas = page.getByTestId('chart-by-rep').locator('canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox()) as { width: number; height: number };
    const bands = d.byRep.length as number;
    const gridHeight = box.height - 8 - 8 - 22;
    await canvas.click({ position: { x: 150, y: 8 + gridHeight / bands / 2 } });
    await page.waitForURL((u) => u.pathname === '/analytics/records');
    const url = new URL(page.url());
    expect(url.searchParams.get('repId')).toBe(String(top.key));
    expect(url.searchParams.get('measure')).toBe('sales_amount');
    await page.getByTestId('analytics-records-table').waitFor();
    await expect.poll(() => page.getByTestId('records-sum').innerText()).toContain(formatMoney(top.value, 'zh-CN'));
    const rec = (await api(page, 'GET', `/api/analytics/records?${url.searchParams}&pageSize=200`)).json;
    expect(rec.sum).toBe(top.value);
    await expect.poll(() => page.getByTestId('records-total').innerText()).toContain(String(rec.total));
    await shot(page, 'dashboard-drilldown-records');
    // A record opens the order behind it.
    const first = rec.items.find((i: { sourceType: string }) => i.sourceType === 'order');
    await page.getByRole('link', { name: first.documentNo }).first().click();
    await page.waitForURL((u) => u.pathname === `/orders/${first.sourceId}`);
    await shot(page, 'dashboard-drilldown-order');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('rep at 390 px: own figures only, no sideways scroll', async () => {
    const page = await loginAs(browser, 'rep1', 'phone');
    await page.goto(`${base()}/analytics?period=year`);
    await page.getByTestId('kpi-sales_amount').waitFor();
    await page.waitForTimeout(800);
    await shot(page, 'dashboard-rep-390');
    await shot(page, 'dashboard-rep-390-top', false);
    await page.getByTestId('chart-by-rep').scrollIntoViewIfNeeded();
    await shot(page, 'dashboard-rep-390-ranking', false);
    await expectNoSidewaysScroll(page);
    const d = (await api(page, 'GET', '/api/analytics/dashboard?period=year')).json;
    const me = (await api(page, 'GET', '/api/auth/me')).json;
    expect(d.byRep.every((r: { key: number }) => r.key === me.id)).toBe(true);
    expect(d.costVisible).toBe(false);
    expect(await page.getByTestId('chart-margin').count()).toBe(0);
    await page.context().close();
  });
});
