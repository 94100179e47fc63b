// Test-only helpers shared by the orders and stock tests (never imported by app code).
import { eq } from 'drizzle-orm';
import { Client, PASSWORD, type TestEnv } from '../../../test/harness.ts';
import { insertProduct, insertWarehouse, stockIn } from '../../../test/q2c-seed.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { roles, userRoles, users } from '../../platform/org/org.schema.ts';

let seq = 0;

/** A user with one role (roles the harness lacks: planner, warehouse …), signed in. */
export async function roleUser(env: TestEnv, username: string, role: string, deptId: number): Promise<Client> {
  const db = env.database.db;
  const [r] = await db.select().from(roles).where(eq(roles.code, role));
  const [u] = await db
    .insert(users)
    .values({
      username,
      name: `${role}-${username}`,
      deptId,
      passwordHash: await hashPassword(PASSWORD),
      mobile: `1380000${String(++seq + 100).padStart(4, '0')}`,
    })
    .returning();
  await db.insert(userRoles).values({ userId: u.id, roleId: r.id });
  return Client.login(env.app, username);
}

/** A customer owned by `owner` (through the API), optionally with a credit limit (direct SQL). */
export async function makeCustomer(
  env: TestEnv,
  owner: Client,
  name: string,
  creditLimit: string | null = null,
): Promise<number> {
  const res = await owner.post('/api/customers', {
    kind: 'individual',
    name,
    mobile: `1350${String(Date.now() % 10000000).padStart(7, '0')}`,
  });
  if (res.statusCode !== 201) throw new Error(`customer: ${res.body}`);
  const id = res.json().id as number;
  if (creditLimit !== null)
    await env.database.pool.query('update customers set credit_limit = $2 where id = $1', [id, creditLimit]);
  return id;
}

/** A product with `qty` on hand in a warehouse. */
export async function stockedProduct(
  env: TestEnv,
  code: string,
  qty: string,
  warehouseId?: number,
  extra: Parameters<typeof insertProduct>[1] = { code },
) {
  const wh = warehouseId ?? (await insertWarehouse(env));
  const productId = await insertProduct(env, { ...extra, code });
  if (qty !== '0') await stockIn(env, wh, productId, qty);
  return { productId, warehouseId: wh };
}

export const tomorrow = () => new Date(Date.now() + 86400000 * 3).toISOString().slice(0, 10);

/** A valid order body for the order form. */
export function orderBody(
  customerId: number,
  warehouseId: number,
  lines: { productId: number; qty: string; unitPrice?: string }[],
  extra: Record<string, unknown> = {},
) {
  return {
    customerId,
    channel: 'rep',
    requestedDate: tomorrow(),
    warehouseId,
    lines: lines.map((l) => ({
      productId: l.productId,
      qty: l.qty,
      unitPrice: l.unitPrice ?? '100.00',
      discountPercent: '0',
    })),
    ...extra,
  };
}
