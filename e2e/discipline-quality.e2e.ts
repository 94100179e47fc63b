import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSidewaysScroll, launch, loginAs, type Size, shot } from './browser.ts';
import { base, expectStatus, inputOf, okModal, openModal, pick, toast } from './q2c-helpers.ts';

/**
 * 奖惩 and 质量体系 (SPEC 5.6 / 5.7) in the browser against the demo company: the rep acknowledges the
 * 一级 loss decided against her (compensation plus the 快乐基金 contribution), a manager records an
 * incident whose level the form previews from the policies, and the quality inspector finds the
 * overdue corrective action, cannot close the audit while actions are open, and sees the revised
 * documents' copies — at 390 px and 1440 px, with screenshots and nothing raw or sideways.
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
  expect(text).not.toMatch(/discipline\.|quality\.|menu\.|level[123]\b|\d{4}-\d{2}-\d{2}T/);
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('discipline', () => {
  it('the rep reads the 一级 loss decided against her and acknowledges it (390 px)', async () => {
    const { page, errors } = await login('rep2', 'phone');
    await page.goto(`${base()}/discipline`);
    const rows = page.getByTestId('discipline-row');
    await rows.first().waitFor();
    // Only her own records.
    expect(await rows.count()).toBe(1);
    await rows.first().click();
    await page.getByTestId('discipline-facts').waitFor();
    await expectStatus(page, 'discipline-level', '一级错误');
    const facts = await page.getByTestId('discipline-facts').innerText();
    expect(facts).toContain('弥补全部损失并上交快乐基金');
    expect(facts).toContain('180.00');
    expect(facts).toContain('10.00');
    await expectClean(page);
    await shot(page, 'discipline-awaiting-phone');
    await page.getByTestId('discipline-acknowledge').click();
    const modal = await openModal(page);
    await modal.locator('textarea').fill('运费已承担，今后发货前核对地址');
    await okModal(page);
    await expectStatus(page, 'discipline-status', '已确认');
    expect(await page.getByTestId('record-history').innerText()).toContain('当事人确认');
    await shot(page, 'discipline-acknowledged-phone');
    expect(errors).toEqual([]);
  });

  it('a manager records an incident; the form previews its level from the loss and the year’s count (1440 px)', async () => {
    const { page, errors } = await login('manager1', 'desktop');
    await page.goto(`${base()}/discipline`);
    await page.getByTestId('discipline-new').click();
    const modal = await openModal(page);
    await pick(page, modal.getByTestId('discipline-person'), '王磊', true);
    await modal.getByTestId('discipline-rule').fill('报价单未经审批即发给客户');
    await modal
      .getByTestId('discipline-description')
      .fill('报价折扣超出权限，未走审批即发送，客户按该价格下单后差价 250 元由公司承担。');
    await inputOf(modal, 'discipline-loss').fill('250');
    // ¥250 is at least ¥200 (policy discipline.level2Loss): 二级 by the loss, whatever his count this year.
    await expect
      .poll(() =>
        modal
          .getByTestId('discipline-level-preview')
          .innerText()
          .catch(() => ''),
      )
      .toContain('二级错误');
    expect(await modal.getByTestId('discipline-level-basis').innerText()).toContain('按损失金额：二级错误');
    await shot(page, 'discipline-new-desktop', false);
    await okModal(page);
    await expectStatus(page, 'discipline-status', '待决定');
    await expectStatus(page, 'discipline-level', '二级错误');
    await page.getByTestId('discipline-decide').click();
    const decide = await openModal(page);
    // Above 一级 the decision is the decider's: without words it is refused.
    await okModal(page);
    await decide.locator('.ant-form-item-explain-error').first().waitFor();
    await decide.getByTestId('discipline-decision').fill('赔偿差价 250 元，通报批评');
    await okModal(page);
    await expectStatus(page, 'discipline-status', '待确认');
    expect(await page.getByTestId('discipline-outcome').innerText()).toBe('按处理决定处罚');
    await expectClean(page);
    await shot(page, 'discipline-decided-desktop');
    expect(errors).toEqual([]);
  });
});

describe.each(['desktop', 'phone'] as const)('quality records at %s size', (size) => {
  it('shows the overdue action, keeps the audit open while actions are open, and the documents’ copies', async () => {
    const { page, errors } = await login('qa', size);
    await page.goto(`${base()}/quality/capas?overdue=true`);
    const rows = page.getByTestId('capa-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('已逾期');
    await expectClean(page);
    await shot(page, `quality-capas-overdue-${size}`);
    await rows.first().click();
    await expectStatus(page, 'capa-status', '待实施');
    await shot(page, `quality-capa-${size}`);

    await page.goto(`${base()}/quality/audits`);
    await page.getByTestId('audit-row').first().waitFor();
    await page.getByTestId('audit-row').filter({ hasText: '已出报告' }).first().click();
    await page.getByTestId('finding-3').waitFor();
    await expectClean(page);
    await shot(page, `quality-audit-${size}`);
    if (size === 'desktop') {
      await page.getByTestId('audit-close').click();
      await okModal(page);
      await toast(page, '未关闭');
      await expectStatus(page, 'audit-status', '已出报告');
    }

    await page.goto(`${base()}/quality/documents`);
    await page.getByTestId('document-row').first().waitFor();
    const form = page.getByTestId('document-row').filter({ hasText: '销后退回申请表' });
    expect(await form.innerText()).toContain('A/1');
    await expectClean(page);
    await shot(page, `quality-documents-${size}`);
    await form.click();
    await page.getByTestId('document-versions').waitFor();
    expect(await page.getByTestId('document-versions').innerText()).toMatch(/A\/1[\s\S]*现行[\s\S]*A\/0[\s\S]*已作废/);
    expect(errors).toEqual([]);
  });
});
