import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, seedOrg, type TestEnv } from '../../../test/harness.ts';

let env: TestEnv;
let admin: Client;
let director: Client;
let rep: Client;
let finance: Client;
let gm: Client;

beforeAll(async () => {
  env = await createTestEnv();
  await seedOrg(env);
  admin = await Client.login(env.app, 'admin');
  director = await Client.login(env.app, 'director');
  rep = await Client.login(env.app, 'rep1');
  finance = await Client.login(env.app, 'finance');
  gm = await Client.login(env.app, 'gm');
});
afterAll(() => env.close());

const base = {
  code: 'P-1001',
  name: '医用监护仪',
  spec: 'MX-500',
  unit: '台',
  barcode: '6901234567892',
  taxRate: '13.00',
  standardPrice: '12800.00',
  floorPrice: '11500.00',
  cost: '7300.50',
  warrantyMonths: 24,
  tracking: 'serial',
  attributes: { 品牌: '康泰' },
  requiresChineseLabel: true,
};

async function auditRows(entityType: string, entityId: number) {
  const r = await env.database.pool.query(
    'select action, changes, actor_id from audit_log where entity_type = $1 and entity_id = $2 order by id',
    [entityType, entityId],
  );
  return r.rows as { action: string; changes: { field: string; old: unknown; new: unknown }[] }[];
}

async function xlsxRows(res: { rawPayload: Buffer }) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const out: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

describe('product categories', () => {
  it('creates, edits (versioned) and refuses to delete a category in use, with its checklist', async () => {
    const bad = await admin.post('/api/product-categories', {
      code: 'MED',
      name: '医疗器械',
      inspectionChecklist: [
        { key: 'label', label: '中文标签' },
        { key: 'label', label: '重复' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ field: 'inspectionChecklist.1.key', message: '检验项目编码重复' });

    const res = await admin.post('/api/product-categories', {
      code: 'MED',
      name: '医疗器械',
      inspectionChecklist: [{ key: 'label', label: '中文标签' }],
    });
    expect(res.statusCode).toBe(201);
    const cat = res.json();
    const dup = await admin.post('/api/product-categories', { code: 'MED', name: '另一个' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().fields[0]).toMatchObject({ field: 'code', message: '分类编码已存在' });

    const upd = await admin.put(`/api/product-categories/${cat.id}`, {
      code: 'MED',
      name: '医疗器械类',
      inspectionChecklist: [
        { key: 'label', label: '中文标签' },
        { key: 'cert', label: '合格证' },
      ],
      version: 1,
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({ version: 2, inspectionChecklist: [{ key: 'label' }, { key: 'cert' }] });
    const stale = await admin.put(`/api/product-categories/${cat.id}`, { code: 'MED', name: 'x', version: 1 });
    expect(stale.statusCode).toBe(412);
    expect((await auditRows('product_category', cat.id)).map((a) => a.action)).toEqual(['create', 'update']);

    const p = await admin.post('/api/products', {
      ...base,
      cost: undefined,
      code: 'CAT-USE',
      spec: null,
      barcode: null,
      categoryId: cat.id,
    });
    expect(p.statusCode).toBe(201);
    const del = await admin.delete(`/api/product-categories/${cat.id}?version=2`);
    expect(del.statusCode).toBe(409);
    expect(del.json().message).toBe('该分类下还有产品，不能删除');
    const list = (await rep.get('/api/product-categories')).json().items;
    expect(list).toEqual([expect.objectContaining({ code: 'MED', productCount: 1 })]);
    expect((await rep.post('/api/product-categories', { code: 'X', name: 'x' })).statusCode).toBe(403);
  });
});

describe('products', () => {
  let id: number;

  it('validates input field by field in Chinese and creates nothing', async () => {
    const res = await director.post('/api/products', {
      ...base,
      floorPrice: '13000.00',
      taxRate: '17.00',
      standardPrice: '12800.001',
    });
    expect(res.statusCode).toBe(400);
    const fields = Object.fromEntries(
      res.json().fields.map((f: { field: string; message: string }) => [f.field, f.message]),
    );
    expect(fields.standardPrice).toBe('金额格式不正确（非负数，最多两位小数）');
    expect(fields.taxRate).toBe('不在可选范围内'); // 17 % is not among TAX_RATES (13 / 9 / 6 / 3 / 1 / 0)
    const floor = await director.post('/api/products', { ...base, floorPrice: '13000.00' });
    expect(floor.statusCode).toBe(400);
    expect(floor.json().fields).toEqual([
      expect.objectContaining({ field: 'floorPrice', message: '最低限价不能高于标准价' }),
    ]);
    const cat = await director.post('/api/products', { ...base, categoryId: 999999 });
    expect(cat.json().fields[0]).toMatchObject({ field: 'categoryId', message: '产品分类不存在' });
    expect((await director.get('/api/products?keyword=P-1001')).json().total).toBe(0);
  });

  it('creates a product (code unique) with an audit row whose cost values stay secret', async () => {
    const res = await director.post('/api/products', base);
    expect(res.statusCode).toBe(201);
    const p = res.json();
    id = p.id;
    expect(p).toMatchObject({
      code: 'P-1001',
      standardPrice: '12800.00',
      floorPrice: '11500.00',
      cost: '7300.50',
      tracking: 'serial',
      version: 1,
    });
    const dup = await director.post('/api/products', { ...base, name: '别的' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().fields[0]).toMatchObject({ field: 'code', message: '产品编码已存在' });
    const [a] = await auditRows('product', id);
    expect(a.action).toBe('create');
    expect(a.changes).toEqual(
      expect.arrayContaining([
        { field: 'standardPrice', old: null, new: '12800.00' },
        { field: 'cost', old: null, new: '***' },
      ]),
    );
    expect(JSON.stringify(a.changes)).not.toContain('7300');
  });

  it('hides cost (key absent) from a sales rep in by-id, list, lookup and export; finance and the GM see it', async () => {
    const byId = (await rep.get(`/api/products/${id}`)).json();
    expect(byId.code).toBe('P-1001');
    expect('cost' in byId).toBe(false);
    const list = (await rep.get('/api/products?keyword=mx-500')).json();
    expect(list.items).toHaveLength(1);
    expect('cost' in list.items[0]).toBe(false);
    const lookup = (await rep.get('/api/products/lookup?q=6901234567892')).json().items;
    expect(lookup[0]).toMatchObject({ id, standardPrice: '12800.00' });
    expect('cost' in lookup[0]).toBe(false);
    const repXlsx = await xlsxRows(await rep.get('/api/products/export?keyword=P-1001'));
    expect(repXlsx[0]).not.toContain('成本');
    expect(JSON.stringify(repXlsx)).not.toContain('7300.5');

    for (const who of [finance, gm]) {
      expect((await who.get(`/api/products/${id}`)).json().cost).toBe('7300.50');
      expect((await who.get('/api/products?keyword=P-1001')).json().items[0].cost).toBe('7300.50');
    }
    const finXlsx = await xlsxRows(await finance.get('/api/products/export?keyword=P-1001'));
    expect(finXlsx[0]).toContain('成本');
    expect(finXlsx[1]).toContain('7300.50');
  });

  it('refuses a cost from a user without product.cost, and keeps the stored cost when they edit', async () => {
    const cur = (await admin.get(`/api/products/${id}`)).json();
    expect('cost' in cur).toBe(false);
    const { id: _i, version, categoryName: _c, pendingAdjustmentId: _p, createdAt: _a, updatedAt: _u, ...fields } = cur;
    expect((await admin.put(`/api/products/${id}`, { ...fields, cost: '1.00', version })).statusCode).toBe(403);
    const res = await admin.put(`/api/products/${id}`, { ...fields, name: '医用监护仪（新款）', version });
    expect(res.statusCode).toBe(200);
    expect((await finance.get(`/api/products/${id}`)).json()).toMatchObject({
      name: '医用监护仪（新款）',
      cost: '7300.50',
      version: 2,
    });
  });

  it('refuses a direct price change on update, and a stale version with 412; search text follows edits', async () => {
    const cur = (await director.get(`/api/products/${id}`)).json();
    const { id: _i, version, categoryName: _c, pendingAdjustmentId: _p, createdAt: _a, updatedAt: _u, ...fields } = cur;
    const price = await director.put(`/api/products/${id}`, { ...fields, standardPrice: '9999.00', version });
    expect(price.statusCode).toBe(400);
    expect(price.json().fields[0]).toMatchObject({
      field: 'standardPrice',
      message: '产品建档后不能直接修改价格，请提交调价申请',
    });
    const floor = await director.put(`/api/products/${id}`, { ...fields, floorPrice: '1.00', version });
    expect(floor.json().fields[0]).toMatchObject({ field: 'floorPrice' });
    const ok = await director.put(`/api/products/${id}`, { ...fields, spec: 'MX-900', cost: '7100.00', version });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      spec: 'MX-900',
      standardPrice: '12800.00',
      cost: '7100.00',
      version: version + 1,
    });
    const stale = await director.put(`/api/products/${id}`, { ...fields, name: '过期', version });
    expect(stale.statusCode).toBe(412);
    expect((await director.get(`/api/products/${id}`)).json().name).toBe('医用监护仪（新款）');
    expect((await rep.get('/api/products?keyword=mx-500')).json().total).toBe(0);
    expect((await rep.get('/api/products?keyword=MX-900')).json().total).toBe(1);
    const audit = await auditRows('product', id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
    expect(audit[2].changes).toEqual(
      expect.arrayContaining([
        { field: 'spec', old: 'MX-500', new: 'MX-900' },
        { field: 'cost', old: '***', new: '***' },
      ]),
    );
    expect((await rep.put(`/api/products/${id}`, { ...fields, version: version + 1 })).statusCode).toBe(403);
  });

  it('filters by category, active and keyword, paginates with a capped count, and looks up for order entry', async () => {
    const mk = (code: string, name: string, extra: object = {}) =>
      director.post('/api/products', {
        code,
        name,
        unit: '件',
        taxRate: '9.00',
        standardPrice: '10.00',
        floorPrice: '8.00',
        ...extra,
      });
    for (let i = 1; i <= 5; i++) expect((await mk(`TS-${i}`, `T恤 ${i}号`, { spec: `尺码${i}` })).statusCode).toBe(201);
    await mk('TS-OLD', '旧款T恤', { active: false });
    const page = (await rep.get('/api/products?keyword=t恤&pageSize=2&page=2')).json();
    expect(page).toMatchObject({ total: 6, totalCapped: false, page: 2, pageSize: 2 });
    expect(page.items.map((p: { code: string }) => p.code)).toEqual(['TS-3', 'TS-4']);
    expect(
      (await rep.get('/api/products?keyword=T恤&active=false')).json().items.map((p: { code: string }) => p.code),
    ).toEqual(['TS-OLD']);
    expect((await rep.get('/api/products/count?keyword=T恤&active=true')).json()).toEqual({ total: 5, capped: false });
    const cats = (await rep.get('/api/product-categories')).json().items;
    expect(
      (await rep.get(`/api/products?categoryId=${cats[0].id}`)).json().items.map((p: { code: string }) => p.code),
    ).toEqual(['CAT-USE']);
    const found = (await rep.get('/api/products/lookup?q=TS-')).json().items;
    expect(found.map((p: { code: string }) => p.code)).toEqual(['TS-1', 'TS-2', 'TS-3', 'TS-4', 'TS-5']);
    expect((await rep.get('/api/products/lookup?q=尺码3')).json().items.map((p: { code: string }) => p.code)).toEqual([
      'TS-3',
    ]);
    expect((await rep.get('/api/products?pageSize=500')).statusCode).toBe(400);
  });
});
