import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSidewaysScroll, launch, loginAs, shot } from './browser.ts';
import { api, base } from './q2c-helpers.ts';

/**
 * Pre-sale inquiries (售前咨询, SPEC 2.9) in the browser against the real server with demo data:
 * the rep's inquiry list with the overdue filter, answering the online inquiry waiting inside its
 * reply time, the pre-sale requests with the overdue sample, the analysis; at 1440 px and 390 px.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('pre-sale inquiries', () => {
  it('lists the rep’s inquiries, filters the overdue ones and answers the waiting one', async () => {
    const page = await loginAs(browser, 'rep1');
    await page.goto(`${base()}/inquiries`);
    await page.getByTestId('inquiry-row').first().waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'inquiries-list-1440');
    await page.goto(`${base()}/inquiries?overdue=true`);
    await expect
      .poll(() => page.getByTestId('inquiry-row').filter({ hasText: '陈先生' }).count(), { timeout: 15_000 })
      .toBe(1);
    expect(await page.getByTestId('inquiry-row').filter({ hasText: '赵主管' }).count()).toBe(0);
    await page.goto(`${base()}/inquiries?status=open`);
    await page.getByTestId('inquiry-row').filter({ hasText: '赵主管' }).click();
    await page.getByTestId('inquiry-detail').waitFor();
    await shot(page, 'inquiry-detail-open-1440');
    await page.getByTestId('inquiry-answer').fill('可以接入，已安排工程师与贵司对接通讯协议');
    await page.getByTestId('inquiry-answer-save').click();
    await expect
      .poll(() => page.getByTestId('inquiry-status').first().textContent(), { timeout: 15_000 })
      .toBe('已答复');
    await shot(page, 'inquiry-detail-answered-1440');
    const me = (await api(page, 'GET', '/api/inquiries?keyword=赵主管')).json.items[0];
    expect(me).toMatchObject({ status: 'answered', overdue: false });
    await page.context().close();
  });

  it('shows the pre-sale requests with the overdue sample and the analysis', async () => {
    const page = await loginAs(browser, 'rep1');
    await page.goto(`${base()}/presale-requests?returnOverdue=true`);
    await expect.poll(() => page.getByTestId('presale-row').count(), { timeout: 15_000 }).toBe(1);
    await shot(page, 'presale-overdue-1440');
    await page.getByTestId('presale-row').first().click();
    await page.getByTestId('presale-return').waitFor();
    await shot(page, 'presale-detail-1440');
    await page.goto(`${base()}/inquiries/analysis`);
    await page.getByTestId('inquiry-analysis').waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'inquiry-analysis-1440');
    await page.context().close();
  });

  it('works on a phone without sideways scroll', async () => {
    const page = await loginAs(browser, 'manager1', 'phone');
    for (const [url, name] of [
      ['/inquiries', 'inquiries-list-390'],
      ['/presale-requests', 'presale-list-390'],
      ['/inquiries/analysis', 'inquiry-analysis-390'],
    ]) {
      await page.goto(`${base()}${url}`);
      await page.waitForLoadState('networkidle');
      await expectNoSidewaysScroll(page);
      await shot(page, name);
    }
    await page.goto(`${base()}/inquiries?overdue=true`);
    await page.getByTestId('inquiry-row').first().click();
    await page.getByTestId('inquiry-detail').waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'inquiry-detail-390');
    await page.context().close();
  });
});
