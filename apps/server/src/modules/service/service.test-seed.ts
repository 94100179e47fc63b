import { randomBytes } from 'node:crypto';
import { PASSWORD, type TestEnv } from '../../../test/harness.ts';
import { insertProduct, insertWarehouse, stockIn } from '../../../test/q2c-seed.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { insertOrder } from '../deliveries/deliveries.test-seed.ts';

/**
 * Direct-SQL seeding for service-ticket tests and the sweeps: service departments with their
 * people, and signed deliveries (so tickets can take warranty from a delivered line).
 */
const q = (env: TestEnv, text: string, params: unknown[]) => env.database.pool.query(text, params);
const tag = () => randomBytes(3).toString('hex');

/** A department under the root (总公司). */
export async function insertDept(env: TestEnv, name: string): Promise<number> {
  const root = await q(env, `select id, path from departments where parent_id is null limit 1`, []);
  const d = await q(env, `insert into departments (name, parent_id) values ($1, $2) returning id`, [
    name,
    root.rows[0].id,
  ]);
  const id = Number(d.rows[0].id);
  await q(env, `update departments set path = $1 where id = $2`, [`${root.rows[0].path}${id}/`, id]);
  return id;
}

/** A user of `deptId` with one role (by code), signed in with the harness password. */
export async function insertUserIn(env: TestEnv, username: string, name: string, deptId: number, role: string) {
  const u = await q(
    env,
    `insert into users (username, name, dept_id, password_hash, mobile) values ($1, $2, $3, $4, $5) returning id`,
    [
      username,
      name,
      deptId,
      await hashPassword(PASSWORD),
      `1370${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
    ],
  );
  await q(env, `insert into user_roles (user_id, role_id) select $1, id from roles where code = $2`, [
    u.rows[0].id,
    role,
  ]);
  return Number(u.rows[0].id);
}

/**
 * A delivery of one unit of a product with `warrantyMonths`, signed off by the customer on
 * `signedDate`; returns the delivery line (batch `batchNo`) and the product.
 */
export async function insertSignedDelivery(
  env: TestEnv,
  d: { customerId: number; ownerId: number; signedDate: string; warrantyMonths: number; batchNo?: string },
): Promise<{ lineId: number; productId: number }> {
  const t = tag();
  const productId = await insertProduct(env, { code: `SVC-${t}`, tracking: 'batch', warrantyMonths: d.warrantyMonths });
  const warehouseId = await insertWarehouse(env, `WH-S-${t}`, `售后测试仓${t}`);
  const batchId = await stockIn(env, warehouseId, productId, '5', d.batchNo ?? `B-${t}`);
  const o = await insertOrder(env, {
    customerId: d.customerId,
    ownerId: d.ownerId,
    warehouseId,
    lines: [{ productId, qty: '1', unitPrice: '1000.00' }],
  });
  const dl = await q(
    env,
    `insert into deliveries (no, order_id, customer_id, owner_id, owner_dept_id, warehouse_id, status, consignee, address, signer_name, signed_date)
     select $1, $2, $3, u.id, u.dept_id, $4, 'signed', '王收货', '浙江省杭州市滨江区江南大道1号', '王收货', $5 from users u where u.id = $6 returning id`,
    [`FH-T-${t}`, o.id, d.customerId, warehouseId, d.signedDate, d.ownerId],
  );
  const line = await q(
    env,
    `insert into delivery_lines (delivery_id, order_line_id, product_id, batch_id, qty, inspection_status) values ($1, $2, $3, $4, 1, 'passed') returning id`,
    [dl.rows[0].id, o.lineIds[0], productId, batchId],
  );
  return { lineId: Number(line.rows[0].id), productId };
}
