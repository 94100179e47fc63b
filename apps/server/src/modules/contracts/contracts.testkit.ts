import { eq } from 'drizzle-orm';
import { Client, PASSWORD, type TestEnv } from '../../../test/harness.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { roles, userRoles, users } from '../../platform/org/org.schema.ts';

/** A 1×1 PNG, as a scanned copy. */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
export const scan = { fileName: '合同扫描件.png', mimeType: 'image/png' as const, contentBase64: PNG_BASE64 };

/** Creates a user with one role (the harness lacks 法务), signed in. */
export async function userWithRole(
  env: TestEnv,
  username: string,
  name: string,
  deptId: number,
  role: string,
): Promise<Client> {
  const db = env.database.db;
  const [r] = await db.select({ id: roles.id }).from(roles).where(eq(roles.code, role));
  const [u] = await db
    .insert(users)
    .values({
      username,
      name,
      deptId,
      passwordHash: await hashPassword(PASSWORD),
      mobile: `1380000${String(Math.floor(Math.random() * 9000) + 1000)}`,
    })
    .returning();
  await db.insert(userRoles).values({ userId: u.id, roleId: r.id });
  return Client.login(env.app, username);
}

/** One line at a VAT rate of 0, so amount = qty × price exactly. */
export const line = (productId: number, qty: string, unitPrice: string) => ({
  productId,
  qty,
  unitPrice,
  discountPercent: '0',
  taxRate: '0.00' as const,
});

export const plan = (
  ...items: [kind: 'deposit' | 'down_payment' | 'instalment' | 'final', dueDate: string, amount: string][]
) => items.map(([kind, dueDate, amount]) => ({ kind, dueDate, amount }));

export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
