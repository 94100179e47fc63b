import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, PASSWORD, seedOrg, type TestEnv } from './harness.ts';
import { upsertTask } from '../src/platform/tasks/index.ts';

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

// Opportunities (商机): the 4S pipeline has hand-ticked items; versions are read back each time.
async function oppVersion(id: number): Promise<number> {
  return (await rep.get(`/api/opportunities/${id}`)).json().version;
}
async function fourS(): Promise<{ id: number; stages: { id: number; name: string }[] }> {
  return (await rep.get('/api/pipelines')).json().items.find((p: { code: string }) => p.code === '4s');
}
const auditPipeline = {
  name: '审计流程',
  stages: [
    { name: '接洽', probability: 20 },
    { name: '成交', probability: 100, kind: 'won' },
    { name: '丢单', probability: 0, kind: 'lost' },
  ],
};

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
  'POST /api/tasks/:id/complete': {
    entity: 'task',
    action: 'complete',
    run: async () => {
      const task = { userId: org.user.rep1, kind: 'test', titleKey: 'task.followup.due_plain', params: { customer: '审计客户' }, dueDate: '2030-01-01', dedupeKey: 'audit-coverage' };
      await upsertTask(env.database.db, task);
      const { rows } = await env.database.pool.query(`select id from tasks where dedupe_key = 'audit-coverage'`);
      return rep.post(`/api/tasks/${rows[0].id}/complete`);
    },
  },
  'POST /api/customers/:id/transfer': {
    entity: 'customer',
    action: 'transfer',
    run: async () => manager.post(`/api/customers/${ids.customer}/transfer`, { toUserId: org.user.rep1b, reason: '离职交接', version: await versionOf(ids.customer) }),
  },
  'DELETE /api/customers/:id': { entity: 'customer', action: 'delete', run: async () => manager.delete(`/api/customers/${ids.customer}?version=${await versionOf(ids.customer)}`) },
  'POST /api/pipelines': {
    entity: 'pipeline',
    action: 'create',
    run: async () => {
      const res = await admin.post('/api/pipelines', auditPipeline);
      ids.pipeline = res.json().id;
      return res;
    },
  },
  'PUT /api/pipelines/:id': {
    entity: 'pipeline',
    action: 'update',
    run: async () => {
      const p = (await admin.get('/api/pipelines')).json().items.find((x: { id: number }) => x.id === ids.pipeline);
      return admin.put(`/api/pipelines/${ids.pipeline}`, { ...auditPipeline, name: '审计销售流程', stages: p.stages, version: 1 });
    },
  },
  'POST /api/opportunities': {
    entity: 'opportunity',
    action: 'create',
    run: async () => {
      ids.oppCustomer = (await rep.post('/api/customers', { kind: 'company', name: '审计商机客户有限公司' })).json().id;
      const res = await rep.post('/api/opportunities', { name: '审计商机', customerId: ids.oppCustomer, pipelineId: (await fourS()).id, amount: '1000.00' });
      ids.opp = res.json().id;
      return res;
    },
  },
  'PUT /api/opportunities/:id': {
    entity: 'opportunity',
    action: 'update',
    run: () => rep.put(`/api/opportunities/${ids.opp}`, { name: '审计商机乙', customerId: ids.oppCustomer, amount: '1200.50', version: 1 }),
  },
  'PUT /api/opportunities/:id/checklist': {
    entity: 'opportunity',
    action: 'checklist',
    run: async () => rep.put(`/api/opportunities/${ids.opp}/checklist`, { stageId: (await fourS()).stages[0].id, key: 'visit_registered', done: true, version: await oppVersion(ids.opp) }),
  },
  'POST /api/opportunities/:id/move': {
    entity: 'opportunity',
    action: 'move',
    run: async () => rep.post(`/api/opportunities/${ids.opp}/move`, { stageId: (await fourS()).stages[1].id, version: await oppVersion(ids.opp) }),
  },
  'PUT /api/opportunities/:id/needs-analysis': {
    entity: 'opportunity',
    action: 'needs_analysis',
    run: () => rep.put(`/api/opportunities/${ids.opp}/needs-analysis`, { needs: '换购一台七座 SUV', budget: '300000', version: 0 }),
  },
  'POST /api/opportunities/:id/proposals': {
    entity: 'opportunity_proposal',
    action: 'create',
    run: async () => {
      const res = await rep.post(`/api/opportunities/${ids.opp}/proposals`, { title: '购车方案', items: 'SUV 豪华版 ×1', price: '289800.00' });
      ids.proposal = res.json().id;
      return res;
    },
  },
  'PUT /api/opportunity-proposals/:id': {
    entity: 'opportunity_proposal',
    action: 'update',
    run: () => rep.put(`/api/opportunity-proposals/${ids.proposal}`, { title: '购车方案（修订）', items: 'SUV 豪华版 ×1', price: '285000.00', version: 1 }),
  },
  'POST /api/opportunity-proposals/:id/response': {
    entity: 'opportunity_proposal',
    action: 'respond',
    run: () => rep.post(`/api/opportunity-proposals/${ids.proposal}/response`, { response: 'rejected', note: '价格偏高', version: 2 }),
  },
  'DELETE /api/opportunity-proposals/:id': {
    entity: 'opportunity_proposal',
    action: 'delete',
    run: () => rep.delete(`/api/opportunity-proposals/${ids.proposal}?version=3`),
  },
  'POST /api/opportunities/:id/win': {
    entity: 'opportunity',
    action: 'win',
    run: async () => {
      const o = (await rep.post('/api/opportunities', { name: '审计赢单', customerId: ids.oppCustomer, pipelineId: ids.pipeline })).json();
      return rep.post(`/api/opportunities/${o.id}/win`, { version: o.version });
    },
  },
  'POST /api/opportunities/:id/lose': {
    entity: 'opportunity',
    action: 'lose',
    run: async () => rep.post(`/api/opportunities/${ids.opp}/lose`, { reason: '客户预算取消', version: await oppVersion(ids.opp) }),
  },
  'POST /api/opportunities/:id/reopen': {
    entity: 'opportunity',
    action: 'reopen',
    run: async () => rep.post(`/api/opportunities/${ids.opp}/reopen`, { reason: '客户重新询价', version: await oppVersion(ids.opp) }),
  },
  'DELETE /api/opportunities/:id': {
    entity: 'opportunity',
    action: 'delete',
    run: async () => manager.delete(`/api/opportunities/${ids.opp}?version=${await oppVersion(ids.opp)}`),
  },
  // Public pool (公海) and front desk (集客, 轮值).
  'POST /api/pools': {
    entity: 'pool',
    action: 'create',
    run: async () => {
      const res = await admin.post('/api/pools', { name: '审计公海', memberDeptIds: [org.dept.sales1] });
      ids.pool = res.json().id;
      return res;
    },
  },
  'PUT /api/pools/:id': { entity: 'pool', action: 'update', run: () => admin.put(`/api/pools/${ids.pool}`, { name: '审计公海乙', memberDeptIds: [org.dept.sales1], version: 1 }) },
  'POST /api/customers/:id/lock': {
    entity: 'customer',
    action: 'lock',
    run: async () => {
      const c = (await rep.post('/api/customers', { kind: 'individual', name: '审计公海客户', mobile: '13600002222' })).json();
      ids.poolCustomer = c.id;
      return rep.post(`/api/customers/${c.id}/lock`, { version: c.version });
    },
  },
  'POST /api/customers/:id/unlock': { entity: 'customer', action: 'unlock', run: async () => rep.post(`/api/customers/${ids.poolCustomer}/unlock`, { version: await versionOf(ids.poolCustomer) }) },
  'POST /api/customers/:id/release': {
    entity: 'customer',
    action: 'release',
    run: async () => rep.post(`/api/customers/${ids.poolCustomer}/release`, { reason: '无意向', poolId: ids.pool, version: await versionOf(ids.poolCustomer) }),
  },
  'POST /api/pool/customers/:id/move': {
    entity: 'customer',
    action: 'pool_move',
    run: async () => {
      const to = (await admin.get('/api/pools')).json().items.find((p: { isDefault: boolean }) => p.isDefault).id;
      const { version } = (await admin.get(`/api/pool/customers/${ids.poolCustomer}`)).json();
      return admin.post(`/api/pool/customers/${ids.poolCustomer}/move`, { toPoolId: to, reason: '调整公海', version });
    },
  },
  'POST /api/pool/customers/:id/assign': {
    entity: 'customer',
    action: 'pool_assign',
    run: async () => {
      const { version } = (await admin.get(`/api/pool/customers/${ids.poolCustomer}`)).json();
      return admin.post(`/api/pool/customers/${ids.poolCustomer}/assign`, { toUserId: org.user.rep1b, reason: '指派', version });
    },
  },
  'POST /api/pool/customers/:id/claim': {
    entity: 'customer',
    action: 'claim',
    run: async () => {
      const c = (await rep.post('/api/customers', { kind: 'individual', name: '审计领取客户', mobile: '13600003333' })).json();
      await rep.post(`/api/customers/${c.id}/release`, { reason: '退回', version: c.version });
      return manager.post(`/api/pool/customers/${c.id}/claim`);
    },
  },
  'POST /api/duty-groups': {
    entity: 'duty_group',
    action: 'create',
    run: async () => {
      const res = await manager.post('/api/duty-groups', { name: '审计接待组', deptId: org.dept.sales1, memberIds: [org.user.rep1b] });
      ids.dutyGroup = res.json().id;
      return res;
    },
  },
  'PUT /api/duty-groups/:id': {
    entity: 'duty_group',
    action: 'update',
    run: () => manager.put(`/api/duty-groups/${ids.dutyGroup}`, { name: '审计接待一组', deptId: org.dept.sales1, memberIds: [org.user.rep1b], version: 1 }),
  },
  'PUT /api/duty-groups/:id/roster': {
    entity: 'duty_group',
    action: 'roster',
    run: () =>
      manager.put(`/api/duty-groups/${ids.dutyGroup}/roster`, {
        dates: [new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())],
        members: [{ userId: org.user.rep1b }],
      }),
  },
  'POST /api/front-desk/registrations': {
    entity: 'frontdesk_registration',
    action: 'route',
    run: async () => {
      const res = await (await Client.login(env.app, 'front')).post('/api/front-desk/registrations', { kind: 'visit', visitorName: '审计访客', phone: '13600004444', channel: 'walk_in' });
      ids.registration = res.json().id;
      return res;
    },
  },
  'POST /api/front-desk/registrations/:id/market-survey': {
    entity: 'frontdesk_registration',
    action: 'market_survey',
    run: async () =>
      (await Client.login(env.app, 'front')).post(`/api/front-desk/registrations/${ids.registration}/market-survey`, {
        repUserId: org.user.rep1b,
        repConfirmed: true,
        visitorConfirmed: true,
        version: 1,
      }),
  },
  'POST /api/front-desk/registrations/:id/replacement': {
    entity: 'frontdesk_registration',
    action: 'replacement_grant',
    run: async () => (await Client.login(env.app, 'director')).post(`/api/front-desk/registrations/${ids.registration}/replacement`, { note: '补客户' }),
  },
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
