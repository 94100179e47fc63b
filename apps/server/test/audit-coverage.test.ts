import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, PASSWORD, seedOrg, type TestEnv } from './harness.ts';

/**
 * Every mutating route writes the audit trail (SPEC 1.3). The list of routes comes from the live
 * route table: a new mutating route without a case here fails the first test.
 */
let env: TestEnv;
let org: Org;
let admin: Client;
let rep: Client;
let manager: Client;
const ids: Record<string, number> = {};

const credit = { rating: 'A', creditLimit: '200000.00', paymentTermsDays: 45, reason: '年度授信' };
const rule = { docType: 'customer_credit', name: '测试规则', priority: 50, conditions: [{ field: 'creditLimit', op: 'gt', value: '9000000' }], steps: [{ name: '总经理', kind: 'role', role: 'general_manager', mode: 'any' }] };
async function versionOf(customerId: number): Promise<number> {
  return (await manager.get(`/api/customers/${customerId}`)).json().version;
}
async function newInstance() {
  const res = await rep.post(`/api/customers/${ids.customer}/credit-requests`, credit);
  ids.lastInstance = res.json().instanceId;
  return ids.lastInstance;
}

type Case = { entity: string; action: string; run: () => Promise<{ statusCode: number; headers: Record<string, unknown> }> };

const cases: Record<string, Case> = {
  'POST /api/auth/login': {
    entity: 'user',
    action: 'login',
    run: () => env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'rep1b', password: PASSWORD } }),
  },
  'POST /api/auth/logout': {
    entity: 'user',
    action: 'logout',
    run: async () => (await Client.login(env.app, 'rep1b')).post('/api/auth/logout'),
  },
  'POST /api/auth/password': {
    entity: 'user',
    action: 'change_password',
    run: async () => (await Client.login(env.app, 'teamrep')).post('/api/auth/password', { oldPassword: PASSWORD, newPassword: 'newpass123' }),
  },
  'PUT /api/auth/locale': { entity: 'user', action: 'update', run: () => rep.put('/api/auth/locale', { locale: 'zh-TW' }) },
  'POST /api/departments': {
    entity: 'department',
    action: 'create',
    run: async () => {
      const res = await admin.post('/api/departments', { parentId: org.dept.root, name: '市场部' });
      ids.dept = res.json().id;
      return res;
    },
  },
  'PUT /api/departments/:id': {
    entity: 'department',
    action: 'update',
    run: () => admin.put(`/api/departments/${ids.dept}`, { parentId: org.dept.root, name: '市场推广部', version: 1 }),
  },
  'POST /api/users': {
    entity: 'user',
    action: 'create',
    run: async () => {
      const res = await admin.post('/api/users', { username: 'newrep', name: '新人', deptId: org.dept.sales1, roles: ['sales_rep'], password: 'welcome123' });
      ids.user = res.json().id;
      return res;
    },
  },
  'PUT /api/users/:id': {
    entity: 'user',
    action: 'update',
    run: () => admin.put(`/api/users/${ids.user}`, { username: 'newrep', name: '新人甲', deptId: org.dept.sales1, roles: ['sales_rep'], version: 1 }),
  },
  'POST /api/users/:id/reset-password': {
    entity: 'user',
    action: 'reset_password',
    run: () => admin.post(`/api/users/${ids.user}/reset-password`, { password: 'another123' }),
  },
  'POST /api/roles': {
    entity: 'role',
    action: 'create',
    run: async () => {
      const res = await admin.post('/api/roles', { code: 'intern', name: '实习生', grants: [{ permission: 'customer.view', scope: 'SELF' }] });
      ids.role = res.json().id;
      return res;
    },
  },
  'PUT /api/roles/:id': {
    entity: 'role',
    action: 'update',
    run: () => admin.put(`/api/roles/${ids.role}`, { name: '实习销售', grants: [{ permission: 'customer.view', scope: 'DEPT' }], version: 1 }),
  },
  'PUT /api/policies/:key': {
    entity: 'policy',
    action: 'update',
    run: () => admin.put('/api/policies/pool.noFollowUpReclaimDays', { value: 45, version: 0 }),
  },
  'POST /api/customers': {
    entity: 'customer',
    action: 'create',
    run: async () => {
      const res = await rep.post('/api/customers', { kind: 'individual', name: '审计客户', mobile: '13600001111' });
      ids.customer = res.json().id;
      return res;
    },
  },
  'PUT /api/customers/:id': {
    entity: 'customer',
    action: 'update',
    run: () => rep.put(`/api/customers/${ids.customer}`, { kind: 'individual', name: '审计客户乙', mobile: '13600001111', version: 1 }),
  },
  'POST /api/customers/:id/contacts': {
    entity: 'customer_contact',
    action: 'create',
    run: async () => {
      const res = await rep.post(`/api/customers/${ids.customer}/contacts`, { name: '联系人' });
      ids.contact = res.json().id;
      return res;
    },
  },
  'PUT /api/contacts/:id': {
    entity: 'customer_contact',
    action: 'update',
    run: () => rep.put(`/api/contacts/${ids.contact}`, { name: '联系人乙', version: 1 }),
  },
  'DELETE /api/contacts/:id': { entity: 'customer_contact', action: 'delete', run: () => rep.delete(`/api/contacts/${ids.contact}?version=2`) },
  'POST /api/customers/:id/follow-ups': {
    entity: 'follow_up',
    action: 'create',
    run: () => rep.post(`/api/customers/${ids.customer}/follow-ups`, { type: 'sms', content: '短信问候', outcome: 'neutral' }),
  },
  'POST /api/customers/:id/credit-requests': {
    entity: 'customer',
    action: 'credit_request',
    run: async () => {
      const res = await rep.post(`/api/customers/${ids.customer}/credit-requests`, credit);
      ids.instance = res.json().instanceId;
      return res;
    },
  },
  'POST /api/approvals/:id/approve': { entity: 'approval_instance', action: 'approve', run: () => manager.post(`/api/approvals/${ids.instance}/approve`, { comment: '同意' }) },
  'POST /api/approvals/:id/reject': {
    entity: 'approval_instance',
    action: 'reject',
    run: async () => manager.post(`/api/approvals/${await newInstance()}/reject`, { comment: '额度过高' }),
  },
  'POST /api/approvals/:id/return': {
    entity: 'approval_instance',
    action: 'return',
    run: async () => manager.post(`/api/approvals/${await newInstance()}/return`, { comment: '补充材料' }),
  },
  'POST /api/approvals/:id/delegate': {
    entity: 'approval_instance',
    action: 'delegate',
    run: async () => manager.post(`/api/approvals/${await newInstance()}/delegate`, { toUserId: org.user.director }),
  },
  'POST /api/approvals/:id/withdraw': {
    entity: 'approval_instance',
    action: 'withdraw',
    run: async () => {
      await (await Client.login(env.app, 'director')).post(`/api/approvals/${ids.lastInstance}/approve`, {});
      return rep.post(`/api/approvals/${await newInstance()}/withdraw`, {});
    },
  },
  'POST /api/approval-rules': {
    entity: 'approval_rule',
    action: 'create',
    run: async () => {
      const res = await admin.post('/api/approval-rules', rule);
      ids.rule = res.json().id;
      return res;
    },
  },
  'PUT /api/approval-rules/:id': {
    entity: 'approval_rule',
    action: 'update',
    run: () => admin.put(`/api/approval-rules/${ids.rule}`, { ...rule, name: '特批', version: 1 }),
  },
  'POST /api/notifications/read': { entity: 'user', action: 'notifications_read', run: () => rep.post('/api/notifications/read', { ids: 'all' }) },
  'POST /api/customers/:id/transfer': {
    entity: 'customer',
    action: 'transfer',
    run: async () => manager.post(`/api/customers/${ids.customer}/transfer`, { toUserId: org.user.rep1b, reason: '离职交接', version: await versionOf(ids.customer) }),
  },
  'DELETE /api/customers/:id': { entity: 'customer', action: 'delete', run: async () => manager.delete(`/api/customers/${ids.customer}?version=${await versionOf(ids.customer)}`) },
};

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  admin = await Client.login(env.app, 'admin');
  rep = await Client.login(env.app, 'rep1');
  manager = await Client.login(env.app, 'manager1');
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
      expect(rows.rows.every((r) => r.actor_id !== null), key).toBe(true);
    }
  });

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
