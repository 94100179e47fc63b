import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSidewaysScroll, launch, loginAs, shot } from './browser.ts';
import { api, base } from './q2c-helpers.ts';

/**
 * The workbench (工作台) as every role's home page and the daily work log (issue 13 items 3, 5, 6)
 * in the browser against the real server with demo data: the rep lands on the workbench with
 * today's follow-ups and pending items, hands in the evening log; the manager sees the team's day,
 * comments (the rep is notified); finance and the warehouse see the payments to confirm and the
 * deliveries to ship; process health and the monthly reports. At 1440 px and 390 px, with screenshots.
 */
let browser: Browser;

const count = async (page: Page, testId: string) => page.getByTestId(testId).getByTestId('work-item').count();

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('workbench and work logs', () => {
  it("lands the rep on the workbench with today's follow-ups and pending items", async () => {
    const page = await loginAs(browser, 'rep1');
    await page.waitForURL(/\/workbench$/);
    await page.getByTestId('workbench').waitFor();
    expect(await count(page, 'source-followUps.dueToday')).toBeGreaterThan(0);
    // This month against the plan in force: the rep's own row, as the plans API answers it.
    const me = await (await page.request.get(`${base()}/api/auth/me`)).json();
    const vs = await (await page.request.get(`${base()}/api/sales-plans/vs-actual?period=month`)).json();
    const mine = vs.rows.find((r: { kind: string; userId: number }) => r.kind === 'rep' && r.userId === me.id);
    expect(mine).toBeTruthy();
    const card = page.getByTestId('workbench-performance-row');
    await card.waitFor();
    expect(await card.textContent()).toContain(mine.name);
    expect(await card.textContent()).toContain(`${mine.actualCustomers} / ${mine.targetCustomers}`);
    await expect(page.getByTestId('shortcut-workLog').isVisible()).resolves.toBe(true);
    await expectNoSidewaysScroll(page);
    await shot(page, 'workbench-rep-1440');
    await page.context().close();
  });

  it('shows the same workbench on a phone without sideways scroll', async () => {
    const page = await loginAs(browser, 'rep1', 'phone');
    await page.getByTestId('workbench').waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'workbench-rep-390');
    await shot(page, 'workbench-rep-390-top', false);
    await page.goto(`${base()}/tasks`);
    await page.getByTestId('tasks-waiting').waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'my-tasks-rep-390');
    await page.context().close();
  });

  it('lets the rep hand in the evening log on the planned day', async () => {
    const page = await loginAs(browser, 'rep1');
    await page.goto(`${base()}/work-logs/mine`);
    await page.getByTestId('worklog-done').waitFor();
    // The morning plan (demo: the follow-ups due today, and the work manager1 assigned) is there.
    await expect(page.getByTestId('worklog-assigned').isVisible()).resolves.toBe(true);
    await page.getByTestId('worklog-done').fill('上午电话回访三家到期客户，下午拜访重点客户并演示新品');
    await page.getByTestId('worklog-problems').fill('一家客户要求本月内交货');
    await page.getByTestId('worklog-tomorrow').fill('确认排产，回复客户交期');
    await page.getByTestId('worklog-submit').click();
    await expect.poll(() => page.getByTestId('worklog-status').textContent()).toBe('已提交');
    await shot(page, 'worklog-mine-1440');
    await page.context().close();
  });

  it('lets the manager read the team day and comment; the rep is notified', async () => {
    const page = await loginAs(browser, 'manager1');
    await page.goto(`${base()}/work-logs`);
    const row = page.getByTestId('team-row').filter({ hasText: '王磊' });
    await expect.poll(() => row.getByTestId('team-status').textContent()).toBe('已提交');
    await shot(page, 'worklog-team-1440');
    await row.click();
    await page.getByTestId('worklog-detail').waitFor();
    await page.getByTestId('worklog-comment-input').fill('交期我来和计划员确认，明早给你答复');
    await page.getByTestId('worklog-comment-submit').click();
    await expect.poll(() => page.getByTestId('worklog-comment').filter({ hasText: '明早给你答复' }).count()).toBe(1);
    await shot(page, 'worklog-comment-1440');
    await page.context().close();
    const rep = await loginAs(browser, 'rep1');
    const notes = (await api(rep, 'GET', '/api/notifications?limit=50')).json.items as {
      kind: string;
      title: string;
    }[];
    expect(notes.some((n) => n.kind === 'worklog.comment' && n.title.includes('点评了您'))).toBe(true);
    await rep.context().close();
  });

  it('lists the payments to confirm for finance and the deliveries to ship for the warehouse', async () => {
    const finance = await loginAs(browser, 'finance');
    await finance.waitForURL(/\/workbench$/);
    await finance.getByTestId('source-payments.toConfirm').waitFor();
    await expect.poll(() => count(finance, 'source-payments.toConfirm')).toBeGreaterThan(0);
    await shot(finance, 'workbench-finance-1440');
    await finance.context().close();
    const wh = await loginAs(browser, 'warehouse');
    await wh.waitForURL(/\/workbench$/);
    await wh.getByTestId('source-deliveries.toShip').waitFor();
    await expect.poll(() => count(wh, 'source-deliveries.toShip')).toBeGreaterThan(0);
    await shot(wh, 'workbench-warehouse-1440');
    await wh.context().close();
  });

  it('shows process health and the monthly reports to the manager, at both sizes', async () => {
    for (const size of ['desktop', 'phone'] as const) {
      const page = await loginAs(browser, 'manager1', size);
      await page.goto(`${base()}/process-health`);
      await page.getByTestId('health-kinds').waitFor();
      await expect.poll(() => page.getByTestId('health-row').count()).toBeGreaterThan(0);
      await expectNoSidewaysScroll(page);
      await shot(page, `process-health-${size === 'desktop' ? 1440 : 390}`, size === 'desktop');
      await page.goto(`${base()}/monthly-reports?tab=missing`);
      await expect.poll(() => page.getByTestId('missing-row').count()).toBeGreaterThanOrEqual(0);
      await page.goto(`${base()}/monthly-reports?tab=list`);
      await expect.poll(() => page.getByTestId('report-row').count()).toBeGreaterThan(0);
      await expectNoSidewaysScroll(page);
      await shot(page, `monthly-reports-${size === 'desktop' ? 1440 : 390}`, size === 'desktop');
      await page.context().close();
    }
  });
});
