import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ctxFor, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';

/**
 * A customer's history shows people by name and machine values as words in the reader's
 * language (issue 11: "分配给 → 8", `visit:rotation`, `front_desk`).
 */
let env: TestEnv;
let org: Org;
let customerId: number;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  const rep1 = await Client.login(env.app, 'rep1');
  const res = await rep1.post('/api/customers', { kind: 'individual', name: '张三', mobile: '13812345678' });
  expect(res.statusCode, res.body).toBe(201);
  customerId = res.json().id;
  const ctx = await ctxFor(env, rep1);
  // What the front desk writes when it routes a visitor to a rep (front-desk.service.ts).
  await recordAudit(env.database.db, ctx, {
    entityType: 'customer',
    entityId: customerId,
    action: 'frontdesk_route',
    changes: [{ field: 'routedTo', old: null, new: org.user.rep1 }],
    comment: 'visit:rotation',
  });
  await recordAudit(env.database.db, ctx, {
    entityType: 'customer',
    entityId: customerId,
    action: 'claim',
    changes: [{ field: 'ownerId', old: null, new: org.user.rep1 }],
    comment: 'front_desk',
  });
});
afterAll(async () => {
  await env?.close();
});

async function timeline(locale: string) {
  const c = await Client.login(env.app, 'rep1', undefined, locale);
  const res = await c.get(`/api/customers/${customerId}/timeline`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { action: string; comment: string | null; changes: { field: string; new: unknown }[] }[];
}

describe('customer timeline values', () => {
  it('names the user a registration was routed to, and renders the route in words', async () => {
    const [rep1Name] = (
      await env.database.pool.query<{ name: string }>('select name from users where id = $1', [org.user.rep1])
    ).rows.map((r) => r.name);
    const zh = await timeline('zh-CN');
    const route = zh.find((e) => e.action === 'frontdesk_route');
    expect(route?.changes).toEqual([{ field: 'routedTo', old: null, new: rep1Name }]);
    expect(route?.comment).toBe('来访 · 轮值分配');
    expect(zh.find((e) => e.action === 'claim')?.comment).toBe('经前台登记');
    const tw = await timeline('zh-TW');
    expect(tw.find((e) => e.action === 'frontdesk_route')?.comment).toBe('來訪 · 輪值分配');
    const en = await timeline('en-US');
    expect(en.find((e) => e.action === 'frontdesk_route')?.comment).toBe('visit · rotation');
    expect(en.find((e) => e.action === 'claim')?.comment).toBe('via the front desk');
  });
});
