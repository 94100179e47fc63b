import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSidewaysScroll, launch, loginAs, shot } from './browser.ts';
import { api, base, head, okPopconfirm, scanPdf, toast } from './q2c-helpers.ts';

/**
 * Files on records (issue 14 item 6): rep1 attaches a PDF to a customer and to an order on their
 * pages, opens it, removes the customer's; rep3 of the other department cannot reach the order's file.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Uploads through the attachments tab's picker and waits for the file in the list. */
async function attach(page: Page, fileName: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('attachment-upload').click();
  await (await chooser).setFiles({ name: fileName, mimeType: 'application/pdf', buffer: scanPdf(fileName) });
  await toast(page, '附件已上传');
  await page.getByTestId('attachment-item').filter({ hasText: fileName }).waitFor();
}

describe('attachments on customers and orders', () => {
  let orderFileId = 0;

  it('rep1 attaches, opens and removes a file on a customer (1440 px)', async () => {
    const page = await loginAs(browser, 'rep1');
    const customer = (await api(page, 'GET', '/api/customers?view=mine&pageSize=1')).json.items[0];
    await page.goto(`${base()}/customers/${customer.id}?tab=attachments`);
    await attach(page, '营业执照扫描件.pdf');
    const item = page.getByTestId('attachment-item').filter({ hasText: '营业执照扫描件.pdf' });
    const me = (await api(page, 'GET', '/api/auth/me')).json;
    expect(await item.textContent()).toContain(me.name);
    await shot(page, 'attachments-customer-1440');
    const list = (await api(page, 'GET', `/api/customers/${customer.id}/attachments`)).json.items;
    const file = await head(page, `/api/attachments/${list[0].id}`);
    expect(file).toMatchObject({ status: 200, type: 'application/pdf', magic: '%PDF-' });
    await page.getByTestId(`attachment-remove-${list[0].id}`).click();
    await okPopconfirm(page);
    await toast(page, '附件已删除');
    await item.waitFor({ state: 'detached' });
    expect((await head(page, `/api/attachments/${list[0].id}`)).status).toBe(404);
    // The customer's history says who added and removed it.
    await page.getByTestId('tab-timeline').click();
    await page.getByText('上传了附件').first().waitFor();
    await page.getByText('删除了附件').first().waitFor();
  });

  it('rep1 attaches a file to an order on a phone (390 px); another department cannot open it', async () => {
    const page = await loginAs(browser, 'rep1', 'phone');
    const order = (await api(page, 'GET', '/api/orders?pageSize=1')).json.items[0];
    await page.goto(`${base()}/orders/${order.id}?tab=attachments`);
    await attach(page, '客户订货单.pdf');
    await shot(page, 'attachments-order-390');
    await expectNoSidewaysScroll(page);
    orderFileId = (await api(page, 'GET', `/api/orders/${order.id}/attachments`)).json.items[0].id;
    const outsider = await loginAs(browser, 'rep3');
    expect((await head(outsider, `/api/attachments/${orderFileId}`)).status).toBe(404);
    expect((await api(outsider, 'GET', `/api/orders/${order.id}/attachments`)).status).toBe(404);
  });
});
