import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';

// PIPL: the access log of unmasked personal-data views can be read and exported by the admin /
// personal-information officer (accesslog.view), filtered by user, record and period.
let env: TestEnv;
let org: Org;
let admin: Client;
let rep1: Client;
let manager1: Client;
let customer: { id: number; no: string };
const q = (text: string, params: unknown[] = []) => env.database.pool.query(text, params);

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  [admin, rep1, manager1] = await Promise.all(['admin', 'rep1', 'manager1'].map((u) => Client.login(env.app, u)));
  const c = await rep1.post('/api/customers', { kind: 'company', name: '访问日志测试有限公司', mobile: '13812340000' });
  customer = c.json();
  await rep1.post('/api/customers', { kind: 'company', name: '另一家有限公司', mobile: '13812340001' });
  // Start from an empty log (creating answers with the detail, which is logged too).
  await q('truncate access_log');
  // rep1 opens the detail (clear: owner), manager1 the list (clear: above the owner).
  expect((await rep1.get(`/api/customers/${customer.id}`)).json().mobile).toBe('13812340000');
  expect((await manager1.get('/api/customers')).statusCode).toBe(200);
});
afterAll(() => env.close());

describe('access log', () => {
  it('is readable only with accesslog.view (granted to the admin)', async () => {
    expect((await rep1.get('/api/access-log')).statusCode).toBe(403);
    expect((await manager1.get('/api/access-log/export')).statusCode).toBe(403);
    expect((await admin.get('/api/access-log')).statusCode).toBe(200);
  });

  it('lists who viewed which record and when, newest first, naming the records', async () => {
    const body = (await admin.get('/api/access-log')).json();
    expect(body.total).toBe(2);
    expect(body.items[0]).toMatchObject({
      userId: org.user.manager1,
      userName: '李经理',
      deptName: '销售一部',
      entityType: 'customer',
      purpose: 'customer.list',
      // The list shows the mobile and the birth date (customer attributes, SPEC 2.4), unmasked.
      fields: ['mobile', 'birthDate'],
      recordCount: 2,
    });
    expect(body.items[1]).toMatchObject({
      userName: '张三',
      purpose: 'customer.detail',
      records: [{ id: customer.id, label: `${customer.no} 访问日志测试有限公司` }],
    });
    expect(body.entityTypes).toEqual(
      expect.arrayContaining(['customer', 'customer_contact', 'frontdesk_registration']),
    );
  });

  it('filters by user, record (id, number or name) and period', async () => {
    const users = async (query: string) =>
      (await admin.get(`/api/access-log?${query}`)).json().items.map((i: { userName: string }) => i.userName);
    expect(await users(`userId=${org.user.rep1}`)).toEqual(['张三']);
    expect(await users(`entityType=customer&entityId=${customer.id}`)).toEqual(['李经理', '张三']);
    expect(await users(`entityType=customer&record=${customer.no}`)).toEqual(['李经理', '张三']);
    expect(await users(`entityType=customer&record=${encodeURIComponent('访问日志')}`)).toEqual(['李经理', '张三']);
    expect(await users(`entityType=customer&record=${encodeURIComponent('不存在的客户')}`)).toEqual([]);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(await users(`from=${today}&to=${today}`)).toHaveLength(2);
    expect(await users('from=2000-01-01&to=2000-12-31')).toEqual([]);
    // A name search needs its record type: field-level error.
    const bad = await admin.get('/api/access-log?record=x');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ field: 'entityType', code: 'accesslog.record_type_required' });
  });

  it('pages with a capped total', async () => {
    await q(
      `insert into access_log (user_id, entity_type, entity_ids, fields, purpose)
       select $1, 'customer', array[$2::bigint], array['mobile'], 'customer.detail' from generate_series(1, 45)`,
      [org.user.rep1, customer.id],
    );
    const p = (await admin.get(`/api/access-log?userId=${org.user.rep1}&page=3&pageSize=20`)).json();
    expect(p).toMatchObject({ total: 46, totalCapped: false, page: 3, pageSize: 20 });
    expect(p.items).toHaveLength(6);
  });

  it('exports the filtered log to xlsx in the user’s language', async () => {
    const res = await admin.request('GET', `/api/access-log/export?userId=${org.user.manager1}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('个人信息查看记录');
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['查看时间', '查看人', '部门', '记录类型', '记录', '记录数', '查看的字段', '用途']);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual([
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      '李经理',
      '销售一部',
      '客户',
      expect.stringContaining('访问日志测试有限公司'),
      2,
      '手机、出生日期',
      '客户列表',
    ]);
  });
});
