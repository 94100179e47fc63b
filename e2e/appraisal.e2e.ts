import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSidewaysScroll, launch, loginAs, type Size, shot } from './browser.ts';
import { api, approveHere, base, expectStatus, okModal, openModal, toast } from './q2c-helpers.ts';

/**
 * 绩效考核 (SPEC 5.2; seed 002 考核细则) in the browser against the demo company: last month's run of
 * 销售一部 is closed and ranked with its champion. A rep who has not acknowledged yet reads her own
 * result only, with the evidence of each figure, and acknowledges it at 390 px; the manager sees the
 * ranking, the objection approved on 王磊's result (a new version), follows an evidence link to its
 * record, and cannot run the closed month again (1440 px). An objection in an open month goes through
 * the approval engine: the rep asks for points (390 px), the department head approves on the result
 * page, the sales director from the inbox, and the score rises by exactly those points — nothing raw
 * or sideways on screen.
 */
let browser: Browser;

async function login(username: string, size: Size): Promise<{ page: Page; errors: string[] }> {
  const page = await loginAs(browser, username, size);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('409')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

async function expectClean(page: Page) {
  await expectNoSidewaysScroll(page);
  const text = String(await page.evaluate('document.body.innerText'));
  expect(text).not.toMatch(/appraisal\.|menu\.|no_target|pending|acknowledged|\d{4}-\d{2}-\d{2}T|\d{4}-\d{2}\b(?!-)/);
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('appraisal', () => {
  it('the rep reads her own result with its evidence and acknowledges it (390 px)', async () => {
    const { page, errors } = await login('rep2', 'phone');
    await page.goto(`${base()}/appraisal`);
    const rows = page.getByTestId('appraisal-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('已关闭');
    await expectClean(page);
    await shot(page, 'appraisal-runs-phone');
    await rows.first().click();
    const results = page.getByTestId('appraisal-result-row');
    await results.first().waitFor();
    // Only her own result in the ranking.
    expect(await results.count()).toBe(1);
    await page.getByTestId('appraisal-champion').waitFor();
    await results.first().click();
    await page.getByTestId('appraisal-items').waitFor();
    await expectStatus(page, 'appraisal-status', '待确认');
    const items = await page.getByTestId('appraisal-items').innerText();
    expect(items).toContain('营业收入');
    expect(items).toContain('无目标：未设定利润指标，不扣分');
    expect(items).toContain('顾客投诉');
    await expectClean(page);
    await shot(page, 'appraisal-result-phone');
    // Closed: no objection any more, only the acknowledgement.
    expect(await page.getByTestId('appraisal-object').count()).toBe(0);
    await page.getByTestId('appraisal-acknowledge').click();
    const modal = await openModal(page);
    await modal.locator('textarea').fill('已阅');
    await okModal(page);
    await expectStatus(page, 'appraisal-status', '已确认');
    expect(await page.getByTestId('record-history').innerText()).toContain('本人确认');
    expect(errors).toEqual([]);
  });

  it('the manager sees the ranking and the accepted objection, follows the evidence, cannot re-run the month (1440 px)', async () => {
    const { page, errors } = await login('manager1', 'desktop');
    await page.goto(`${base()}/appraisal`);
    await page.getByTestId('appraisal-row').first().click();
    const results = page.getByTestId('appraisal-result-row');
    await results.first().waitFor();
    expect(await results.count()).toBeGreaterThanOrEqual(4);
    expect(await page.getByTestId('appraisal-champion').innerText()).toMatch(/销售冠军|并列第一/);
    // The awards card (or its "no awards" line) and each result's bonus in yuan with separators.
    expect(await page.getByTestId('appraisal-awards').innerText()).toContain('本期奖项');
    expect(await results.first().getByTestId('appraisal-bonus').innerText()).toMatch(/¥\d{1,3}(,\d{3})*\.\d{2}/);
    expect(await page.getByTestId('appraisal-bonus-rule').innerText()).toContain('¥2,000.00');
    await expectStatus(page, 'appraisal-run-status', '已关闭');
    await expectClean(page);
    await shot(page, 'appraisal-run-desktop');
    await results.filter({ hasText: '王磊' }).first().click();
    await page.getByTestId('appraisal-items').waitFor();
    await expectStatus(page, 'appraisal-status', '已确认');
    const facts = await page.getByTestId('appraisal-facts').innerText();
    expect(facts).toContain('第 2 版');
    expect(facts).toContain('异议成立，调整分数');
    expect(facts).toContain('+3.00 分');
    // The demo's objection went through its approval: department head, then the sales director.
    const approval = page.getByTestId('appraisal-objection-approval');
    expect(await approval.innerText()).toContain('部门负责人审批');
    expect(await approval.getByTestId('approval-history-item').count()).toBeGreaterThanOrEqual(3);
    expect(facts).toMatch(/绩效奖金[\s\S]*¥\d{1,3}(,\d{3})*\.\d{2}/);
    const manual = page.getByTestId('appraisal-item-manual');
    expect(await manual.count()).toBe(2);
    expect(await manual.filter({ hasText: '异议调整' }).first().innerText()).toContain('+3.00 分');
    expect(await page.getByTestId('record-history').innerText()).toContain('异议审批通过');
    await expectClean(page);
    await shot(page, 'appraisal-result-desktop');
    // The revenue's records link to their pages (the plan, then the orders).
    const link = page.getByTestId('appraisal-item-revenue').locator('a').first();
    if (await link.count()) {
      const href = await link.getAttribute('href');
      expect(href).toMatch(/^\/(plans|orders|returns)\/\d+$/);
    }
    // The closed month is not run again.
    await page.goto(`${base()}/appraisal`);
    await page.getByTestId('appraisal-new').click();
    await openModal(page);
    await okModal(page);
    await toast(page, '不能重新考核');
    expect(errors).toEqual([]);
  });

  it('an objection goes through the approval: the rep asks for points (390 px), head and director approve, the score rises by exactly them (1440 px)', async () => {
    // An open run of the month before the demo's closed one.
    const { page: mgr, errors } = await login('manager1', 'desktop');
    await mgr.goto(`${base()}/appraisal`);
    const now = new Date();
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1));
    const period = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    const run = await api(mgr, 'POST', '/api/appraisal-runs', { period });
    expect(run.status, JSON.stringify(run.json)).toBe(201);
    const mine = run.json.results.find((r: { personName: string }) => r.personName === '王磊');
    const before = mine.score as string;
    const expected = (Number(before) + 2.5).toFixed(2);

    const { page: rep, errors: repErrors } = await login('rep1', 'phone');
    await rep.goto(`${base()}/appraisal/results/${mine.id}`);
    await rep.getByTestId('appraisal-items').waitFor();
    await rep.getByTestId('appraisal-object').click();
    const modal = await openModal(rep);
    await modal.getByTestId('appraisal-object-reason').fill('月底两单回款已到账，请核实后调整');
    // Points of 0 are refused under the field, nothing sent on.
    await modal.getByTestId('appraisal-object-points').fill('0');
    await rep.getByTestId('appraisal-object-ok').click();
    await modal.getByText('分值应为 -100 至 100 之间、最多两位小数且不为 0 的数').waitFor();
    await modal.getByTestId('appraisal-object-points').fill('2.5');
    await okModal(rep);
    await expectStatus(rep, 'appraisal-status', '有异议');
    const panel = rep.getByTestId('appraisal-objection-approval');
    await panel.waitFor();
    expect(await panel.innerText()).toContain('部门负责人审批');
    expect(await rep.getByTestId('approval-approve').count()).toBe(0);
    expect(await rep.getByTestId('appraisal-facts').innerText()).toContain('+2.50 分');
    await expectClean(rep);
    await shot(rep, 'appraisal-objection-phone');

    // The department head approves on the result page.
    await mgr.goto(`${base()}/appraisal/results/${mine.id}`);
    await mgr.getByTestId('appraisal-objection-approval').waitFor();
    await approveHere(mgr, '回款已核实');
    await expectStatus(mgr, 'appraisal-status', '有异议');

    // The sales director finds it in the inbox with a readable summary and approves it there.
    const { page: dir, errors: dirErrors } = await login('director', 'desktop');
    await dir.goto(`${base()}/approvals`);
    const row = dir.locator('tr', { hasText: '考核申诉' }).filter({ hasText: '王磊' }).first();
    await row.waitFor();
    expect(await row.innerText()).toContain('请求调整 +2.50 分');
    await expectClean(dir);
    await shot(dir, 'appraisal-objection-inbox');
    await row.getByTestId('approval-row-link').click();
    await dir.getByTestId('approval-approve').waitFor();
    expect(await dir.getByTestId('approval-facts').innerText()).toContain('+2.50 分');
    await approveHere(dir, '同意');

    await mgr.reload();
    await expectStatus(mgr, 'appraisal-status', '异议成立已调整');
    expect(await mgr.getByTestId('appraisal-result-score').innerText()).toContain(expected);
    expect(await mgr.getByTestId('appraisal-facts').innerText()).toContain('第 2 版');
    const adj = mgr.getByTestId('appraisal-item-manual').filter({ hasText: '异议调整' });
    expect(await adj.first().innerText()).toContain('+2.50 分');
    expect(await mgr.getByTestId('record-history').innerText()).toContain('异议审批通过');
    await expectClean(mgr);
    await shot(mgr, 'appraisal-objection-approved-desktop');
    // The refused points answer 400 (shown under the field): the only console error allowed.
    expect([...errors, ...repErrors.filter((e) => !e.includes('400')), ...dirErrors]).toEqual([]);
  });
});
