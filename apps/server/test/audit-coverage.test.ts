import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_CASE_FILES } from './audit-cases/index.ts';
import { type AuditCases, type AuditContext, mergeAuditCases } from './audit-cases/types.ts';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from './harness.ts';

/**
 * Every mutating route writes the audit trail (SPEC 1.3). The list of routes comes from the live
 * route table: a new mutating route without a case fails the first test. The cases live in
 * audit-cases/, one file per area, merged in the order of audit-cases/index.ts.
 */
let env: TestEnv;
let org: Org;
const ids: Record<string, number> = {};
let cases: AuditCases = {};

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  const admin = await Client.login(env.app, 'admin');
  const rep = await Client.login(env.app, 'rep1');
  const manager = await Client.login(env.app, 'manager1');
  const ctx: AuditContext = {
    env,
    org,
    admin,
    rep,
    manager,
    ids,
    versionOf: async (customerId) => (await manager.get(`/api/customers/${customerId}`)).json().version,
  };
  // Throws on a route key contributed by two files: beforeAll fails, and with it every test.
  cases = mergeAuditCases(AUDIT_CASE_FILES, ctx);
});
afterAll(() => env.close());

const mutating = () =>
  env.app.routeTable
    .filter((r) => r.url.startsWith('/api/') && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method))
    .map((r) => `${r.method} ${r.url}`);

describe('audit trail coverage', () => {
  it('has a case for every mutating route', () => {
    expect(mutating().filter((k) => !cases[k])).toEqual([]);
  });

  it('each mutating route writes an audit entry with actor and request id', async () => {
    for (const key of Object.keys(cases)) {
      const c = cases[key];
      const res = await c.run();
      expect(res.statusCode, key).toBeLessThan(300);
      const rid = String(res.headers['x-request-id']);
      const rows = await env.database.pool.query(
        'select entity_type, action, actor_id from audit_log where request_id = $1',
        [rid],
      );
      expect(rows.rows, key).toContainEqual(expect.objectContaining({ entity_type: c.entity, action: c.action }));
      expect(
        rows.rows.every((r) => r.actor_id !== null),
        key,
      ).toBe(true);
    }
    // Every mutating route of every module, one after another: minutes on a loaded 2-core machine.
  }, 300_000);

  it('records field-level old and new values', async () => {
    const rows = await env.database.pool.query(
      `select changes from audit_log where entity_type = 'customer' and entity_id = $1 and action = 'update'`,
      [ids.customer],
    );
    expect(rows.rows[0].changes).toEqual([{ field: 'name', old: '审计客户', new: '审计客户乙' }]);
  });

  it('the audit table refuses UPDATE, DELETE and TRUNCATE', async () => {
    const pool = env.database.pool;
    await expect(pool.query(`update audit_log set action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(pool.query('delete from audit_log')).rejects.toThrow(/append-only/);
    await expect(pool.query('truncate audit_log')).rejects.toThrow(/append-only/);
    const n = await pool.query('select count(*)::int n from audit_log');
    expect(n.rows[0].n).toBeGreaterThan(10);
  });
});
