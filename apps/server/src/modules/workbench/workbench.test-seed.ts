import type { TestEnv } from '../../../test/harness.ts';

const q = (env: TestEnv, text: string, values: unknown[]) => env.database.pool.query(text, values);
let n = 0;
const tag = () => `${process.pid}-${Date.now()}-${++n}`;

/** A follow-up by `userId` on a customer with its next action due on `date` (open). */
export async function insertFollowUp(env: TestEnv, customerId: number, userId: number, date: string) {
  const r = await q(
    env,
    `insert into follow_ups (customer_id, type, content, outcome, next_action, next_action_date, created_by)
     values ($1, 'call', '电话沟通', 'continue', '回访报价', $2, $3) returning id`,
    [customerId, date, userId],
  );
  return Number(r.rows[0].id);
}

/** A payment of an order in `status` (reported, confirmed…), owned like the order. */
export async function insertPayment(env: TestEnv, orderId: number, amount: string, status: string) {
  const r = await q(
    env,
    `insert into payments (no, customer_id, order_id, owner_id, owner_dept_id, kind, method, amount, received_date, status)
     select $1, o.customer_id, o.id, o.owner_id, o.owner_dept_id, 'full', 'transfer', $2, current_date, $3
     from orders o where o.id = $4 returning id`,
    [`SK-T-${tag()}`, amount, status, orderId],
  );
  return Number(r.rows[0].id);
}

/** A delivery note of an order in `status`, created at `createdAt`. */
export async function insertDelivery(
  env: TestEnv,
  orderId: number,
  warehouseId: number,
  status: string,
  createdAt = new Date(),
) {
  const r = await q(
    env,
    `insert into deliveries (no, order_id, customer_id, owner_id, owner_dept_id, warehouse_id, status, consignee, address, created_at, updated_at)
     select $1, o.id, o.customer_id, o.owner_id, o.owner_dept_id, $2, $3, '收货人', '上海市浦东新区', $4, $4
     from orders o where o.id = $5 returning id`,
    [`SH-T-${tag()}`, warehouseId, status, createdAt, orderId],
  );
  return Number(r.rows[0].id);
}
