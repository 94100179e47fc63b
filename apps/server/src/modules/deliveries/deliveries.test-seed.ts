import { randomBytes } from 'node:crypto';
import { documentTotals, lineAmounts } from '@sales/core';
import { PASSWORD, type TestEnv } from '../../../test/harness.ts';
import { hashPassword } from '../../platform/auth/password.ts';

/**
 * Direct-SQL seeding for delivery tests (and the audit / scope sweeps): an approved order with
 * lines, so these tests do not wait on the orders module's routes; plus users of roles the
 * harness lacks (库房, 质检).
 */
const q = (env: TestEnv, text: string, params: unknown[]) => env.database.pool.query(text, params);
const tag = () => randomBytes(3).toString('hex');

/** A user with one role (by role code), signed in with the harness password. */
export async function insertRoleUser(env: TestEnv, username: string, name: string, role: string): Promise<number> {
  const dept = await q(env, `select id from departments where parent_id is null limit 1`, []);
  const u = await q(
    env,
    `insert into users (username, name, dept_id, password_hash, mobile) values ($1, $2, $3, $4, $5) returning id`,
    [
      username,
      name,
      dept.rows[0].id,
      await hashPassword(PASSWORD),
      `1380${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
    ],
  );
  await q(env, `insert into user_roles (user_id, role_id) select $1, id from roles where code = $2`, [
    u.rows[0].id,
    role,
  ]);
  return Number(u.rows[0].id);
}

/** A customer owned by `ownerId` (department taken from the user). */
export async function insertCustomer(env: TestEnv, name: string, ownerId: number): Promise<number> {
  const r = await q(
    env,
    `insert into customers (no, kind, name, name_norm, owner_id, owner_dept_id, search_text)
     select $1, 'company', $2, lower($2), u.id, u.dept_id, lower($2) from users u where u.id = $3 returning id`,
    [`KH-T-${tag()}`, name, ownerId],
  );
  return Number(r.rows[0].id);
}

export async function insertCategory(
  env: TestEnv,
  code: string,
  items: { key: string; label: string }[],
): Promise<number> {
  const r = await q(
    env,
    `insert into product_categories (code, name, inspection_checklist) values ($1, $2, $3) returning id`,
    [code, `类别${code}`, JSON.stringify(items)],
  );
  return Number(r.rows[0].id);
}

export interface SeedLine {
  productId: number;
  qty: string;
  unitPrice: string;
  taxRate?: string;
}

/**
 * An order in `status` (default approved) owned by `ownerId`, with its lines priced
 * net = qty × price, tax = round(net × rate), gross = net + tax. Returns the order and line ids.
 */
export async function insertOrder(
  env: TestEnv,
  o: {
    customerId: number;
    ownerId: number;
    warehouseId: number;
    lines: SeedLine[];
    status?: string;
    consignee?: string;
    address?: string;
  },
): Promise<{ id: number; no: string; lineIds: number[] }> {
  const no = `SO-T-${tag()}`;
  const priced = o.lines.map((l) => {
    const a = lineAmounts({ qty: l.qty, unitPrice: l.unitPrice, discountPercent: '0', taxRate: l.taxRate ?? '13.00' });
    return { ...l, net: a.netAmount, tax: a.taxAmount, gross: a.grossAmount };
  });
  const t = documentTotals(
    priced.map((l) => ({ netAmount: l.net, taxAmount: l.tax, grossAmount: l.gross, discountAmount: '0.00' })),
  );
  const sum = (k: 'net' | 'tax' | 'gross') => ({ net: t.totalNet, tax: t.totalTax, gross: t.totalGross })[k];
  const r = await q(
    env,
    `insert into orders (no, customer_id, owner_id, owner_dept_id, status, requested_date, warehouse_id, consignee, consignee_phone, shipping_address, total_net, total_tax, total_gross, approved_at)
     select $1, $2, u.id, u.dept_id, $3, current_date + 7, $4, $5, '13900001111', $6, $7, $8, $9, now() from users u where u.id = $10 returning id`,
    [
      no,
      o.customerId,
      o.status ?? 'approved',
      o.warehouseId,
      o.consignee ?? '王收货',
      o.address ?? '浙江省杭州市滨江区江南大道1号',
      sum('net'),
      sum('tax'),
      sum('gross'),
      o.ownerId,
    ],
  );
  const id = Number(r.rows[0].id);
  const lineIds: number[] = [];
  for (const [i, l] of priced.entries()) {
    const p = await q(env, `select code, name, spec, unit from products where id = $1`, [l.productId]);
    const lr = await q(
      env,
      `insert into order_lines (order_id, line_no, product_id, product_code, description, spec, unit, qty, unit_price, tax_rate, net_amount, tax_amount, gross_amount)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id`,
      [
        id,
        i + 1,
        l.productId,
        p.rows[0].code,
        p.rows[0].name,
        p.rows[0].spec,
        p.rows[0].unit,
        l.qty,
        l.unitPrice,
        l.taxRate ?? '13.00',
        l.net,
        l.tax,
        l.gross,
      ],
    );
    lineIds.push(Number(lr.rows[0].id));
  }
  return { id, no, lineIds };
}
