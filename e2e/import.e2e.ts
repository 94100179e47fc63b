import { PassThrough } from 'node:stream';
import { creditCodeCheckChar } from '@sales/core';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shot } from './browser.ts';
import { api, base } from './q2c-helpers.ts';

/**
 * Issue 14 "done means", import: a 10,000-row customer file (generated here with exceljs) with one
 * bad credit code at row 4,321 — the dry run names that row and column and the commit writes
 * nothing; the fixed file then brings all 10,000 customers with their contacts. The director works
 * in the browser at 1440 px; the page is checked at 390 px too. Screenshots in test-results/e2e.
 */
let browser: Browser;
const N = 10_000;
const BAD_ROW = 4321; // the sheet row (header is row 1)
const stamp = String(Date.now()).slice(-6);
const NAME = (i: number) => `导入验收${stamp}客户${i}号有限公司`;
const HEADERS = ['客户名称', '统一社会信用代码', '手机', '客户分类', '负责人', '联系人', '联系人手机'];

function creditCode(i: number): string {
  const first = `9144030QX${String((Number(stamp) * 10_000 + i) % 100_000_000).padStart(8, '0')}`;
  return first + creditCodeCheckChar(first);
}
function spoil(code: string): string {
  const last = code[17] === '1' ? '2' : '1';
  return code.slice(0, 17) + last;
}

async function sheet(bad: boolean): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((r) => out.on('end', r));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('客户');
  ws.addRow(HEADERS).commit();
  for (let i = 1; i <= N; i++) {
    const code = creditCode(i);
    const m = String((Number(stamp) * 10_000 + i) % 100_000_000).padStart(8, '0');
    ws.addRow([
      NAME(i),
      bad && i + 1 === BAD_ROW ? spoil(code) : code,
      `166${m}`,
      i % 10 === 0 ? '重点客户' : 'B 类',
      i % 2 === 0 ? 'rep1' : '',
      `联系人${i}`,
      `167${m}`,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}

async function login(username: string, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    isMobile: width < 500,
    hasTouch: width < 500,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await page.goto(`${base()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

async function uploadFile(page: Page, buffer: Buffer, name: string) {
  await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  await page.getByTestId('import-mapping').waitFor({ timeout: 60_000 });
}

const countMine = async (page: Page) =>
  (await api(page, 'GET', `/api/customers/count?keyword=${encodeURIComponent(`导入验收${stamp}`)}`)).json.total;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('xlsx import of 10,000 customers with contacts', () => {
  it('names the bad row and column, writes nothing, then imports the fixed file completely', async () => {
    const page = await login('director', 1440, 900);
    await page.goto(`${base()}/imports`);
    await page.getByTestId('import-page').waitFor();
    await shot(page, 'import-1-start');

    await uploadFile(page, await sheet(true), '客户导入-有错.xlsx');
    // The Chinese headers are recognised.
    await expect.poll(() => page.getByTestId('map-统一社会信用代码').innerText()).toContain('统一社会信用代码');
    await shot(page, 'import-2-mapping');

    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-invalid').waitFor({ timeout: 120_000 });
    const problem = page.getByTestId('import-problem').first();
    await expect.poll(() => problem.innerText()).toContain(String(BAD_ROW));
    const text = await problem.innerText();
    expect(text).toContain('统一社会信用代码');
    expect(text).toContain('校验');
    expect(await page.getByTestId('import-problem').count()).toBe(1);
    await shot(page, 'import-3-dry-run-problem');

    // The commit is refused while the file has a problem, and nothing was written.
    const jobs = (await api(page, 'GET', '/api/imports')).json.items as { id: number; status: string }[];
    expect(jobs[0].status).toBe('invalid');
    expect((await api(page, 'POST', `/api/imports/${jobs[0].id}/commit`, {})).status).toBe(409);
    expect(await countMine(page)).toBe(0);

    // The fixed file: all 10,000 arrive with their contacts.
    await page.getByTestId('import-again').click();
    await uploadFile(page, await sheet(false), '客户导入.xlsx');
    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-commit').waitFor({ timeout: 120_000 });
    await shot(page, 'import-4-validated');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-committed').waitFor({ timeout: 180_000 });
    await expect.poll(() => page.getByTestId('import-committed').innerText()).toContain('10,000');
    await shot(page, 'import-5-committed');
    expect(await countMine(page)).toBe(N);
    const found = (await api(page, 'GET', `/api/customers?keyword=${encodeURIComponent(NAME(BAD_ROW - 1))}&pageSize=5`))
      .json.items as { id: number; name: string }[];
    expect(found.map((c) => c.name)).toContain(NAME(BAD_ROW - 1));
    const contacts = (await api(page, 'GET', `/api/customers/${found[0].id}/contacts`)).json;
    const list = (Array.isArray(contacts) ? contacts : contacts.items) as { name: string; isPrimary: boolean }[];
    expect(list).toEqual([expect.objectContaining({ name: `联系人${BAD_ROW - 1}`, isPrimary: true })]);
    await page.context().close();
  }, 600_000);

  it('fits a phone (390 px) without sideways scroll', async () => {
    const page = await login('director', 390, 844);
    await page.goto(`${base()}/imports`);
    await page.getByTestId('import-page').waitFor();
    await page.getByTestId('import-history-row').first().waitFor();
    const [scroll, view] = (await page.evaluate(
      '[document.documentElement.scrollWidth, window.innerWidth]',
    )) as number[];
    expect(scroll).toBeLessThanOrEqual(view);
    await shot(page, 'import-6-phone');
    await page.context().close();
  }, 120_000);
});
