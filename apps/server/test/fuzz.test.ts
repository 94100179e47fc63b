import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/platform/auth/password.ts';
import { PERMISSIONS } from '../src/platform/permissions/registry.ts';
import type { Known } from './fuzz/arbitraries.ts';
import { type FuzzRequest, type OpenApiDocument, operationsOf, requestsFor } from './fuzz/operations.ts';
import { Client, createTestEnv, type Org, PASSWORD, seedOrg, type TestEnv } from './harness.ts';
import { insertProduct, insertWarehouse, stockIn } from './q2c-seed.ts';
import { SCOPE_FIXTURE_FILES } from './scope-fixtures/index.ts';
import { fixtureRecord, mergeScopeFixtures } from './scope-fixtures/types.ts';

/**
 * Fuzz (issue 9): a seeded generator walks every operation of the OpenAPI document and sends
 * plausible requests with hostile spots — NUL and lone surrogates, numbers beyond every column,
 * full-width digits, empty and huge strings, wrong types, deep nesting, unknown and malformed ids,
 * malformed JSON — as an administrator holding every permission and as a sales rep who owns the
 * scope fixtures (so valid-ish requests reach real records). No answer may be a 5xx, and every
 * error must be the localised error body. Deterministic: FUZZ_SEED (fixed by default) and
 * FUZZ_PER_OP requests per operation and user can be changed to explore locally.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20260509);
const PER_OP = Number(process.env.FUZZ_PER_OP ?? 10);

let env: TestEnv;
let org: Org;
const fixture = fixtureRecord();
const registry = mergeScopeFixtures(SCOPE_FIXTURE_FILES);
const clients: Record<'admin' | 'rep1', Client> = {} as Record<'admin' | 'rep1', Client>;

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** The administrator also gets every permission with the ALL scope, so every operation is reached. */
async function grantEverything(userId: number) {
  const pool = env.database.pool;
  const role = await pool.query<{ id: number }>(
    `insert into roles (code, name) values ('fuzz_all', '模糊测试（全部权限）') returning id`,
  );
  const roleId = role.rows[0].id;
  await pool.query(`insert into role_grants (role_id, permission, scope) select $1, unnest($2::text[]), 'ALL'`, [
    roleId,
    PERMISSIONS.map((p) => p.permission),
  ]);
  await pool.query('insert into user_roles (user_id, role_id) values ($1, $2)', [userId, roleId]);
}

/** Signs a fuzzing user in again; if the fuzz disabled them or reset their password, restores them first. */
async function signIn(username: 'admin' | 'rep1'): Promise<Client> {
  try {
    return await Client.login(env.app, username);
  } catch {
    const pool = env.database.pool;
    await pool.query('update users set password_hash = $1, active = true where username = $2', [
      await hashPassword(PASSWORD),
      username,
    ]);
    await pool.query('delete from login_attempts');
    return Client.login(env.app, username);
  }
}

/** Valid bodies for the main creation routes (the scope fixtures give them for :id routes), to mutate. */
function creationBodies(productId: number, warehouseId: number): Record<string, (version: number) => unknown> {
  const lines = [{ productId, qty: '2', unitPrice: '100.00', taxRate: '13.00' }];
  const order = fixture.order;
  return {
    'POST /api/customers': () => ({ kind: 'company', name: '模糊测试客户有限公司', mobile: '13800138000' }),
    'POST /api/opportunities': () => ({ customerId: fixture.customer, name: '模糊测试商机', pipelineId: 1 }),
    'POST /api/quotes': () => ({ customerId: fixture.customer, title: '模糊测试报价', lines }),
    'POST /api/contracts': () => ({ customerId: fixture.customer, title: '模糊测试合同', lines }),
    'POST /api/orders': () => ({ customerId: fixture.customer, requestedDate: '2030-01-10', warehouseId, lines }),
    'POST /api/payments': () => ({
      orderId: order,
      kind: 'instalment',
      method: 'transfer',
      amount: '10.00',
      receivedDate: today(),
      payerName: '模糊测试付款人',
    }),
    'POST /api/write-offs': () => ({ orderId: order, amount: '1.00', reason: '模糊测试核销' }),
    'POST /api/invoices': () => ({ orderId: order, kind: 'vat_normal', externalNo: 'FUZZ0001' }),
    'POST /api/stock/inbound': () => ({ warehouseId, productId, qty: '5' }),
    'POST /api/stock/adjust': () => ({ warehouseId, productId, qty: '1', reason: '模糊测试盘点' }),
  };
}
let created: Record<string, (version: number) => unknown>;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  await grantEverything(org.user.admin);
  const login = (name: string) => Client.login(env.app, name);
  const [owner, outsider, otherManager, approver, frontDesk] = await Promise.all(
    ['rep1', 'rep2', 'manager2', 'manager1', 'front'].map(login),
  );
  await registry.setup({ env, org, owner, outsider, otherManager, approver, frontDesk, fixture, today });
  const warehouseId = await insertWarehouse(env, 'WH-FUZZ', '模糊测试仓');
  const productId = await insertProduct(env, { code: 'FUZZ-1', name: '模糊测试产品' });
  await stockIn(env, warehouseId, productId, '1000');
  created = creationBodies(productId, warehouseId);
  clients.admin = await signIn('admin');
  clients.rep1 = owner;
}, 180_000);
afterAll(() => env.close());

/** What is wrong with a response, if anything: a 5xx, or an error body that is not the localised format. */
function problemOf(res: { statusCode: number; body: string }): string | null {
  if (res.statusCode >= 500) return `${res.statusCode}`;
  if (res.statusCode < 400) return null;
  let body: { code?: unknown; message?: unknown; requestId?: unknown; fields?: { code: string; message: string }[] };
  try {
    body = JSON.parse(res.body);
  } catch {
    return 'error body is not JSON';
  }
  if (typeof body.code !== 'string' || typeof body.message !== 'string' || !body.requestId)
    return 'error body lacks code, message or requestId';
  const raw = (code: string, message: string) => message === code || /\{\w+\}/.test(message);
  if (raw(body.code, body.message)) return 'untranslated message';
  if ((body.fields ?? []).some((f) => raw(f.code, f.message))) return 'untranslated field message';
  return null;
}

const show = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 400 ? `${s.slice(0, 400)}…(${s.length} chars)` : s;
};

async function send(client: Client, r: FuzzRequest) {
  if (r.body === undefined) return client.request(r.method, r.url);
  if ('json' in r.body)
    return client.request(r.method, r.url, JSON.stringify(r.body.json), { 'content-type': 'application/json' });
  return client.request(r.method, r.url, r.body.text, { 'content-type': r.body.contentType });
}

describe('fuzz over the OpenAPI document', () => {
  it('never answers a 5xx, and every error is the localised error body', async () => {
    await env.app.ready();
    const ops = operationsOf(env.app.swagger() as unknown as OpenApiDocument);
    expect(ops.length).toBeGreaterThan(200);
    const known: Known = { ids: [...new Set([1, 2, 3, ...Object.values(fixture)])].sort((a, b) => a - b) };
    const policyKeys = (await clients.admin.get('/api/policies')).json().items.map((p: { key: string }) => p.key);
    const routeConfig = new Map(env.app.routeTable.map((r) => [`${r.method} ${r.url}`, r.config]));

    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const reached = new Set<string>();
    let sent = 0;
    const started = Date.now();
    for (const [i, op] of ops.entries()) {
      const resource = routeConfig.get(op.routeKey)?.resource as string | undefined;
      const ctx = {
        known,
        pathIds: resource && fixture[resource] ? [fixture[resource]] : [],
        pathValues: { key: policyKeys },
        validBody: registry.bodies[op.routeKey] ?? created[op.routeKey],
      };
      for (const [u, user] of (['admin', 'rep1'] as const).entries()) {
        for (const r of requestsFor(op, ctx, SEED + i * 2 + u, PER_OP)) {
          let res: Awaited<ReturnType<typeof send>>;
          try {
            res = await send(clients[user], r);
          } catch (err) {
            // A response the server broke off mid-way (e.g. a failing stream) is as bad as a 5xx.
            failures.push(`${(err as Error).message} as ${user}: ${r.method} ${show(r.url)}\n  body: ${show(r.body)}`);
            continue;
          }
          sent += 1;
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          if (res.statusCode < 300) reached.add(op.routeKey);
          if (process.env.FUZZ_DEBUG === op.routeKey)
            console.log(user, r.url, show(r.body), res.statusCode, show(res.body));
          const problem = problemOf(res);
          if (problem)
            failures.push(
              `${problem} as ${user}: ${r.method} ${show(r.url)}\n  body: ${show(r.body)}\n  → ${res.statusCode} ${show(res.body)}`,
            );
          // The fuzz may sign itself out (logout) or disable itself: sign in again.
          if (res.statusCode === 401) clients[user] = await signIn(user);
        }
      }
    }
    console.log(
      `fuzz: ${sent} requests over ${ops.length} operations (${reached.size} answered 2xx at least once) in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${SEED});`,
      Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
    );
    if (process.env.FUZZ_SHOW_UNREACHED) console.log(ops.map((o) => o.routeKey).filter((k) => !reached.has(k)));
    expect(failures.length, `${failures.length} failures, the first:\n${failures.slice(0, 20).join('\n')}`).toBe(0);
  }, 600_000);
});
