import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSidewaysScroll, launch, loginAs, shot } from './browser.ts';
import { api, base } from './q2c-helpers.ts';

/**
 * The generated reports against the real server with demo data (issue 13 item 3): a sales manager
 * opens the daily and the weekly report, downloads the weekly xlsx and PDF (his department's reps
 * only, the same figures as the page), at 1440 and 390 px; the half-year analysis and the deal
 * register open too.
 */
let browser: Browser;

/** Clicks a menu entry of 报表分析, opening the group first when it is closed. */
async function menu(page: Page, item: string) {
  const link = page.getByTestId(`menu-${item}`);
  if (!(await link.isVisible())) await page.locator('.ant-menu-submenu-title').filter({ hasText: '报表分析' }).click();
  await link.click();
}

async function download(page: Page, testId: string) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: d.suggestedFilename(), body: readFileSync(await d.path()) };
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('reports (报表分析)', () => {
  it('manager: daily and weekly reports from the menu; the weekly xlsx and PDF carry the page’s rows', async () => {
    const page = await loginAs(browser, 'manager1', 'desktop', { acceptDownloads: true });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await menu(page, 'report-daily');
    await page.waitForURL((u) => u.pathname === '/reports/daily');
    await page.getByTestId('report-rep-row').first().waitFor();
    await shot(page, 'report-daily-1440');
    await expectNoSidewaysScroll(page);
    const daily = (await api(page, 'GET', '/api/reports/daily')).json;
    expect(daily.department.name).toBe('销售一部');
    expect(await page.getByTestId('report-rep-row').count()).toBe(daily.reps.length);

    await menu(page, 'report-weekly');
    await page.waitForURL((u) => u.pathname === '/reports/weekly');
    await page.getByTestId('report-weekly').getByTestId('report-team-row').first().waitFor();
    await shot(page, 'report-weekly-1440');
    await expectNoSidewaysScroll(page);
    const weekly = (await api(page, 'GET', '/api/reports/weekly')).json;
    expect(weekly.reps.length).toBeGreaterThan(0);

    const xlsx = await download(page, 'report-xlsx');
    expect(xlsx.name).toMatch(/^销售周报-.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0][0]).toBe('销售周报');
    const names = new Set(rows.map((r) => r[0]));
    for (const rep of weekly.reps as { name: string; values: { sales_amount: string } }[]) {
      expect(names.has(rep.name), rep.name).toBe(true);
      const row = rows.find((r) => r[0] === rep.name) as unknown[];
      // Column order: name, then (this week, week before) per measure; order amount is the 6th measure.
      expect(row[1 + 5 * 2]).toBe(rep.values.sales_amount);
    }
    const total = rows.find((r) => r[0] === '合计') as unknown[];
    expect(total[1 + 5 * 2]).toBe(weekly.total.sales_amount);

    const pdf = await download(page, 'report-pdf');
    expect(pdf.name).toMatch(/^销售周报-.*\.pdf$/);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.body.length).toBeGreaterThan(1000);

    // The other two reports open as well.
    await menu(page, 'report-half');
    await page.waitForURL((u) => u.pathname === '/reports/half-year');
    await page.getByTestId('report-half-totals').waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'report-half-year-1440');
    // The last half carries the manager's written review from the demo data.
    const half = (await api(page, 'GET', '/api/reports/half-year')).json;
    const lastHalf = new Date(Date.parse(`${half.from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await page.goto(`${base()}/reports/half-year?date=${lastHalf}`);
    await page.getByTestId('report-half-totals').waitFor();
    const last = (await api(page, 'GET', `/api/reports/half-year?date=${lastHalf}`)).json;
    expect(last.review).toMatchObject({ author: '张伟', version: 1 });
    await expect
      .poll(() => page.getByTestId('report-review-form').locator('textarea').first().inputValue())
      .toBe(last.review.themeReview);
    await shot(page, 'report-half-year-last-1440');
    await menu(page, 'report-deals');
    await page.waitForURL((u) => u.pathname === '/reports/deals');
    await page.getByTestId('report-deals').getByRole('table').waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'report-deals-1440');
    await expectNoSidewaysScroll(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('manager at 390 px: the daily and weekly reports as cards, no sideways scroll', async () => {
    const page = await loginAs(browser, 'manager1', 'phone', { acceptDownloads: true });
    await page.goto(`${base()}/reports/daily`);
    await page.getByTestId('report-rep-row').first().waitFor();
    await shot(page, 'report-daily-390');
    await expectNoSidewaysScroll(page);
    await page.goto(`${base()}/reports/weekly`);
    await page.getByTestId('report-weekly').getByTestId('report-team-row').first().waitFor();
    await shot(page, 'report-weekly-390');
    await expectNoSidewaysScroll(page);
    await page.context().close();
  });

  it('rep: his own row only', async () => {
    const page = await loginAs(browser, 'rep1', 'desktop', { acceptDownloads: true });
    const me = (await api(page, 'GET', '/api/auth/me')).json;
    const daily = (await api(page, 'GET', '/api/reports/daily')).json;
    expect(daily.reps.map((r: { id: number }) => r.id)).toEqual([me.id]);
    await page.context().close();
  });
});
