import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSidewaysScroll, launch, loginAs, shot } from './browser.ts';
import { api, base, inputOf, openModal, pick, toast } from './q2c-helpers.ts';

/**
 * The onboarding gate end to end (SPEC 5.4, issue 15 item 3; seed 003: 考核合格者方可正式上岗): the
 * demo's new rep 林子涵 (rep5) is in onboarding — the new quote form says why and the server refuses
 * the quote and a customer of their own; her supervisor records the onboarding assessment in the
 * browser; then she creates a customer and a quote. Screenshots at 1440 px and 390 px.
 */
let browser: Browser;
const pages: Page[] = [];
const stamp = String(Date.now()).slice(-6);
const GATE = '林子涵 尚未通过岗前培训考核，暂不能负责客户或创建报价、订单（考核合格后方可正式上岗）';

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const p of pages)
    await p
      .context()
      .close()
      .catch(() => undefined);
  await browser?.close();
});

const as = async (user: string, size: 'desktop' | 'phone' = 'desktop') => {
  const p = await loginAs(browser, user, size);
  pages.push(p);
  return p;
};

describe.sequential('a new rep cannot create a quote until the onboarding training is passed', () => {
  let rep5Id = 0;
  let sessionId = 0;

  it('in onboarding: the quote form says why, and quotes and own customers are refused', async () => {
    const rep = await as('rep5');
    const me = (await api(rep, 'GET', '/api/training/me')).json;
    expect(me).toMatchObject({ activeForSales: false, onboardingStatus: 'in_training' });
    rep5Id = (await api(rep, 'GET', '/api/auth/me')).json.id;
    await rep.goto(`${base()}/quotes/new`);
    const notice = rep.getByTestId('onboarding-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('您正在岗前培训中');
    await shot(rep, 'training-01-quote-form-onboarding-1440');
    const product = (await api(rep, 'GET', '/api/products?pageSize=1')).json.items[0];
    const quote = await api(rep, 'POST', '/api/quotes', {
      customerId: 1,
      title: '新人报价',
      lines: [{ productId: product.id, qty: '1', unitPrice: product.standardPrice, discountPercent: '0' }],
    });
    expect(quote.status).toBe(400);
    expect(quote.json.fields[0]).toMatchObject({ field: 'ownerId', message: GATE });
    const customer = await api(rep, 'POST', '/api/customers', {
      kind: 'individual',
      name: `新人客户${stamp}`,
      mobile: `1371${stamp}0`,
    });
    expect(customer.status).toBe(400);
    expect(customer.json.fields[0].message).toBe(GATE);
  });

  it('on a phone, she sees her own record: in onboarding, assessed yesterday', async () => {
    const phone = await as('rep5', 'phone');
    await phone.goto(`${base()}/training/staff/${rep5Id}`);
    await phone.getByTestId('onboarding-tag').first().waitFor();
    expect(await phone.getByTestId('onboarding-tag').first().textContent()).toContain('岗前培训中');
    await phone.getByTestId('history-table').getByText('岗前培训结业考核').waitFor();
    await expectNoSidewaysScroll(phone);
    await shot(phone, 'training-02-own-record-390');
  });

  it('her supervisor records the onboarding assessment: 86 passes', async () => {
    const sup = await as('supervisor1');
    await sup.goto(`${base()}/training?kind=onboarding`);
    await sup.getByTestId('plans-table').getByText('新员工岗前培训').click();
    await sup.waitForURL(/\/training\/plans\/\d+$/);
    await sup.getByTestId('sessions-table').getByText('岗前培训结业考核').click();
    await sup.waitForURL(/\/training\/sessions\/\d+$/);
    sessionId = Number(new URL(sup.url()).pathname.split('/').pop());
    await sup.getByTestId('session-results').click();
    const modal = await openModal(sup);
    await inputOf(modal, 'results-score-0').fill('86');
    await shot(sup, 'training-03-results-entry-1440');
    await sup.getByTestId('results-save').click();
    await toast(sup, '出勤和成绩已保存');
    const table = sup.getByTestId('attendance-table');
    await table.getByText('合格', { exact: true }).waitFor();
    expect(await table.textContent()).toContain('86.0');
    await expectNoSidewaysScroll(sup);
    await shot(sup, 'training-04-session-passed-1440');
    const record = (await api(sup, 'GET', `/api/training/staff/${rep5Id}`)).json;
    expect(record).toMatchObject({ onboardingStatus: 'passed' });
  });

  it('then she creates a customer and a quote in the browser', async () => {
    const rep = await as('rep5');
    expect((await api(rep, 'GET', `/api/training/sessions/${sessionId}`)).json.attendance[0]).toMatchObject({
      score: '86.0',
      passed: true,
    });
    const customer = await api(rep, 'POST', '/api/customers', {
      kind: 'individual',
      name: `新人客户${stamp}`,
      mobile: `1371${stamp}0`,
    });
    expect(customer.status, JSON.stringify(customer.json)).toBe(201);
    const product = (await api(rep, 'GET', '/api/products?pageSize=1')).json.items[0];
    await rep.goto(`${base()}/quotes/new`);
    await rep.getByTestId('quote-title').waitFor();
    expect(await rep.getByTestId('onboarding-notice').count()).toBe(0);
    await pick(rep, rep.getByTestId('quote-customer'), `新人客户${stamp}`, true);
    await rep.getByTestId('quote-title').fill(`新人首单报价${stamp}`);
    await pick(rep, rep.getByTestId('quote-product-picker'), product.code, true);
    const line = rep.getByTestId('quote-form-line').first();
    await inputOf(line, 'quote-line-qty').fill('2');
    await inputOf(line, 'quote-line-price').fill(product.standardPrice);
    await inputOf(line, 'quote-line-price').blur();
    await rep.getByTestId('quote-save').click();
    await rep.waitForURL(/\/quotes\/\d+$/);
    await rep.getByTestId('quote-status').waitFor();
    const id = Number(new URL(rep.url()).pathname.split('/').pop());
    const q = (await api(rep, 'GET', `/api/quotes/${id}`)).json;
    expect(q).toMatchObject({ title: `新人首单报价${stamp}`, status: 'draft', ownerId: rep5Id });
    await shot(rep, 'training-05-first-quote-1440');
  });
});
