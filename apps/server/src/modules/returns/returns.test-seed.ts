import { randomBytes } from 'node:crypto';
import type { TestEnv } from '../../../test/harness.ts';
import { insertProduct, insertWarehouse, stockIn } from '../../../test/q2c-seed.ts';
import { insertOrder } from '../deliveries/deliveries.test-seed.ts';

/** Direct-SQL seeding for sales-return tests and the sweeps: a signed delivery of `qty` pieces of one batch. */
const q = (env: TestEnv, text: string, params: unknown[]) => env.database.pool.query(text, params);
const tag = () => randomBytes(3).toString('hex');

export interface SignedDelivery {
  orderId: number;
  deliveryId: number;
  lineId: number;
  productId: number;
  warehouseId: number;
  batchId: number;
}

/** An approved order of `qty` × ¥`unitPrice` (+13 % VAT) shipped in one batch and signed on `signedDate`. */
export async function insertSignedSale(
  env: TestEnv,
  d: { customerId: number; ownerId: number; qty: string; unitPrice: string; signedDate: string; batchNo?: string },
): Promise<SignedDelivery> {
  const t = tag();
  const productId = await insertProduct(env, {
    code: `RT-${t}`,
    name: `退货测试药品${t}`,
    tracking: 'batch',
    unit: '盒',
  });
  const warehouseId = await insertWarehouse(env, `WH-R-${t}`, `退货测试仓${t}`);
  const batchId = (await stockIn(env, warehouseId, productId, '100', d.batchNo ?? `LOT-${t}`)) as number;
  const o = await insertOrder(env, {
    customerId: d.customerId,
    ownerId: d.ownerId,
    warehouseId,
    lines: [{ productId, qty: d.qty, unitPrice: d.unitPrice }],
  });
  const dl = await q(
    env,
    `insert into deliveries (no, order_id, customer_id, owner_id, owner_dept_id, warehouse_id, status, consignee, address, signer_name, signed_date)
     select $1, $2, $3, u.id, u.dept_id, $4, 'signed', '王收货', '浙江省杭州市滨江区江南大道1号', '王收货', $5 from users u where u.id = $6 returning id`,
    [`FH-R-${t}`, o.id, d.customerId, warehouseId, d.signedDate, d.ownerId],
  );
  const line = await q(
    env,
    `insert into delivery_lines (delivery_id, order_line_id, product_id, batch_id, qty, inspection_status) values ($1, $2, $3, $4, $5, 'passed') returning id`,
    [dl.rows[0].id, o.lineIds[0], productId, batchId, d.qty],
  );
  await q(env, `update order_lines set delivered_qty = qty where id = $1`, [o.lineIds[0]]);
  return {
    orderId: o.id,
    deliveryId: Number(dl.rows[0].id),
    lineId: Number(line.rows[0].id),
    productId,
    warehouseId,
    batchId,
  };
}
