import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertProduct } from '../../../test/q2c-seed.ts';
import { importSteps } from './imports.kinds.test-helpers.ts';
import { sheetBuffer } from './imports.test-seed.ts';
import { importHooks } from './index.ts';

/**
 * Product and price-list imports (SPEC 1.9 / 2.8, issue 14 item 5) over HTTP on a real PostgreSQL:
 * validators, unknown references, duplicates, all-or-nothing, permissions.
 */
let env: TestEnv;
let admin: Client;
let rep1: Client;
const P = importSteps('/api/imports/products', 'products');
const L = importSteps('/api/imports/price-lists', 'priceLists');
const q = async (text: string, params: unknown[] = []) => (await env.database.pool.query(text, params)).rows;
const HEAD = ['产品编码', '产品名称', '单位', '分类', '税率', '标准价', '最低限价', '追溯', '保修期(月)'];

beforeAll(async () => {
  env = await createTestEnv();
  await seedOrg(env);
  admin = await Client.login(env.app, 'admin');
  rep1 = await Client.login(env.app, 'rep1');
  await q(`insert into product_categories (code, name) values ('CARE', '护理用品')`);
  await insertProduct(env, { code: 'OLD-1' });
}, 60_000);
afterAll(async () => env?.close());
afterEach(() => {
  importHooks.afterBatch = null;
});

describe('product import', () => {
  it('is refused to users without product.manage (403), also its template', async () => {
    const buf = await sheetBuffer(HEAD, [['X-1', '甲', '支', '', '13', '10', '', '', '']]);
    const r = await rep1.post('/api/imports/products', {
      template: 'products',
      fileName: 'a.xlsx',
      contentBase64: buf.toString('base64'),
    });
    expect(r.statusCode).toBe(403);
    expect((await rep1.get('/api/imports/products/template')).statusCode).toBe(403);
    // A kind's file goes through its own route only.
    const wrong = await admin.post('/api/imports/products', {
      template: 'customers',
      fileName: 'a.xlsx',
      contentBase64: buf.toString('base64'),
    });
    expect(wrong.statusCode).toBe(400);
  });

  it('reports validators, unknown categories and duplicates by row and column, and writes nothing', async () => {
    const rows = [
      ['N-1', '好产品', '支', '护理用品', '13%', '128.00', '99', '批次', '12'],
      ['N-2', '坏税率', '支', '', '7', '10', '', '', ''],
      ['N-3', '限价高', '支', '', '13', '10', '20', '', ''],
      ['N-4', '无分类', '支', '不存在的分类', '13', '10', '', '', ''],
      ['N-1', '重复编码', '支', '', '13', '10', '', '', ''],
      ['OLD-1', '已有编码', '支', '', '13', '10', '', '', ''],
      ['N-7', '', '', '', '13', 'abc', '', '月度', '1.5'],
    ];
    const id = await P.upload(admin, await sheetBuffer(HEAD, rows));
    const j = await P.dryRun(admin, id);
    expect(j.status).toBe('invalid');
    const got = (await P.problems(admin, id)).map((p) => [p.row, p.column, p.message]);
    expect(got).toEqual(
      expect.arrayContaining([
        [3, '税率', expect.any(String)],
        [4, '最低限价', '最低限价不能高于标准价'],
        [5, '分类', '找不到产品分类「不存在的分类」（请填写分类编码或名称）'],
        [6, '产品编码', '与文件第 2 行重复'],
        [7, '产品编码', '产品编码已存在'],
        [8, '产品名称', '此项为必填项'],
        [8, '单位', '此项为必填项'],
        [8, '标准价', expect.any(String)],
        [8, '追溯', '无法识别的值「月度」'],
        [8, '保修期(月)', '请填写整数'],
      ]),
    );
    expect(got.some((p) => p[0] === 2)).toBe(false);
    expect((await q(`select count(*)::int n from products where code like 'N-%'`))[0].n).toBe(0);
  });

  it('creates every product through createProduct (prices, category, tax, audit) in one transaction', async () => {
    const rows = [
      ['C-1', '护手霜', '支', 'CARE', '0.13', '128.00', '99.00', 'batch', '12'],
      ['C-2', '润唇膏', '支', '护理用品', '9', '20', '', '', ''],
    ];
    const id = await P.upload(admin, await sheetBuffer(HEAD, rows), '产品.xlsx');
    expect((await P.dryRun(admin, id)).status).toBe('validated');
    expect(await P.commit(admin, id)).toMatchObject({ status: 'committed', createdCount: 2 });
    const got = await q(
      `select p.code, p.tax_rate, p.standard_price, p.floor_price, p.tracking, p.warranty_months, c.code cat
       from products p left join product_categories c on c.id = p.category_id where p.code like 'C-%' order by p.code`,
    );
    expect(got).toEqual([
      {
        code: 'C-1',
        tax_rate: '13.00',
        standard_price: '128.00',
        floor_price: '99.00',
        tracking: 'batch',
        warranty_months: 12,
        cat: 'CARE',
      },
      // No floor price: the standard price is the floor.
      {
        code: 'C-2',
        tax_rate: '9.00',
        standard_price: '20.00',
        floor_price: '20.00',
        tracking: 'none',
        warranty_months: 0,
        cat: 'CARE',
      },
    ]);
    const audits = await q(
      `select count(*)::int n from audit_log where entity_type = 'product' and action = 'create' and entity_id in (select id from products where code like 'C-%')`,
    );
    expect(audits[0].n).toBe(2);
    const result = await admin.get(`/api/imports/products/${id}/result`);
    expect(result.statusCode).toBe(200);
  });

  it('refuses a cost column from an importer without product.cost (restricted field)', async () => {
    const id = await P.upload(
      admin,
      await sheetBuffer([...HEAD, '成本'], [['CO-1', '甲', '个', '', '13', '10', '', '', '', '5']]),
    );
    expect((await P.dryRun(admin, id)).status).toBe('invalid');
    expect(await P.problems(admin, id)).toEqual([
      { row: 2, column: '成本', message: '您没有查看成本的权限，不能导入成本' },
    ]);
  });

  it('writes nothing when the commit is killed after the first batch', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => [`K-${i}`, `批量${i}`, '个', '', '13', '10', '', '', '']);
    const id = await P.upload(admin, await sheetBuffer(HEAD, rows));
    expect((await P.dryRun(admin, id)).status).toBe('validated');
    importHooks.afterBatch = (n) => {
      if (n === 1) throw new Error('killed');
    };
    expect((await P.commit(admin, id)).status).toBe('failed');
    expect((await q(`select count(*)::int n from products where code like 'K-%'`))[0].n).toBe(0);
  });

  it('refuses the whole file when a code was taken after the dry run', async () => {
    const id = await P.upload(
      admin,
      await sheetBuffer(HEAD, [
        ['R-1', '甲', '个', '', '13', '10', '', '', ''],
        ['R-2', '乙', '个', '', '13', '10', '', '', ''],
      ]),
    );
    expect((await P.dryRun(admin, id)).status).toBe('validated');
    await insertProduct(env, { code: 'R-2' });
    const j = await P.commit(admin, id);
    expect(j).toMatchObject({ status: 'invalid', createdCount: 0, errorCount: 1 });
    expect((await q(`select count(*)::int n from products where code = 'R-1'`))[0].n).toBe(0);
  });
});

const LHEAD = ['价格表名称', '类型', '客户分类', '生效日期', '失效日期', '产品编码', '价格'];

describe('price-list import', () => {
  it('is refused to users without price.manage (403)', async () => {
    const buf = await sheetBuffer(LHEAD, [['表', '', '', '2027-01-01', '', 'OLD-1', '1']]);
    const r = await rep1.post('/api/imports/price-lists', {
      template: 'priceLists',
      fileName: 'a.xlsx',
      contentBase64: buf.toString('base64'),
    });
    expect(r.statusCode).toBe(403);
  });

  it('reports unknown products, bad dates and prices, duplicates and disagreeing list rows', async () => {
    await q(`insert into price_lists (name, valid_from) values ('已有价格表', '2026-01-01')`);
    const rows = [
      ['春季价', '价格表', 'A', '2027-01-01', '2027-06-30', 'OLD-1', '90'],
      ['春季价', '价格表', 'A', '2027-01-01', '2027-06-30', 'NOPE', '90'],
      ['春季价', '价格表', 'A', '2027-01-01', '2027-06-30', 'OLD-1', '80'],
      ['春季价', '促销', 'A', '2027-01-01', '2027-06-30', 'C-1', '80'],
      ['秋季价', '价格表', 'Z', '2027-13-01', '', 'C-1', '-1'],
      ['已有价格表', '', '', '2027-01-01', '', 'C-1', '1'],
      ['倒序价', '', '', '2027-06-01', '2027-01-01', 'C-1', '1'],
    ];
    const id = await L.upload(admin, await sheetBuffer(LHEAD, rows));
    expect((await L.dryRun(admin, id)).status).toBe('invalid');
    const got = (await L.problems(admin, id)).map((p) => [p.row, p.column, p.message]);
    expect(got).toEqual(
      expect.arrayContaining([
        [3, '产品编码', '找不到产品编码「NOPE」'],
        [4, '产品编码', '与文件第 2 行重复'],
        [5, '价格表名称', '同一价格表的类型、客户分类、生效或失效日期须与第 2 行一致'],
        [6, '客户分类', '无法识别的值「Z」'],
        [6, '生效日期', expect.any(String)],
        [6, '价格', expect.any(String)],
        [7, '价格表名称', '已有同名价格表「已有价格表」'],
        [8, '失效日期', expect.any(String)],
      ]),
    );
    expect(got.some((p) => p[0] === 2)).toBe(false);
    expect((await q(`select count(*)::int n from price_lists where name = '春季价'`))[0].n).toBe(0);
  });

  it('creates one price list per name with its items through createPriceList', async () => {
    const rows = [
      ['夏季价', '价格表', 'B 类', '2027/7/1', '2027-09-30', 'OLD-1', '88.5'],
      ['夏季价', '价格表', 'B 类', '2027/7/1', '2027-09-30', 'C-1', '120'],
      ['夏促', '促销', '', '2027-07-01', '', 'C-2', '15'],
    ];
    const id = await L.upload(admin, await sheetBuffer(LHEAD, rows));
    expect((await L.dryRun(admin, id)).status).toBe('validated');
    expect(await L.commit(admin, id)).toMatchObject({ status: 'committed', createdCount: 2 });
    const got = await q(
      `select l.name, l.kind, l.customer_class, l.valid_from::text, l.valid_to::text, p.code, i.price
       from price_lists l join price_list_items i on i.price_list_id = l.id join products p on p.id = i.product_id
       where l.name in ('夏季价', '夏促') order by l.name, p.code`,
    );
    expect(got).toEqual([
      {
        name: '夏促',
        kind: 'promotion',
        customer_class: null,
        valid_from: '2027-07-01',
        valid_to: null,
        code: 'C-2',
        price: '15.00',
      },
      {
        name: '夏季价',
        kind: 'list',
        customer_class: 'B',
        valid_from: '2027-07-01',
        valid_to: '2027-09-30',
        code: 'C-1',
        price: '120.00',
      },
      {
        name: '夏季价',
        kind: 'list',
        customer_class: 'B',
        valid_from: '2027-07-01',
        valid_to: '2027-09-30',
        code: 'OLD-1',
        price: '88.50',
      },
    ]);
    const audits = await q(
      `select count(*)::int n from audit_log where entity_type = 'price_list' and action = 'create'`,
    );
    expect(audits[0].n).toBe(2);
  });
});
