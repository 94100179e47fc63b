import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSidewaysScroll, launch, loginAs, shot } from './browser.ts';
import { api, base, inputOf } from './q2c-helpers.ts';

/**
 * Sales plans end to end (issue 13 "done means"): the director drafts next year's plan from this
 * year's actuals, splits it (a split that does not add up is refused naming the row), submits it,
 * the general manager approves it; plan vs actual, the 4S lead target and the monthly work plans
 * (the manager's missing list) are screenshotted at 1440 and 390 px.
 */
let browser: Browser;
const NEXT = new Date().getFullYear() + 1;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('annual sales plan (年度销售计划)', () => {
  let planId = 0;

  it('director: drafts next year from this year’s actuals, a bad split is refused naming the row, then submits', async () => {
    const page = await loginAs(browser, 'director');
    const errors: string[] = [];
    // The refused save answers 400 on purpose: the browser logs that response, nothing else may fail.
    page.on('console', (m) => m.type() === 'error' && !m.text().includes('status of 400') && errors.push(m.text()));
    await page.goto(`${base()}/plans`);
    await page.getByTestId('plans-table').waitFor();
    await shot(page, 'plans-list-1440');
    await page.getByTestId('plan-new').click();
    await inputOf(page, 'plan-year').fill(String(NEXT));
    await inputOf(page, 'plan-growth').fill('10');
    await page.getByTestId('plan-create-ok').click();
    await page.waitForURL(/\/plans\/\d+$/);
    planId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByTestId('plan-grid').waitFor();
    const plan = (await api(page, 'GET', `/api/sales-plans/${planId}`)).json;
    expect(plan).toMatchObject({ year: NEXT, planVersion: 1, status: 'draft' });
    expect(Number(plan.targetAmount), 'drafted from this year’s demo sales').toBeGreaterThan(0);
    // Last year (this year) beside each row.
    expect(plan.lastYear.length).toBe(plan.rows.length);
    await shot(page, 'plan-draft-grid-1440');

    // Raise one rep's January only: 销售一部 no longer adds up in January.
    const rep = plan.rows.find((r: { kind: string }) => r.kind === 'rep');
    const cell = inputOf(page, `plan-cell-${rep.key}-0`);
    await cell.fill(String(Number(rep.amounts[0]) + 1000));
    await cell.blur();
    await page.getByTestId('plan-save').click();
    const issues = page.getByTestId('plan-issues');
    await issues.waitFor();
    expect(await issues.textContent()).toContain('1 月');
    await shot(page, 'plan-split-refused-1440');

    // The department and the company take the same 1,000 in January: the split sums again.
    const dept = plan.rows.find((r: { key: string }) => r.key === rep.parentKey);
    const ancestors = [dept];
    for (let k = dept.parentKey; k; ) {
      const up = plan.rows.find((r: { key: string }) => r.key === k);
      ancestors.push(up);
      k = up.parentKey;
    }
    for (const r of ancestors) {
      const c = inputOf(page, `plan-cell-${r.key}-0`);
      await c.fill(String(Number(r.amounts[0]) + 1000));
      await c.blur();
    }
    await page.getByTestId('plan-save').click();
    await expect.poll(async () => (await api(page, 'GET', `/api/sales-plans/${planId}`)).json.version).toBe(2);
    const saved = (await api(page, 'GET', `/api/sales-plans/${planId}`)).json;
    expect(Number(saved.targetAmount)).toBe(Number(plan.targetAmount) + 1000);
    await page.getByTestId('plan-submit').click();
    await expect.poll(async () => (await api(page, 'GET', `/api/sales-plans/${planId}`)).json.status).toBe('submitted');
    await shot(page, 'plan-submitted-1440');
    expect(errors).toEqual([]);
  });

  it('general manager approves it; the director sees it in force with its version history', async () => {
    const gm = await loginAs(browser, 'gm');
    await gm.goto(`${base()}/plans/${planId}`);
    await gm.getByRole('tab', { name: '审批' }).click();
    await gm.getByTestId('approval-approve').click();
    await gm.getByTestId('approval-action-submit').click();
    await expect.poll(async () => (await api(gm, 'GET', `/api/sales-plans/${planId}`)).json.status).toBe('approved');
    const page = await loginAs(browser, 'director');
    await page.goto(`${base()}/plans/${planId}`);
    await page.getByTestId('plan-revise').waitFor();
    await page.getByRole('tab', { name: '版本记录' }).click();
    await page.getByTestId('plan-versions').waitFor();
    await shot(page, 'plan-approved-versions-1440');
  });

  it('plan vs actual and the 4S lead target (demo plan in force, with v2 pending)', async () => {
    const page = await loginAs(browser, 'director');
    await page.goto(`${base()}/plans-vs-actual`);
    await page.getByTestId('vs-actual-table').locator('tbody tr.ant-table-row').first().waitFor();
    await shot(page, 'plan-vs-actual-1440');
    await expectNoSidewaysScroll(page);
    await page.goto(`${base()}/plans-lead-target`);
    await page.getByTestId('lead-target-table').waitFor();
    await shot(page, 'plan-lead-target-1440');
    const phone = await loginAs(browser, 'manager1', 'phone');
    await phone.goto(`${base()}/plans-vs-actual`);
    await phone.getByTestId('vs-actual-table').locator('tbody tr.ant-table-row').first().waitFor();
    await shot(phone, 'plan-vs-actual-manager-390');
    await expectNoSidewaysScroll(phone);
  });
});

describe('monthly work plans (个人月度工作计划)', () => {
  it('the manager of 销售二部 sees who has not submitted next month’s plan', async () => {
    const page = await loginAs(browser, 'manager2');
    await page.goto(`${base()}/work-plans/team`);
    const missing = page.getByTestId('workplans-missing');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('郑凯');
    await shot(page, 'workplans-team-missing-1440');
  });

  it('a rep reads and writes their own at 390 px', async () => {
    const page = await loginAs(browser, 'rep4', 'phone');
    await page.goto(`${base()}/work-plans/mine`);
    await page.getByTestId('workplan-goals').waitFor();
    await page.getByTestId('workplan-goals').fill('完成销售额 25 万元；清理逾期应收');
    await page.getByTestId('workplan-submit').click();
    await expect.poll(async () => (await api(page, 'GET', '/api/work-plans/missing')).json.items.length).toBe(0);
    await shot(page, 'workplans-mine-390');
    await expectNoSidewaysScroll(page);
  });
});
