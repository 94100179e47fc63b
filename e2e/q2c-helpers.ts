import type { Browser, Locator, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import './provided.ts';

/** Shared browser helpers of the quote-to-cash end-to-end test (issue 4). */
export const base = () => inject('baseUrl');

export async function loginAs(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1500, height: 950 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(`${base()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

/** JSON API call inside the signed-in page (cookie session + CSRF token), like the web app does. */
export async function api(page: Page, method: string, url: string, body?: unknown) {
  // biome-ignore lint/suspicious/noExplicitAny: JSON from the API under test, asserted field by field
  return page.evaluate<{ status: number; json: any }, { method: string; url: string; body: unknown }>(
    async ({ method, url, body }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : null };
    },
    { method, url, body },
  );
}

/** A GET of a binary resource inside the page: status, content type and size. */
export async function head(page: Page, url: string) {
  return page.evaluate(async (u) => {
    const res = await fetch(u);
    const buf = new Uint8Array(await res.arrayBuffer());
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      size: buf.length,
      magic: String.fromCharCode(...buf.slice(0, 5)),
    };
  }, url);
}

/** The input inside (or at) a test id: antd puts data-testid on the wrapper or on the input. */
export function inputOf(scope: Page | Locator, testId: string): Locator {
  return scope.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

/** Opens an antd Select and clicks the visible option containing `text` (typing it first when searchable). */
export async function pick(page: Page, select: Locator, text: string, type = false) {
  // Under load a click during an animation lands elsewhere: seen with a modal still zooming in (the
  // select never got focus, the text went nowhere) and a dropdown still sliding in (the option was
  // highlighted, not chosen). Wait for both to settle first.
  await page.locator('.ant-modal[class*="ant-zoom"]').first().waitFor({ state: 'detached' });
  await select.click();
  if (type) await page.keyboard.type(text);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
  await option.waitFor();
  await page.locator('.ant-select-dropdown[class*="slide-up"]:visible').first().waitFor({ state: 'detached' });
  await option.click();
}

/** Sets an antd DatePicker by typing the date. */
export async function setDate(page: Page, picker: Locator, date: string) {
  const input = picker.locator('input').first();
  await input.click();
  await input.fill(date);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
}

/**
 * The open modal once its zoom-in has finished: a click during the animation can land where a
 * neighbouring option ends up (seen under load: 销售合同 clicked, 销售订单 chosen).
 */
export async function openModal(page: Page): Promise<Locator> {
  const modal = page.locator('.ant-modal-wrap:visible .ant-modal').last();
  await modal.waitFor();
  // No modal is mid-animation any more (antd marks it with an ant-zoom-* class meanwhile).
  await page.locator('.ant-modal[class*="ant-zoom"]').first().waitFor({ state: 'detached' });
  return modal;
}

/** The primary button of the open (top-most) modal or confirm dialog, once it has finished zooming in. */
export async function okModal(page: Page) {
  const btn = page
    .locator(
      '.ant-modal-wrap:visible .ant-modal-confirm-btns .ant-btn-primary, .ant-modal-wrap:visible .ant-modal-footer .ant-btn-primary',
    )
    .last();
  await btn.waitFor();
  // Under load a click on the confirm dialog's OK during its zoom-in was lost (a contract stayed 草稿).
  await page.locator('.ant-modal[class*="ant-zoom"]').first().waitFor({ state: 'detached' });
  await btn.click();
}

export async function okPopconfirm(page: Page) {
  const btn = page.locator('.ant-popover:visible .ant-popconfirm-buttons .ant-btn-primary').last();
  await btn.waitFor();
  await btn.click();
}

/** Waits for an antd message (toast) containing `text` and returns its full text. */
export async function toast(page: Page, text: string | RegExp): Promise<string> {
  const msg = page.locator('.ant-message-notice').filter({ hasText: text }).first();
  await msg.waitFor({ timeout: 15_000 });
  return (await msg.textContent()) ?? '';
}

/** Approves the current step of an approval in the browser (on its page or a document's panel). */
export async function approveHere(page: Page, comment?: string) {
  await page.getByTestId('approval-approve').click();
  const submit = page.getByTestId('approval-action-submit');
  await submit.waitFor();
  // As in okModal: a click during the dialog's zoom-in was lost under load (the step stayed pending).
  await page.locator('.ant-modal[class*="ant-zoom"]').first().waitFor({ state: 'detached' });
  if (comment) await page.locator('.ant-modal-wrap:visible textarea').first().fill(comment);
  await submit.click();
  await page.getByTestId('approval-approve').waitFor({ state: 'detached' });
}

export async function statusText(page: Page, testId: string) {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
}

export async function expectStatus(page: Page, testId: string, text: string) {
  await expect.poll(() => statusText(page, testId), { timeout: 15_000 }).toContain(text);
}

/** A tiny valid one-page PDF (the "scanned" signed copy). */
export function scanPdf(title: string): Buffer {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>',
  ];
  let out = `%PDF-1.4\n% ${title}\n`;
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Today and n days ahead in the company's time zone (Asia/Shanghai). */
export const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
export const inDays = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * 86400_000).toISOString().slice(0, 10);

type As = (user: string) => Promise<Page>;
const done = (p: Page) => p.context().close();

/**
 * The test's own master data through the API: a category with an inspection checklist, a
 * batch-tracked product (standard 1000, floor 900), 20 in stock in one batch of a new warehouse,
 * and a customer of rep1 whose credit limit of 1,000.00 was approved by the dept head.
 */
export async function seedMasterData(
  as: As,
  S: { product: string; productName: string; batch: string; warehouse: string; customer: string },
  stamp: string,
) {
  const admin = await as('admin');
  const cat = await api(admin, 'POST', '/api/product-categories', {
    code: `E2E${stamp}`,
    name: `端到端阀门${stamp}`,
    inspectionChecklist: [
      { key: 'appearance', label: '外观无损伤' },
      { key: 'nameplate', label: '铭牌与合格证齐全' },
    ],
  });
  expect(cat.status, JSON.stringify(cat.json)).toBe(201);
  const category = cat.json.id as number;
  const prod = await api(admin, 'POST', '/api/products', {
    code: S.product,
    name: S.productName,
    spec: 'DN50 PN16',
    unit: '台',
    categoryId: category,
    taxRate: '13.00',
    standardPrice: '1000.00',
    floorPrice: '900.00',
    tracking: 'batch',
    warrantyMonths: 12,
  });
  expect(prod.status, JSON.stringify(prod.json)).toBe(201);
  const product = prod.json.id as number;
  await done(admin);

  const wh = await as('warehouse');
  const w = await api(wh, 'POST', '/api/warehouses', { code: `W${stamp}`, name: S.warehouse });
  expect(w.status, JSON.stringify(w.json)).toBe(201);
  const warehouse = w.json.id as number;
  const inbound = await api(wh, 'POST', '/api/stock/inbound', {
    warehouseId: warehouse,
    productId: product,
    qty: '20',
    batchNo: S.batch,
    expiryDate: inDays(720),
  });
  expect(inbound.status, JSON.stringify(inbound.json)).toBe(201);
  const batches = await api(wh, 'GET', `/api/stock/batches?productId=${product}`);
  const batch: number = batches.json.items.find((b: { batchNo: string }) => b.batchNo === S.batch).id;
  await done(wh);

  // A customer of rep1 with a low credit limit (credit request approved by the dept head).
  const rep = await as('rep1');
  const c = await api(rep, 'POST', '/api/customers', { kind: 'individual', name: S.customer, mobile: `136${stamp}55` });
  expect(c.status, JSON.stringify(c.json)).toBe(201);
  const customer = c.json.id as number;
  const cr = await api(rep, 'POST', `/api/customers/${customer}/credit-requests`, {
    rating: 'C',
    creditLimit: '1000.00',
    paymentTermsDays: 30,
    reason: '新客户，小额授信',
  });
  expect(cr.status, JSON.stringify(cr.json)).toBe(201);
  await done(rep);
  const mgr = await as('manager1');
  const ok = await api(mgr, 'POST', `/api/approvals/${cr.json.instanceId}/approve`, { comment: '同意' });
  expect(ok.status, JSON.stringify(ok.json)).toBe(200);
  expect((await api(mgr, 'GET', `/api/customers/${customer}`)).json.creditLimit).toBe('1000.00');
  await done(mgr);
  return { category, product, warehouse, batch, customer };
}
