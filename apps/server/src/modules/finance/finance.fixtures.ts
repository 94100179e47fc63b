// Test helper (imported by tests only): direct-SQL orders and contracts, so finance tests do not
// depend on the orders / contracts routes.
import type { TestEnv } from '../../../test/harness.ts';

let seq = 0;
const uniq = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

export interface OrderSeed {
  customerId: number;
  ownerId: number;
  ownerDeptId: number;
  status?: string;
  /** Lines: qty × unitPrice, tax 13% unless given. */
  lines?: { qty: string; unitPrice: string; taxRate?: string; description?: string }[];
}

/** An order with priced lines (net, tax, gross computed in SQL with the same half-up rounding). */
export async function insertOrder(env: TestEnv, o: OrderSeed): Promise<{ id: number; no: string; totalGross: string }> {
  const pool = env.database.pool;
  const lines = o.lines ?? [{ qty: '10', unitPrice: '100.00' }];
  const no = `SO-T-${uniq()}`;
  const r = await pool.query(
    `insert into orders (no, customer_id, owner_id, owner_dept_id, status, requested_date) values ($1, $2, $3, $4, $5, current_date) returning id`,
    [no, o.customerId, o.ownerId, o.ownerDeptId, o.status ?? 'approved'],
  );
  const id = Number(r.rows[0].id);
  for (const [i, l] of lines.entries()) {
    await pool.query(
      `insert into order_lines (order_id, line_no, description, unit, qty, unit_price, tax_rate, net_amount, tax_amount, gross_amount)
       select $1, $2, $3, '台', $4::numeric, $5::numeric, $6::numeric, n, round(n * $6::numeric / 100, 2), n + round(n * $6::numeric / 100, 2)
       from (select round($4::numeric * $5::numeric, 2) as n) t`,
      [id, i + 1, l.description ?? `产品${i + 1}`, l.qty, l.unitPrice, l.taxRate ?? '13.00'],
    );
  }
  const t = await pool.query(
    `update orders set (total_net, total_tax, total_gross) = (select sum(net_amount), sum(tax_amount), sum(gross_amount) from order_lines where order_id = $1)
     where id = $1 returning total_gross::text`,
    [id],
  );
  return { id, no, totalGross: t.rows[0].total_gross };
}

/** A signed contract of `amount` with a payment plan (amounts sum to the contract amount). */
export async function insertContract(
  env: TestEnv,
  c: {
    customerId: number;
    ownerId: number;
    ownerDeptId: number;
    amount: string;
    plan: { kind: string; dueDate: string; amount: string }[];
    status?: string;
  },
): Promise<{ id: number; no: string; planIds: number[] }> {
  const pool = env.database.pool;
  const no = `HT-T-${uniq()}`;
  const r = await pool.query(
    `insert into contracts (no, title, customer_id, owner_id, owner_dept_id, status, amount, party_a, party_b, signed_date)
     values ($1, '测试合同', $2, $3, $4, $5, $6, '客户', '本公司', current_date) returning id`,
    [no, c.customerId, c.ownerId, c.ownerDeptId, c.status ?? 'signed', c.amount],
  );
  const id = Number(r.rows[0].id);
  const planIds: number[] = [];
  for (const [i, p] of c.plan.entries()) {
    const q = await pool.query(
      `insert into contract_payment_plan (contract_id, seq, kind, due_date, amount) values ($1, $2, $3, $4, $5) returning id`,
      [id, i + 1, p.kind, p.dueDate, p.amount],
    );
    planIds.push(Number(q.rows[0].id));
  }
  return { id, no, planIds };
}

export async function orderMoney(env: TestEnv, id: number) {
  const r = await env.database.pool.query(
    `select invoiced_amount::text as invoiced, received_amount::text as received, written_off_amount::text as "writtenOff" from orders where id = $1`,
    [id],
  );
  return r.rows[0] as { invoiced: string; received: string; writtenOff: string };
}
