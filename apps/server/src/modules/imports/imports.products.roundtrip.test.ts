import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { importSteps } from './imports.kinds.test-helpers.ts';

/**
 * Round trip (issue 14 item 5): the product export of one company, imported unchanged into a
 * fresh company with the same categories, gives the same products (every exported column; the
 * exporter here holds no product.cost, so the file has no cost column).
 */
let from: TestEnv;
let to: TestEnv;
const P = importSteps('/api/imports/products', 'products');

beforeAll(async () => {
  [from, to] = await Promise.all([createTestEnv(), createTestEnv()]);
  await Promise.all([seedOrg(from), seedOrg(to)]);
}, 60_000);
afterAll(async () => Promise.all([from?.close(), to?.close()]));

const SNAPSHOT = `select p.code, p.name, p.spec, p.unit, p.barcode, c.code category, p.tax_rate, p.standard_price,
    p.floor_price, p.warranty_months, p.tracking, p.shelf_life_days, p.attributes, p.requires_chinese_label, p.active
  from products p left join product_categories c on c.id = p.category_id order by p.code`;

describe('product export → import', () => {
  it('brings the same products into a fresh company', async () => {
    const admin = await Client.login(from.app, 'admin');
    for (const env of [from, to])
      await env.database.pool.query(`insert into product_categories (code, name) values ('MED', '医疗器械')`);
    const cat = (await from.database.pool.query(`select id from product_categories where code = 'MED'`)).rows[0].id;
    const inputs = [
      {
        code: 'RT-1',
        name: '血压计',
        spec: 'BP-200',
        unit: '台',
        barcode: '6901234567890',
        categoryId: cat,
        taxRate: '13.00',
        standardPrice: '1280.00',
        floorPrice: '999.00',
        warrantyMonths: 24,
        tracking: 'serial',
        shelfLifeDays: null,
        attributes: { 颜色: '白', 品牌: '康健' },
        requiresChineseLabel: true,
      },
      {
        code: 'RT-2',
        name: '棉签',
        unit: '包',
        taxRate: '9.00',
        standardPrice: '3.50',
        floorPrice: '3.00',
        tracking: 'batch',
        shelfLifeDays: 730,
      },
      {
        code: 'RT-3',
        name: '停产件',
        unit: '个',
        taxRate: '0.00',
        standardPrice: '0.00',
        floorPrice: '0.00',
        active: false,
      },
    ];
    for (const b of inputs) {
      const r = await admin.post('/api/products', b);
      expect(r.statusCode, r.body).toBe(201);
    }
    const exported = await admin.get('/api/products/export');
    expect(exported.statusCode).toBe(200);

    const importer = await Client.login(to.app, 'admin');
    const id = await P.upload(importer, exported.rawPayload, '产品导出.xlsx');
    const job = await P.job(importer, id);
    expect(job).toMatchObject({ status: 'mapping', totalRows: 3 });
    // Every exported column is recognised.
    expect(Object.values(job.mapping).every((f) => f !== null)).toBe(true);
    expect((await P.dryRun(importer, id)).status).toBe('validated');
    expect(await P.commit(importer, id)).toMatchObject({ status: 'committed', createdCount: 3 });

    const a = (await from.database.pool.query(SNAPSHOT)).rows;
    const b = (await to.database.pool.query(SNAPSHOT)).rows;
    expect(a).toHaveLength(3);
    expect(b).toEqual(a);
  });
});
