import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSidewaysScroll, launch, loginAs, SIZES, shot } from './browser.ts';
import { api, base, inputOf } from './q2c-helpers.ts';

/**
 * A sales return in the browser against the real server with demo data (issue 12 "done means"):
 * rep1 files the 销后退回申请表 from a signed delivery; the goods reached the warehouse on Friday
 * 3 April 2026, the day before 清明 (4–6 April) — recorded through the API, the honest way to put
 * an arrival in the past — so the deadline is Thursday 9 April 18:00 (3 working days after the
 * holiday), and by today the storage fee has accrued one ¥50 day per calendar day since. The chain
 * approves (开票组 → 采购 → 质管 → 运营 → 验收员), the goods are back in stock, and finance issues the
 * red-letter invoice in the browser. At 1440 px and 390 px, with screenshots.
 */
let browser: Browser;
const stamp = String(Date.now()).slice(-6);

/** Today in Asia/Shanghai (YYYY-MM-DD). */
const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const ctx: { deliveryId: number; lineIndex: number; orderId: number; returnId: number; invoiceId: number } = {
  deliveryId: 0,
  lineIndex: 0,
  orderId: 0,
  returnId: 0,
  invoiceId: 0,
};

beforeAll(async () => {
  browser = await launch();
  // A signed delivery of rep1 whose order has an issued invoice (to credit) and something left to return.
  const finance = await loginAs(browser, 'finance');
  const rep = await loginAs(browser, 'rep1');
  const invoices = (await api(finance, 'GET', '/api/invoices?status=issued&pageSize=200')).json.items as {
    id: number;
    orderId: number | null;
    totalGross: string;
  }[];
  const deliveries = (await api(rep, 'GET', '/api/deliveries?status=signed&pageSize=100')).json.items as {
    id: number;
    orderId: number;
  }[];
  for (const d of deliveries) {
    const inv = invoices.find((i) => i.orderId === d.orderId && Number(i.totalGross) > 0);
    if (!inv) continue;
    const lines = (await api(rep, 'GET', `/api/deliveries/${d.id}/returnable-lines`)).json.lines as {
      returnable: string;
    }[];
    const i = lines.findIndex((l) => Number(l.returnable) >= 1);
    if (i < 0) continue;
    Object.assign(ctx, { deliveryId: d.id, lineIndex: i, orderId: d.orderId, invoiceId: inv.id });
    break;
  }
  expect(ctx.deliveryId, 'rep1 has an invoiced, signed delivery in the demo data').toBeGreaterThan(0);
  await finance.context().close();
  await rep.context().close();
});
afterAll(async () => {
  await browser.close();
});

describe('sales return: deadline after a public holiday, storage fee, restock, red-letter invoice', () => {
  it('rep1 files the return from the delivery in the browser', async () => {
    const page = await loginAs(browser, 'rep1');
    await page.goto(`${base()}/deliveries/${ctx.deliveryId}`);
    await page.getByTestId('delivery-return').click();
    await page.waitForURL(/\/returns\/new\?deliveryId=/);
    await inputOf(page, `return-qty-${ctx.lineIndex}`).fill('1');
    await page.getByTestId('return-description').fill(`e2e 外包装受潮 ${stamp}`);
    await shot(page, 'returns-new-1440');
    await page.getByTestId('return-submit').click();
    await page.waitForURL(/\/returns\/\d+$/);
    ctx.returnId = Number(new URL(page.url()).pathname.split('/').pop());
    await expect.poll(() => page.getByTestId('return-status').textContent()).toBe('审批中');
    await expect.poll(() => page.getByTestId('return-deadline').textContent()).toContain('货物尚未登记到库');
    await page.context().close();
  });

  it('goods in on Friday 3 April 2026 (before 清明): due Thursday 9 April 18:00; the fee accrues per day since', async () => {
    const keeper = await loginAs(browser, 'warehouse');
    const r = (await api(keeper, 'GET', `/api/sales-returns/${ctx.returnId}`)).json;
    const wh = (await api(keeper, 'GET', '/api/warehouses')).json.items[0].id;
    const res = await api(keeper, 'POST', `/api/sales-returns/${ctx.returnId}/arrival`, {
      arrivedAt: '2026-04-03T16:00:00+08:00',
      warehouseId: wh,
      version: r.version,
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.dueAt).toBe('2026-04-09T10:00:00.000Z');
    const days = Math.round((Date.parse(shanghaiToday()) - Date.parse('2026-04-09')) / 86_400_000);
    expect(res.json.fee).toEqual({ days, total: (days * 50).toFixed(2), clerksShare: (days * 25).toFixed(2) });
    await keeper.context().close();

    const page = await loginAs(browser, 'rep1');
    await page.goto(`${base()}/returns/${ctx.returnId}`);
    await expect.poll(() => page.getByTestId('return-due').textContent()).toBe('2026-04-09 18:00');
    await expect.poll(() => page.getByTestId('return-fee').textContent()).toContain(`${days} 天`);
    await shot(page, 'returns-overdue-1440');
    await page.context().close();
  });

  it('the chain approves; the receiving clerk’s approval books the goods back into stock', async () => {
    const page = await loginAs(browser, 'rep1');
    const r = (await api(page, 'GET', `/api/sales-returns/${ctx.returnId}`)).json;
    for (const u of ['invoicing', 'purchasing', 'qa', 'operations']) {
      const p = await loginAs(browser, u);
      const res = await api(p, 'POST', `/api/approvals/${r.approvalInstanceId}/approve`, { comment: '同意' });
      expect(res.status, `${u}: ${JSON.stringify(res.json)}`).toBe(200);
      await p.context().close();
    }
    // The 验收员 approves in the browser.
    const clerk = await loginAs(browser, 'receiver');
    await clerk.goto(`${base()}/returns/${ctx.returnId}`);
    await clerk.getByRole('tab', { name: '审批流程' }).click();
    await clerk.getByTestId('approval-approve').click();
    await clerk.getByTestId('approval-action-submit').click();
    await expect.poll(() => clerk.getByTestId('return-status').textContent(), { timeout: 10_000 }).toBe('已入库完成');
    await clerk.context().close();
    const done = (await api(page, 'GET', `/api/sales-returns/${ctx.returnId}`)).json;
    expect(done.status).toBe('completed');
    expect(Number(done.storageFee)).toBeGreaterThan(0);
    expect(done.charges).toEqual([expect.objectContaining({ kind: 'storage_fee', amount: done.storageFee })]);
    const keeper = await loginAs(browser, 'warehouse');
    const mv = (await api(keeper, 'GET', '/api/stock/movements?pageSize=20')).json.items as {
      kind: string;
      qty: string;
      refNo?: string | null;
    }[];
    expect(mv.some((m) => m.kind === 'return' && Number(m.qty) === 1)).toBe(true);
    await keeper.context().close();
    await page.context().close();
  });

  it('finance issues the red-letter invoice from the return, linked to the original', async () => {
    const page = await loginAs(browser, 'finance');
    await page.goto(`${base()}/returns/${ctx.returnId}`);
    await page.getByTestId('return-credit').click();
    await page.getByTestId('credit-invoice').click();
    await page.locator('.ant-select-item-option').first().click();
    await page.getByTestId('credit-external-no').fill(`E2E${stamp}`);
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByTestId('return-red-invoice').waitFor();
    const r = (await api(page, 'GET', `/api/sales-returns/${ctx.returnId}`)).json;
    expect(Number(r.redInvoice.totalGross)).toBeLessThan(0);
    expect(Number(r.redInvoice.totalGross)).toBe(-Number(r.totalAmount));
    const original = r.invoices.find((i: { id: number }) => i.id === r.redInvoice.id);
    expect(original.creditsInvoiceId).not.toBeNull();
    await shot(page, 'returns-detail-1440');
    await page.context().close();
  });

  it('works at 390 px: the list as cards and the detail, nothing scrolls sideways', async () => {
    const page = await loginAs(browser, 'rep1', 'phone');
    await page.goto(`${base()}/returns`);
    await page.getByTestId('table-row').first().waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'returns-list-390');
    await page.goto(`${base()}/returns/${ctx.returnId}`);
    await page.getByTestId('return-deadline').waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'returns-detail-390');
    await page.context().close();
  });
});

describe('post-sale processes (demo: the real-estate template with a late step)', () => {
  it.each(['desktop', 'phone'] as const)(
    'late steps, the process on its order and the templates (%s)',
    async (size) => {
      const width = SIZES[size].width;
      const page = await loginAs(browser, 'rep1', size);
      await page.goto(`${base()}/milestones/late`);
      await page.getByTestId('table-row').first().waitFor();
      expect(await page.getByTestId('table-row').first().textContent()).toContain('抵押登记');
      await expectNoSidewaysScroll(page);
      await shot(page, `milestones-late-${width}`);
      await page.getByTestId('table-row').first().click();
      await page.getByTestId('milestone-steps').waitFor();
      await expect.poll(() => page.getByTestId('milestone-steps').textContent()).toContain('已逾期');
      await expectNoSidewaysScroll(page);
      await shot(page, `milestones-process-${width}`);
      await page.context().close();
      const admin = await loginAs(browser, 'admin', size);
      await admin.goto(`${base()}/admin/milestone-templates`);
      await admin.getByText('商品房销售后续流程').first().waitFor();
      await expectNoSidewaysScroll(admin);
      await shot(admin, `milestones-templates-${width}`);
      await admin.context().close();
    },
  );
});
