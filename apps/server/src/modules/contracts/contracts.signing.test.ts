import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, ctxFor, type TestEnv } from '../../../test/harness.ts';
import { type ContractFixture, contractFixture } from './contracts.fixture.ts';
import { contracts } from './contracts.schema.ts';
import { addDays, plan, scan } from './contracts.testkit.ts';
import { applyContractMoney } from './index.ts';

// Signing and the ledger (签订、合同台账); drafting and review are in contracts.test.ts.
let env: TestEnv;
let rep: Client;
let rep2: Client;
let manager1: Client;
let admin: Client;
let today: string;
let detail: ContractFixture['detail'];
let approvedContract: ContractFixture['approvedContract'];

beforeAll(async () => {
  ({ env, rep, rep2, manager1, admin, today, detail, approvedContract } = await contractFixture());
});
afterAll(() => env.close());

/** The cell values of the first sheet, row by row. */
async function xlsxRows(payload: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('signing (签订)', () => {
  it('records date, signatories and the scan; the scan downloads for the owner, 404 for rep2', async () => {
    const c = await approvedContract();
    expect(
      (
        await rep.post(`/api/contracts/${c.id}/sign`, {
          version: c.version,
          signedDate: today,
          ourSignatory: '李经理',
          customerSignatory: '客户代表',
          scan,
        })
      ).statusCode,
    ).toBe(403);
    const res = await manager1.post(`/api/contracts/${c.id}/sign`, {
      version: c.version,
      signedDate: today,
      ourSignatory: '李经理',
      customerSignatory: '客户代表',
      scan,
    });
    expect(res.statusCode).toBe(200);
    const signed = await detail(c.id);
    expect(signed).toMatchObject({
      status: 'signed',
      signedDate: today,
      ourSignatory: '李经理',
      customerSignatory: '客户代表',
    });
    expect(signed.attachments).toEqual([
      expect.objectContaining({ id: res.json().scan.id, purpose: 'contract_scan', fileName: '合同扫描件.png' }),
    ]);
    // The history names the scan by its file (issue 11: "扫描件 → 4" showed its id).
    const history = (await rep.get(`/api/contracts/${c.id}/timeline`)).json().items;
    const scanChange = history
      .flatMap((e: { changes: { field: string; new: unknown }[] }) => e.changes)
      .find((ch: { field: string }) => ch.field === 'scanAttachmentId');
    expect(scanChange.new).toBe('合同扫描件.png');
    const file = await rep.get(`/api/attachments/${res.json().scan.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(Buffer.from(scan.contentBase64, 'base64'))).toBe(true);
    expect((await rep2.get(`/api/attachments/${res.json().scan.id}`)).statusCode).toBe(404);
    const again = await manager1.post(`/api/contracts/${c.id}/sign`, {
      version: signed.version,
      signedDate: today,
      ourSignatory: 'x',
      customerSignatory: 'y',
      scan,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('合同当前状态（已签订）不允许此操作（签订）');
    expect((await detail(c.id)).ourSignatory).toBe('李经理');
  });

  it('under contracts.signAfterDownPayment refuses signing until the deposit is received', async () => {
    const pol = (await admin.get('/api/policies'))
      .json()
      .items.find((p: { key: string }) => p.key === 'contracts.signAfterDownPayment');
    expect(
      (await admin.put('/api/policies/contracts.signAfterDownPayment', { value: true, version: pol.version }))
        .statusCode,
    ).toBe(200);
    try {
      const c = await approvedContract();
      const body = {
        version: c.version,
        signedDate: today,
        ourSignatory: '李经理',
        customerSignatory: '客户代表',
        scan,
      };
      const refused = await manager1.post(`/api/contracts/${c.id}/sign`, body);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().message).toBe('须先收到定金/首期款 ¥30,000.00 才能签订合同（已收 ¥0.00）');
      expect((await detail(c.id)).attachments).toEqual([]);
      const ctx = await ctxFor(env, await Client.login(env.app, 'finance'));
      await env.database.db.transaction((tx) =>
        applyContractMoney(tx, ctx, c.id, { received: '30000.00', planItemId: c.paymentPlan[0].id }),
      );
      expect((await manager1.post(`/api/contracts/${c.id}/sign`, body)).statusCode).toBe(200);
    } finally {
      const now = (await admin.get('/api/policies'))
        .json()
        .items.find((p: { key: string }) => p.key === 'contracts.signAfterDownPayment');
      await admin.put('/api/policies/contracts.signAfterDownPayment', { value: false, version: now.version });
    }
  });
});

describe('ledger (合同台账)', () => {
  it('keeps invoiced/received through applyContractMoney; remaining and overdue follow', async () => {
    const c = await approvedContract({
      paymentPlan: plan(['deposit', addDays(today, -5), '30000.00'], ['final', addDays(today, 30), '70000.00']),
      title: '台账测试合同',
    });
    const ctx = await ctxFor(env, await Client.login(env.app, 'finance'));
    const apply = (d: Parameters<typeof applyContractMoney>[3]) =>
      env.database.db.transaction((tx) => applyContractMoney(tx, ctx, c.id, d));
    await apply({ invoiced: '50000.00' });
    await apply({ received: '20000.00', planItemId: c.paymentPlan[0].id });
    const row = (await rep.get('/api/contracts?keyword=台账测试合同')).json().items[0];
    expect(row).toMatchObject({
      amount: '100000.00',
      invoicedAmount: '50000.00',
      receivedAmount: '20000.00',
      remainingAmount: '80000.00',
      overdue: true,
    });
    const d = await detail(c.id);
    expect(d.paymentPlan[0]).toMatchObject({ receivedAmount: '20000.00', overdue: true });
    expect(d.risks).toEqual([{ code: 'instalment_overdue', params: { count: 1, amount: '10000.00' } }]);
    expect((await rep.get('/api/contracts/count?overdue=true&keyword=台账测试合同')).json().total).toBe(1);

    const other = await approvedContract();
    await expect(apply({ received: '1.00', planItemId: other.paymentPlan[0].id })).rejects.toMatchObject({
      status: 400,
    });
    await expect(apply({ invoiced: '-50000.01' })).rejects.toMatchObject({ status: 409 });
    await apply({ received: '10000.00', planItemId: c.paymentPlan[0].id });
    expect((await rep.get('/api/contracts?keyword=台账测试合同')).json().items[0]).toMatchObject({
      receivedAmount: '30000.00',
      overdue: false,
    });
    const [db] = await env.database.db.select().from(contracts).where(eq(contracts.id, c.id));
    expect(db.version).toBe(c.version);
  });

  it('filters by status and expiring within N days, and exports xlsx', async () => {
    const soon = await approvedContract({ title: '即将到期合同', endDate: addDays(today, 20) });
    await manager1.post(`/api/contracts/${soon.id}/sign`, {
      version: soon.version,
      signedDate: today,
      ourSignatory: 'a',
      customerSignatory: 'b',
      scan,
    });
    const list = (await rep.get('/api/contracts?expiringWithinDays=30&status=signed')).json();
    expect(list.items.map((i: { title: string }) => i.title)).toContain('即将到期合同');
    expect(list.items.every((i: { endDate: string }) => i.endDate <= addDays(today, 30))).toBe(true);
    const x = await rep.get('/api/contracts/export?keyword=即将到期');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const rows = await xlsxRows(x.rawPayload);
    expect(rows[0].slice(0, 4)).toEqual(['合同编号', '合同名称', '客户', '状态']);
    // The filter applies, the status is its label, the amount a number cell.
    expect(rows.slice(1)).toEqual([
      expect.arrayContaining([soon.no, '即将到期合同', '合同测试客户有限公司', '已签订', 100000]),
    ]);
    const other = await rep2.get('/api/contracts/export');
    expect(other.statusCode).toBe(200);
    expect((await xlsxRows(other.rawPayload)).flat()).not.toContain(soon.no);
  });
});
