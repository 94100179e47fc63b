import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';

/**
 * Bulk actions of the customer list (issue 11 item 4): 批量转移 and 批量放入公海 apply the single
 * use case to every selected row in one transaction — all or nothing, a row out of scope fails
 * the batch with 404 — and 导出所选 exports exactly the selected rows through the export path.
 */
let env: TestEnv;
let org: Org;
let rep1: Client;
let rep1b: Client;
let rep2: Client;
let manager1: Client;
let manager2: Client;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  [rep1, rep1b, rep2, manager1, manager2] = await Promise.all(
    ['rep1', 'rep1b', 'rep2', 'manager1', 'manager2'].map((u) => Client.login(env.app, u)),
  );
});
afterAll(() => env.close());

type Row = { id: number; version: number };
let seq = 0;
async function newCustomer(owner: Client, name = '批量'): Promise<Row> {
  seq += 1;
  const res = await owner.post('/api/customers', {
    kind: 'company',
    name: `${name}${seq}号有限公司`,
    mobile: `1370000${String(seq).padStart(4, '0')}`,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id, version: res.json().version };
}

async function rowsOf(ids: number[]) {
  const { rows } = await env.database.pool.query(
    'select id, owner_id, owner_dept_id, pool_id, version from customers where id = any($1::bigint[]) order by id',
    [ids],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    ownerId: r.owner_id,
    ownerDeptId: r.owner_dept_id,
    poolId: r.pool_id,
    version: r.version,
  }));
}

async function auditOf(ids: number[], action: string) {
  const { rows } = await env.database.pool.query(
    `select entity_id, actor_id, comment from audit_log
     where entity_type = 'customer' and action = $2 and entity_id = any($1::bigint[]) order by entity_id`,
    [ids, action],
  );
  return rows.map((r) => ({ id: Number(r.entity_id), actorId: r.actor_id, comment: r.comment }));
}

describe('批量转移 (bulk transfer)', () => {
  it('moves every selected customer to the new owner and department, each audited', async () => {
    const a = await newCustomer(rep1);
    const b = await newCustomer(rep1b);
    const res = await manager1.post('/api/customers/bulk-transfer', {
      items: [a, b],
      toUserId: org.user.rep2,
      reason: '区域调整',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, count: 2 });
    expect(await rowsOf([a.id, b.id])).toEqual([
      { id: a.id, ownerId: org.user.rep2, ownerDeptId: org.dept.sales2, poolId: null, version: 2 },
      { id: b.id, ownerId: org.user.rep2, ownerDeptId: org.dept.sales2, poolId: null, version: 2 },
    ]);
    expect(await auditOf([a.id, b.id], 'transfer')).toEqual([
      { id: a.id, actorId: org.user.manager1, comment: '区域调整' },
      { id: b.id, actorId: org.user.manager1, comment: '区域调整' },
    ]);
  });

  it('fails the whole batch with 404 when one row is out of scope, and changes no row', async () => {
    const a = await newCustomer(rep1);
    const b = await newCustomer(rep1b);
    const outside = await newCustomer(rep2);
    const before = await rowsOf([a.id, b.id, outside.id]);
    const res = await manager1.post('/api/customers/bulk-transfer', {
      items: [a, outside, b],
      toUserId: org.user.teamRep,
      reason: '越权',
    });
    expect(res.statusCode, res.body).toBe(404);
    expect(await rowsOf([a.id, b.id, outside.id])).toEqual(before);
    expect(await auditOf([a.id, b.id, outside.id], 'transfer')).toEqual([]);
  });

  it('is all or nothing on a stale row too (412), and on a row already with the new owner (400)', async () => {
    const a = await newCustomer(rep1);
    const b = await newCustomer(rep1b);
    const before = await rowsOf([a.id, b.id]);
    const stale = await manager1.post('/api/customers/bulk-transfer', {
      items: [a, { id: b.id, version: b.version + 1 }],
      toUserId: org.user.rep2,
      reason: '调整',
    });
    expect(stale.statusCode, stale.body).toBe(412);
    const same = await manager1.post('/api/customers/bulk-transfer', {
      items: [a, b],
      toUserId: org.user.rep1b,
      reason: '调整',
    });
    expect(same.statusCode, same.body).toBe(400);
    expect(same.json().fields).toEqual([expect.objectContaining({ field: 'toUserId' })]);
    expect(await rowsOf([a.id, b.id])).toEqual(before);
  });

  it('needs the transfer right: a rep gets 403 and nothing changes', async () => {
    const a = await newCustomer(rep1);
    const res = await rep1.post('/api/customers/bulk-transfer', { items: [a], toUserId: org.user.rep1b, reason: 'x' });
    expect(res.statusCode).toBe(403);
    expect((await rowsOf([a.id]))[0].ownerId).toBe(org.user.rep1);
  });

  it('caps the batch at 200 rows and refuses a row given twice, as field errors', async () => {
    const items = Array.from({ length: 201 }, (_, i) => ({ id: i + 1, version: 1 }));
    const big = await manager1.post('/api/customers/bulk-transfer', { items, toUserId: org.user.rep2, reason: 'x' });
    expect(big.statusCode).toBe(400);
    expect(big.json().fields).toEqual([expect.objectContaining({ field: 'items', message: '最多 200 项' })]);
    const a = await newCustomer(rep1);
    const twice = await manager1.post('/api/customers/bulk-transfer', {
      items: [a, a],
      toUserId: org.user.rep2,
      reason: 'x',
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().fields).toEqual([
      expect.objectContaining({ field: 'items', code: 'validation.bulk.duplicate' }),
    ]);
  });
});

describe('批量放入公海 (bulk release to the pool)', () => {
  it('releases the owner’s selected customers to their home pool, each audited with the reason', async () => {
    const a = await newCustomer(rep1);
    const b = await newCustomer(rep1);
    const res = await rep1.post('/api/customers/bulk-release', { items: [a, b], reason: '无意向' });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await rowsOf([a.id, b.id]);
    for (const r of rows) expect(r).toMatchObject({ ownerId: null, ownerDeptId: null, version: 2 });
    expect(rows[0].poolId).not.toBeNull();
    expect((await auditOf([a.id, b.id], 'release')).map((r) => r.comment)).toEqual(['无意向', '无意向']);
    const { rows: hist } = await env.database.pool.query(
      'select customer_id, how from pool_history where customer_id = any($1::bigint[])',
      [[a.id, b.id]],
    );
    expect(hist.map((h) => h.how)).toEqual(['release', 'release']);
  });

  it('fails the batch when a row is out of scope (404) or another rep’s (403), changing nothing', async () => {
    const mine = await newCustomer(rep1);
    const theirs = await newCustomer(rep2);
    const colleague = await newCustomer(rep1b);
    const before = await rowsOf([mine.id, theirs.id, colleague.id]);
    const out = await rep1.post('/api/customers/bulk-release', { items: [mine, theirs], reason: '退回' });
    expect(out.statusCode, out.body).toBe(404);
    // manager2 sees neither of 销售一部's customers.
    expect((await manager2.post('/api/customers/bulk-release', { items: [mine], reason: '退回' })).statusCode).toBe(
      404,
    );
    expect(await rowsOf([mine.id, theirs.id, colleague.id])).toEqual(before);
    expect(await auditOf([mine.id, theirs.id, colleague.id], 'release')).toEqual([]);
  });

  it('lets the manager release his reps’ customers (退回 on their behalf)', async () => {
    const a = await newCustomer(rep1);
    const b = await newCustomer(rep1b);
    const res = await manager1.post('/api/customers/bulk-release', { items: [a, b], reason: '长期无跟进' });
    expect(res.statusCode, res.body).toBe(200);
    for (const r of await rowsOf([a.id, b.id])) expect(r.ownerId).toBeNull();
  });
});

async function sheetRows(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('导出所选 (export selected)', () => {
  it('exports exactly the selected customers, masked as on screen', async () => {
    const a = await newCustomer(rep1, '导出甲');
    const b = await newCustomer(rep1b, '导出乙');
    await newCustomer(rep1, '导出丙');
    const res = await manager1.get(`/api/customers/export?ids=${a.id},${b.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0].slice(0, 2)).toEqual(['客户编号', '客户名称']);
    const names = rows.slice(1).map((r) => r[1]);
    expect(names.sort()).toEqual([`导出甲${seq - 2}号有限公司`, `导出乙${seq - 1}号有限公司`].sort());
    // manager1 heads 销售一部: the mobiles are in clear for him.
    expect(rows.slice(1).map((r) => r[3])).toEqual(expect.arrayContaining([expect.stringMatching(/^137\d{8}$/)]));
  });

  it('answers 404 when a selected customer is outside the export scope, and caps the selection', async () => {
    const a = await newCustomer(rep1, '导出丁');
    const outside = await newCustomer(rep2, '导出戊');
    expect((await manager1.get(`/api/customers/export?ids=${a.id},${outside.id}`)).statusCode).toBe(404);
    expect((await manager1.get('/api/customers/export?ids=987654321')).statusCode).toBe(404);
    const many = Array.from({ length: 201 }, (_, i) => i + 1).join(',');
    const capped = await manager1.get(`/api/customers/export?ids=${many}`);
    expect(capped.statusCode).toBe(400);
    expect(capped.json().fields[0].field).toBe('ids');
  });
});
