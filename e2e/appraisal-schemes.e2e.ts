import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSidewaysScroll, launch, loginAs, type Size, shot } from './browser.ts';
import { base, inputOf, okModal, openModal, pick, toast } from './q2c-helpers.ts';

/**
 * 考核方案 (SPEC 5.2) in the browser against the demo company: the general manager creates a
 * quarterly scheme of scored indicators (营业收入 linear to the plan, 客户满意度 in bands) — the
 * weights must add up to 100 — and 销售二部's manager runs it over the last ended quarter and reads
 * each item's basis (1440 px; the scheme list at 390 px). Nothing raw or sideways on screen.
 */
let browser: Browser;
const NAME = `季度服务考核-${Date.now() % 100000}`;

async function login(username: string, size: Size): Promise<{ page: Page; errors: string[] }> {
  const page = await loginAs(browser, username, size);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/40[09]/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

async function expectClean(page: Page) {
  await expectNoSidewaysScroll(page);
  const text = String(await page.evaluate('document.body.innerText'));
  expect(text).not.toMatch(/appraisal\.|menu\.|no_target|no_data|threshold|linear|quarter|\d{4}-\d{2}-\d{2}T/);
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('appraisal schemes', () => {
  it('the general manager creates a quarterly scheme; weights off 100 are refused (1440 px)', async () => {
    const { page, errors } = await login('gm', 'desktop');
    await page.goto(`${base()}/appraisal/schemes`);
    await page.getByTestId('scheme-row').first().waitFor();
    expect(await page.getByTestId('scheme-table').innerText()).toContain('默认方案');
    await page.getByTestId('scheme-new').click();
    const modal = await openModal(page);
    await inputOf(modal, 'scheme-name').fill(NAME);
    await pick(page, modal.getByTestId('scheme-period-kind'), '季度');
    // Row 1 is 营业收入, linear to the plan, weight 100 for now; row 2: 客户满意度 in two bands.
    await modal.getByTestId('scheme-indicator-add').click();
    const row2 = modal.getByTestId('scheme-indicator-row').nth(1);
    await pick(page, row2.getByTestId('scheme-indicator-code'), '客户满意度', true);
    await inputOf(row2, 'scheme-indicator-weight').fill('40');
    await pick(page, row2.getByTestId('scheme-indicator-rule'), '分档计分');
    for (const [from, points] of [
      ['4', '40'],
      ['3', '20'],
    ]) {
      await row2.getByTestId('scheme-band-add').click();
      const band = row2.getByTestId('scheme-band-row').last();
      await inputOf(band, 'scheme-band-from').fill(from);
      await inputOf(band, 'scheme-band-points').fill(points);
    }
    await expect.poll(() => modal.getByTestId('scheme-weights-sum').innerText()).toContain('权重合计 140');
    await okModal(page);
    await expect
      .poll(() => modal.getByTestId('scheme-indicators-error').innerText(), { timeout: 15_000 })
      .toContain('各指标权重合计应为 100（当前 140）');
    const row1 = modal.getByTestId('scheme-indicator-row').first();
    await inputOf(row1, 'scheme-indicator-weight').fill('60');
    await expect.poll(() => modal.getByTestId('scheme-weights-sum').innerText()).toContain('权重合计 100');
    await shot(page, 'appraisal-scheme-editor-desktop', false);
    await okModal(page);
    await toast(page, '方案已保存');
    const row = page.getByTestId('scheme-row').filter({ hasText: NAME });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('季度');
    expect(text).toContain('营业收入 60% · 按目标完成率线性计分');
    expect(text).toContain('客户满意度 40% · 分档计分');
    await expectClean(page);
    await shot(page, 'appraisal-schemes-desktop');
    expect(errors).toEqual([]);
  });

  it('the scheme list reads at 390 px', async () => {
    const { page } = await login('gm', 'phone');
    await page.goto(`${base()}/appraisal/schemes`);
    await page.getByTestId('scheme-row').filter({ hasText: NAME }).waitFor();
    await expectClean(page);
    await shot(page, 'appraisal-schemes-phone');
  });

  it("销售二部's manager runs the last ended quarter and reads each item's basis (1440 px)", async () => {
    const { page, errors } = await login('manager2', 'desktop');
    await page.goto(`${base()}/appraisal`);
    await page.getByTestId('appraisal-new').click();
    const modal = await openModal(page);
    await pick(page, modal.getByTestId('appraisal-run-scheme'), NAME);
    // The picker switched to quarters and shows the last ended one in words.
    const period = await inputOf(modal, 'appraisal-run-period').inputValue();
    expect(period).toMatch(/^\d{4}年第[1-4]季度$/);
    await shot(page, 'appraisal-scheme-run-dialog', false);
    await okModal(page);
    const results = page.getByTestId('appraisal-result-row');
    await results.first().waitFor();
    expect(await page.locator('h1, h2, h3, h4, h5').first().innerText()).toMatch(/年第[1-4]季度绩效考核/);
    await results.first().click();
    await page.getByTestId('appraisal-items').waitFor();
    const revenue = await page.getByTestId('appraisal-item-revenue').innerText();
    // Linear to the plan: the target and the completion, or 无目标 when the plan has none.
    expect(revenue).toMatch(/得分 = 权重 60 × 完成率|无目标/);
    const sat = await page.getByTestId('appraisal-item-satisfaction').innerText();
    expect(sat).toMatch(/本期无数据，不计分|达到「≥|未达到最低档/);
    expect(sat).toContain('分档：≥3.00 得 20.00 分、≥4.00 得 40.00 分');
    await expectClean(page);
    await shot(page, 'appraisal-scheme-result-desktop');
    expect(errors).toEqual([]);
  });
});
