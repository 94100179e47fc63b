import { upsertTask } from '../../src/platform/tasks/index.ts';
import { Client, PASSWORD } from '../harness.ts';
import { auditCredit } from './customers.ts';
import type { AuditCases, AuditContext } from './types.ts';

const rule = {
  docType: 'customer_credit',
  name: '测试规则',
  priority: 50,
  conditions: [{ field: 'creditLimit', op: 'gt', value: '9000000' }],
  steps: [{ name: '总经理', kind: 'role', role: 'general_manager', mode: 'any' }],
};

/** Auth, departments, users, roles and policies. */
export function platformCases(ctx: AuditContext): AuditCases {
  const { env, org, admin, rep, ids } = ctx;
  return {
    'POST /api/auth/login': {
      entity: 'user',
      action: 'login',
      run: () =>
        env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'rep1b', password: PASSWORD } }),
    },
    'POST /api/auth/logout': {
      entity: 'user',
      action: 'logout',
      run: async () => (await Client.login(env.app, 'rep1b')).post('/api/auth/logout'),
    },
    'POST /api/auth/password': {
      entity: 'user',
      action: 'change_password',
      run: async () =>
        (await Client.login(env.app, 'teamrep')).post('/api/auth/password', {
          oldPassword: PASSWORD,
          newPassword: 'newpass123',
        }),
    },
    'PUT /api/auth/locale': {
      entity: 'user',
      action: 'update',
      run: () => rep.put('/api/auth/locale', { locale: 'zh-TW' }),
    },
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
        const res = await admin.post('/api/users', {
          username: 'newrep',
          name: '新人',
          deptId: org.dept.sales1,
          roles: ['sales_rep'],
          password: 'welcome123',
        });
        ids.user = res.json().id;
        return res;
      },
    },
    'PUT /api/users/:id': {
      entity: 'user',
      action: 'update',
      run: () =>
        admin.put(`/api/users/${ids.user}`, {
          username: 'newrep',
          name: '新人甲',
          deptId: org.dept.sales1,
          roles: ['sales_rep'],
          version: 1,
        }),
    },
    'POST /api/users/:id/reset-password': {
      entity: 'user',
      action: 'reset_password',
      run: () => admin.post(`/api/users/${ids.user}/reset-password`, { password: 'another123' }),
    },
    'POST /api/users/:id/unlock': {
      entity: 'user',
      action: 'unlock',
      run: () => admin.post(`/api/users/${ids.user}/unlock`),
    },
    'POST /api/roles': {
      entity: 'role',
      action: 'create',
      run: async () => {
        const res = await admin.post('/api/roles', {
          code: 'intern',
          name: '实习生',
          grants: [{ permission: 'customer.view', scope: 'SELF' }],
        });
        ids.role = res.json().id;
        return res;
      },
    },
    'PUT /api/roles/:id': {
      entity: 'role',
      action: 'update',
      run: () =>
        admin.put(`/api/roles/${ids.role}`, {
          name: '实习销售',
          grants: [{ permission: 'customer.view', scope: 'DEPT' }],
          version: 1,
        }),
    },
    'PUT /api/policies/:key': {
      entity: 'policy',
      action: 'update',
      run: () => admin.put('/api/policies/pool.noFollowUpReclaimDays', { value: 45, version: 0 }),
    },
    'PUT /api/calendar/settings': {
      entity: 'calendar_settings',
      action: 'update',
      run: () =>
        admin.put('/api/calendar/settings', {
          weekdays: [1, 2, 3, 4, 5],
          dayStart: '08:30',
          dayEnd: '17:30',
          breakStart: null,
          breakEnd: null,
          version: 0,
        }),
    },
    'PUT /api/calendar/days/:date': {
      entity: 'calendar_day',
      action: 'create',
      run: () => admin.put('/api/calendar/days/2026-12-31', { kind: 'holiday', name: '司庆' }),
    },
    'DELETE /api/calendar/days/:date': {
      entity: 'calendar_day',
      action: 'delete',
      run: () => admin.delete('/api/calendar/days/2026-12-31'),
    },
  };
}

/**
 * Approvals, approval rules, notifications and tasks. Runs after customerCases: the approvals act on
 * credit requests of ids.customer (ids.instance and fresh ones), before customerHandoverCases moves it away.
 */
export function workflowCases(ctx: AuditContext): AuditCases {
  const { env, org, admin, rep, manager, ids } = ctx;
  // A fresh credit request on the audit customer, to have a pending approval to act on.
  async function newInstance() {
    const res = await rep.post(`/api/customers/${ids.customer}/credit-requests`, auditCredit);
    ids.lastInstance = res.json().instanceId;
    return ids.lastInstance;
  }
  return {
    'POST /api/approvals/:id/approve': {
      entity: 'approval_instance',
      action: 'approve',
      run: () => manager.post(`/api/approvals/${ids.instance}/approve`, { comment: '同意' }),
    },
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
    'POST /api/notifications/read': {
      entity: 'user',
      action: 'notifications_read',
      run: () => rep.post('/api/notifications/read', { ids: 'all' }),
    },
    'POST /api/tasks/:id/complete': {
      entity: 'task',
      action: 'complete',
      run: async () => {
        const task = {
          userId: org.user.rep1,
          kind: 'test',
          titleKey: 'task.followup.due_plain',
          params: { customer: '审计客户' },
          dueDate: '2030-01-01',
          dedupeKey: 'audit-coverage',
        };
        await upsertTask(env.database.db, task);
        const { rows } = await env.database.pool.query(`select id from tasks where dedupe_key = 'audit-coverage'`);
        return rep.post(`/api/tasks/${rows[0].id}/complete`);
      },
    },
  };
}
