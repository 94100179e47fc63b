import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertProduct, insertWarehouse, stockIn } from '../../../test/q2c-seed.ts';
import { insertRoleUser } from '../deliveries/deliveries.test-seed.ts';
import { importSteps } from './imports.kinds.test-helpers.ts';
import { sheetBuffer } from './imports.test-seed.ts';
import { importHooks } from './index.ts';

/**
 * Opening-stock import (期初库存; SPEC 1.9 / 3.5, issue 14 item 5): products, warehouses and batches
 * checked, duplicates within the file and against the ledger refused, an 'opening' movement per row
 * through the stock ledger, all or nothing.
 */
let env: TestEnv;
let wh: Client;
let rep1: Client;
let main: number;
const S = importSteps('/api/imports/opening-stock', 'openingStock');
const q = async (text: string, params: unknown[] = []) => (await env.database.pool.query(text, params)).rows;
const HEAD = ['产品编码', '仓库', '批次号', '序列号', '生产日期', '有效期至', '期初数量'];

beforeAll(async () => {
  env = await createTestEnv();
  await seedOrg(env);
  await insertRoleUser(env, 'wh1', '库管甲', 'warehouse');
  wh = await Client.login(env.app, 'wh1');
  rep1 = await Client.login(env.app, 'rep1');
  main = await insertWarehouse(env, 'WH-M', '主仓');
  await insertWarehouse(env, 'WH-OFF', '停用仓');
  await q(`update warehouses set active = false where code = 'WH-OFF'`);
  await insertProduct(env, { code: 'S-PLAIN' });
  await insertProduct(env, { code: 'S-BATCH', tracking: 'batch' });
  await insertProduct(env, { code: 'S-SN', tracking: 'serial' });
  await insertProduct(env, { code: 'S-MOVED' });
  const moved = (await q(`select id from products where code = 'S-MOVED'`))[0].id;
  await q(`insert into stock_movements (kind, warehouse_id, product_id, qty) values ('inbound', $1, $2, 5)`, [
    main,
    moved,
  ]);
  await stockIn(env, main, Number(moved), '5');
}, 60_000);
afterAll(async () => env?.close());
afterEach(() => {
  importHooks.afterBatch = null;
});

describe('opening-stock import', () => {
  it('is refused to users without stock.manage (403)', async () => {
    const buf = await sheetBuffer(HEAD, [['S-PLAIN', '主仓', '', '', '', '', '1']]);
    const r = await rep1.post('/api/imports/opening-stock', {
      template: 'openingStock',
      fileName: 'a.xlsx',
      contentBase64: buf.toString('base64'),
    });
    expect(r.statusCode).toBe(403);
  });

  it('reports unknown products and warehouses, batch rules, quantities and duplicates by row and column', async () => {
    const rows = [
      ['S-PLAIN', '主仓', '', '', '', '', '10'],
      ['NOPE', '主仓', '', '', '', '', '1'],
      ['S-PLAIN', '无此仓', '', '', '', '', '1'],
      ['S-PLAIN', '停用仓', '', '', '', '', '1'],
      ['S-BATCH', 'WH-M', '', '', '', '', '1'],
      ['S-PLAIN', '主仓', 'B1', '', '', '', '1'],
      ['S-SN', '主仓', 'B1', '', '', '', '1'],
      ['S-SN', '主仓', 'B1', 'SN-1', '', '', '2'],
      ['S-PLAIN', '主仓', '', '', '', '', '0'],
      ['S-PLAIN', '主仓', '', '', '2027-02-30', '', 'x'],
      ['S-PLAIN', 'WH-M', '', '', '', '', '3'],
      ['S-MOVED', '主仓', '', '', '', '', '3'],
    ];
    const id = await S.upload(wh, await sheetBuffer(HEAD, rows));
    expect((await S.dryRun(wh, id)).status).toBe('invalid');
    const got = (await S.problems(wh, id)).map((p) => [p.row, p.column, p.message]);
    expect(got).toEqual(
      expect.arrayContaining([
        [3, '产品编码', '找不到产品编码「NOPE」'],
        [4, '仓库', '找不到仓库「无此仓」（请填写仓库编码或名称）'],
        [5, '仓库', '仓库已停用'],
        [6, '批次号', 'S-BATCH 按批次/序列号管理，必须指定批次'],
        [7, '批次号', '该产品不按批次管理，请勿填写批次号或序列号'],
        [8, '序列号', '该产品按序列号管理，请填写序列号'],
        [9, '期初数量', '按序列号管理的产品每行一个序列号，数量须为 1'],
        [10, '期初数量', expect.any(String)],
        [11, '生产日期', expect.any(String)],
        [11, '期初数量', expect.any(String)],
        [12, '产品编码', '与文件第 2 行重复'],
        [13, '产品编码', '产品 S-MOVED 在仓库「主仓」已有出入库记录，不能再导入期初库存'],
      ]),
    );
    expect(got.some((p) => p[0] === 2)).toBe(false);
    expect((await q(`select count(*)::int n from stock_movements where kind = 'opening'`))[0].n).toBe(0);
  });

  it('books an opening movement per row through the ledger: on hand, lots, batches with expiry, audit', async () => {
    await q(`update products set shelf_life_days = 365 where code = 'S-BATCH'`);
    const rows = [
      ['S-PLAIN', '主仓', '', '', '', '', '12.5'],
      ['S-BATCH', '主仓', 'B-2027', '', '2027-01-01', '', '40'],
      ['S-BATCH', '主仓', 'B-2028', '', '', '2029-06-30', '2'],
      ['S-SN', '主仓', 'SN-LOT', 'SN-001', '', '', '1'],
      ['S-SN', '主仓', 'SN-LOT', 'SN-002', '', '', '1'],
    ];
    const id = await S.upload(wh, await sheetBuffer(HEAD, rows), '期初.xlsx');
    expect((await S.dryRun(wh, id)).status).toBe('validated');
    expect(await S.commit(wh, id)).toMatchObject({ status: 'committed', createdCount: 5 });
    const items = await q(
      `select p.code, s.on_hand from stock_items s join products p on p.id = s.product_id
       where s.warehouse_id = $1 and p.code in ('S-PLAIN', 'S-BATCH', 'S-SN') order by p.code`,
      [main],
    );
    expect(items).toEqual([
      { code: 'S-BATCH', on_hand: '42.0000' },
      { code: 'S-PLAIN', on_hand: '12.5000' },
      { code: 'S-SN', on_hand: '2.0000' },
    ]);
    const batches = await q(
      `select b.batch_no, b.serial_no, b.expiry_date::text, l.on_hand from stock_batches b join stock_lots l on l.batch_id = b.id
       join products p on p.id = b.product_id where p.code in ('S-BATCH', 'S-SN') order by b.batch_no, b.serial_no`,
    );
    expect(batches).toEqual([
      { batch_no: 'B-2027', serial_no: null, expiry_date: '2028-01-01', on_hand: '40.0000' },
      { batch_no: 'B-2028', serial_no: null, expiry_date: '2029-06-30', on_hand: '2.0000' },
      { batch_no: 'SN-LOT', serial_no: 'SN-001', expiry_date: null, on_hand: '1.0000' },
      { batch_no: 'SN-LOT', serial_no: 'SN-002', expiry_date: null, on_hand: '1.0000' },
    ]);
    const moves = await q(
      `select kind, ref_type, ref_id, note from stock_movements where kind = 'opening' order by id`,
    );
    expect(moves).toHaveLength(5);
    expect(moves[0]).toEqual({
      kind: 'opening',
      ref_type: 'import_job',
      ref_id: id,
      note: '数据导入：期初.xlsx',
    });
    const audits = await q(
      `select count(*)::int n from audit_log where entity_type = 'stock_movement' and action = 'opening'`,
    );
    expect(audits[0].n).toBe(5);

    // Imported again: every row now duplicates what the ledger holds.
    const again = await S.upload(wh, await sheetBuffer(HEAD, rows.slice(0, 1)));
    expect((await S.dryRun(wh, again)).status).toBe('invalid');
  });

  it('writes nothing when the commit is killed after the first batch', async () => {
    for (let i = 0; i < 3; i++) await insertProduct(env, { code: `S-K${i}` });
    const whs: number[] = [];
    for (let i = 0; i < 400; i++) whs.push(await insertWarehouse(env, `WH-K${i}`, `批量仓${i}`));
    // 1,200 rows, each product once per warehouse: more than one batch of 1,000.
    const rows = Array.from({ length: 1200 }, (_, i) => [
      `S-K${i % 3}`,
      `WH-K${Math.floor(i / 3)}`,
      '',
      '',
      '',
      '',
      '1',
    ]);
    const id = await S.upload(wh, await sheetBuffer(HEAD, rows));
    expect((await S.dryRun(wh, id)).status).toBe('validated');
    importHooks.afterBatch = (n) => {
      if (n === 1) throw new Error('killed');
    };
    expect((await S.commit(wh, id)).status).toBe('failed');
    expect((await q(`select count(*)::int n from stock_movements where warehouse_id = any($1)`, [whs]))[0].n).toBe(0);
    expect((await q(`select count(*)::int n from stock_items where warehouse_id = any($1)`, [whs]))[0].n).toBe(0);
  });
});
