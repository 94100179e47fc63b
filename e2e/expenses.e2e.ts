import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSidewaysScroll, launch, loginAs, shot } from './browser.ts';
import {
  api,
  approveHere,
  base,
  expectStatus,
  inDays,
  inputOf,
  okModal,
  okPopconfirm,
  pick,
  toast,
} from './q2c-helpers.ts';

/**
 * Expenses and budgets end to end (SPEC 5.3, issue 15 item 2): a manager's own claim goes to their
 * superior, then finance, and is paid; a claim beyond the remaining budget of an event is refused
 * without a reason, and with one waits for the general manager's over-budget approval before
 * finance can decide it; the budget then shows the overrun.
 */
const INVOICE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Fills the claim form (one line) with an invoice and saves it; returns the new claim's id. */
async function fileClaim(
  page: Page,
  title: string,
  line: { category: string; amount: string; what: string },
  event?: string,
) {
  await page.goto(`${base()}/expenses/claims/new`);
  await inputOf(page, 'claim-title').fill(title);
  if (event) await pick(page, page.getByTestId('claim-event'), event, true);
  await pick(page, page.getByTestId('line-category-0'), line.category);
  await inputOf(page, 'line-amount-0').fill(line.amount);
  await inputOf(page, 'line-desc-0').fill(line.what);
  await page.locator('[data-testid="claim-invoices"] input[type=file], input[type=file]').first().setInputFiles({
    name: '发票.png',
    mimeType: 'image/png',
    buffer: INVOICE,
  });
  await page.getByText('发票.png').first().waitFor();
  await page.getByTestId('claim-save').click();
  await page.waitForURL(/\/expenses\/claims\/\d+$/);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

/** The claim's pending approval task of the signed-in user (its instance id), if any. */
async function myTask(page: Page, claimId: number): Promise<number | undefined> {
  const items = (await api(page, 'GET', '/api/approvals/inbox?pageSize=200')).json.items as {
    docType: string;
    docId: number;
    instanceId: number;
  }[];
  return items.find((i) => i.docType === 'expense_claim' && i.docId === claimId)?.instanceId;
}

describe('费用报销: nobody approves their own claim', () => {
  it("a manager's own claim goes to their superior, then finance, and is paid", async () => {
    const page = await loginAs(browser, 'manager1');
    const id = await fileClaim(page, '端到端展会宣传册印刷', {
      category: '市场推广',
      amount: '860',
      what: '宣传册 500 册',
    });
    await expectStatus(page, 'claim-status', '草稿');
    await page.getByTestId('budget-check-result').getByText('本单在剩余预算之内').waitFor();
    await page.getByTestId('claim-submit').click();
    await page.getByTestId('submit-budget-note').getByText('在剩余预算之内').waitFor();
    await okModal(page);
    await toast(page, '已提交审批');
    await expectStatus(page, 'claim-status', '审批中');
    await page.getByTestId('tab-approval').click();
    // After 张伟's own submission the first step is the director (his superior), never 张伟 himself.
    const review = page.getByTestId('approval-steps').locator('.ant-steps-item').nth(1);
    await review.getByText('刘海涛').waitFor();
    expect(await review.getByText('张伟').count()).toBe(0);
    expect(await page.getByTestId('approval-approve').count()).toBe(0);
    expect(await myTask(page, id)).toBeUndefined();
    await shot(page, 'expenses-own-claim-at-superior-1440');

    const director = await loginAs(browser, 'director');
    await director.goto(`${base()}/expenses/claims/${id}?tab=approval`);
    await approveHere(director, '同意');
    const finance = await loginAs(browser, 'finance');
    await finance.goto(`${base()}/expenses/claims/${id}?tab=approval`);
    await approveHere(finance, '票据齐全');
    await expectStatus(finance, 'claim-status', '已批准');
    await finance.getByTestId('claim-pay').click();
    await okPopconfirm(finance);
    await toast(finance, '已付款');
    await expectStatus(finance, 'claim-status', '已付款');
    const approvers = (await api(finance, 'GET', `/api/expense-claims/${id}/approvals`)).json.items[0].steps.map(
      (s: { tasks: { approverName: string }[] }) => s.tasks.map((t) => t.approverName),
    );
    expect(approvers).toEqual([['刘海涛'], ['许丽']]);
    await shot(finance, 'expenses-own-claim-paid-1440');
  });
});

describe('费用报销: spending beyond the remaining budget', () => {
  const theme = '端到端超预算会销';
  let claimId = 0;

  it('is refused without a reason; with one it waits for the over-budget approval', async () => {
    const director = await loginAs(browser, 'director');
    const ev = await api(director, 'POST', '/api/events', {
      theme,
      venue: '上海展览中心',
      startsAt: `${inDays(10)}T14:00:00+08:00`,
      endsAt: `${inDays(10)}T17:00:00+08:00`,
      capacity: 30,
      budget: [],
    });
    expect(ev.status, JSON.stringify(ev.json)).toBe(201);
    expect((await api(director, 'POST', `/api/events/${ev.json.id}/submit`, { version: 1 })).status).toBe(200);
    const gm = await loginAs(browser, 'gm');
    const inst = (await api(gm, 'GET', '/api/approvals/inbox?pageSize=200')).json.items.find(
      (i: { docType: string; docId: number }) => i.docType === 'event' && i.docId === ev.json.id,
    );
    expect((await api(gm, 'POST', `/api/approvals/${inst.instanceId}/approve`, {})).status).toBe(200);
    const finance = await loginAs(browser, 'finance');
    const budget = await api(finance, 'POST', '/api/expense-budgets', {
      eventId: ev.json.id,
      category: 'invitation',
      amount: '1000',
    });
    expect(budget.status).toBe(201);

    const rep = await loginAs(browser, 'rep1');
    claimId = await fileClaim(
      rep,
      '端到端会销邀约物料',
      { category: '客户邀约', amount: '1500', what: '邀请函与快递' },
      theme,
    );
    await rep.getByTestId('budget-check-result').getByText('本单超出剩余预算 ¥500.00').waitFor();
    await shot(rep, 'expenses-claim-over-budget-1440');
    // Blocked: without the reason the server refuses the submission, nothing changes.
    const refused = await api(rep, 'POST', `/api/expense-claims/${claimId}/submit`, { version: 1 });
    expect(refused.status).toBe(400);
    expect(refused.json.fields[0].message).toBe('超出剩余预算 ¥500.00，请填写超预算说明，提交超预算审批');
    await rep.getByTestId('claim-submit').click();
    await rep.getByTestId('submit-budget-note').getByText('本单超出剩余预算 ¥500.00').waitFor();
    await okModal(rep);
    await rep.locator('.ant-form-item-explain-error').first().waitFor();
    await shot(rep, 'expenses-submit-needs-reason-1440');
    await rep.getByTestId('over-budget-reason').fill('重点客户名单扩大，需追加邀请函');
    await okModal(rep);
    await toast(rep, '已提交审批');
    await rep.getByTestId('claim-over-budget').waitFor();
    expect(
      (await api(rep, 'GET', `/api/expense-claims/${claimId}/approvals`)).json.items[0].steps.map(
        (s: { name: string }) => s.name,
      ),
    ).toEqual(['主管审核', '超预算审批', '财务终审']);
  });

  it('finance decides only after the general manager approved the overrun', async () => {
    const supervisor = await loginAs(browser, 'supervisor1');
    await supervisor.goto(`${base()}/expenses/claims/${claimId}?tab=approval`);
    await approveHere(supervisor, '属实');
    const finance = await loginAs(browser, 'finance');
    await finance.goto(`${base()}/expenses/claims/${claimId}?tab=approval`);
    await finance.getByTestId('approval-steps').getByText('陈志远').waitFor();
    expect(await finance.getByTestId('approval-approve').count()).toBe(0);
    expect(await myTask(finance, claimId)).toBeUndefined();
    await shot(finance, 'expenses-blocked-until-over-budget-approval-1440');

    const gm = await loginAs(browser, 'gm');
    await gm.goto(`${base()}/expenses/claims/${claimId}?tab=approval`);
    await approveHere(gm, '同意超预算');
    await finance.reload();
    await approveHere(finance, '同意报销');
    await expectStatus(finance, 'claim-status', '已批准');
    await finance.goto(`${base()}/expenses/budgets?kind=event`);
    const row = finance.getByTestId('budget-row').filter({ hasText: theme });
    await row.getByText('已超支').waitFor();
    await shot(finance, 'expenses-budget-overrun-1440');

    const phone = await loginAs(browser, 'rep1', 'phone');
    await phone.goto(`${base()}/expenses/claims/${claimId}`);
    await expectStatus(phone, 'claim-status', '已批准');
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'expenses-claim-390');
    await phone.goto(`${base()}/expenses/budgets`);
    await phone.getByTestId('page-title').getByText('费用预算').waitFor();
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'expenses-budgets-390');
  });
});
