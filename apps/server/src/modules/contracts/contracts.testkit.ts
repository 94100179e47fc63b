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

/** The terms 合同评审 requires before submission (seed 003: 质量标准、交货方式、付款方式、售后服务). */
export const TERMS = {
  paymentTerms: '合同签订后付30%定金，货到验收合格后30日内付清余款',
  qualityStandard: '符合GB/T 19001及产品出厂检验标准',
  deliveryTerms: '合同签订后30日内送货至买方指定地点',
  afterSalesTerms: '整机保修12个月，24小时内响应',
};

/**
 * An opportunity of `customerId` with a proposal (销售提案) the customer accepted — the source a
 * contract is signed on (seed 000 3.1.3). `who` must own the customer. Returns the proposal id.
 */
export async function acceptedProposal(who: Client, customerId: number, title = '设备销售提案'): Promise<number> {
  const pipelines = (await who.get('/api/pipelines')).json().items as { id: number; isDefault: boolean }[];
  const pipelineId = (pipelines.find((p) => p.isDefault) ?? pipelines[0]).id;
  const opp = await who.post('/api/opportunities', {
    name: `${title}商机`,
    customerId,
    pipelineId,
    amount: '100000.00',
  });
  if (opp.statusCode !== 201) throw new Error(`opportunity: ${opp.statusCode} ${opp.body}`);
  const p = await who.post(`/api/opportunities/${opp.json().id}/proposals`, {
    title,
    items: '数控设备及安装调试',
    price: '100000.00',
  });
  if (p.statusCode !== 201) throw new Error(`proposal: ${p.statusCode} ${p.body}`);
  const r = await who.post(`/api/opportunity-proposals/${p.json().id}/response`, {
    response: 'accepted',
    version: p.json().version,
  });
  if (r.statusCode !== 200) throw new Error(`proposal response: ${r.statusCode} ${r.body}`);
  return p.json().id as number;
}
