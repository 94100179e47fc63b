import type { AuditCases, AuditContext } from './types.ts';

/** Public pools (公海) and the lock / release / claim life cycle of pool customers. */
export function poolCases(ctx: AuditContext): AuditCases {
  const { org, admin, rep, manager, ids, versionOf } = ctx;
  return {
    'POST /api/pools': {
      entity: 'pool',
      action: 'create',
      run: async () => {
        const res = await admin.post('/api/pools', { name: '审计公海', memberDeptIds: [org.dept.sales1] });
        ids.pool = res.json().id;
        return res;
      },
    },
    'PUT /api/pools/:id': {
      entity: 'pool',
      action: 'update',
      run: () =>
        admin.put(`/api/pools/${ids.pool}`, { name: '审计公海乙', memberDeptIds: [org.dept.sales1], version: 1 }),
    },
    'POST /api/customers/:id/lock': {
      entity: 'customer',
      action: 'lock',
      run: async () => {
        const c = (
          await rep.post('/api/customers', { kind: 'individual', name: '审计公海客户', mobile: '13600002222' })
        ).json();
        ids.poolCustomer = c.id;
        return rep.post(`/api/customers/${c.id}/lock`, { version: c.version });
      },
    },
    'POST /api/customers/:id/unlock': {
      entity: 'customer',
      action: 'unlock',
      run: async () =>
        rep.post(`/api/customers/${ids.poolCustomer}/unlock`, { version: await versionOf(ids.poolCustomer) }),
    },
    'POST /api/customers/:id/release': {
      entity: 'customer',
      action: 'release',
      run: async () =>
        rep.post(`/api/customers/${ids.poolCustomer}/release`, {
          reason: '无意向',
          poolId: ids.pool,
          version: await versionOf(ids.poolCustomer),
        }),
    },
    'POST /api/pool/customers/:id/move': {
      entity: 'customer',
      action: 'pool_move',
      run: async () => {
        const to = (await admin.get('/api/pools')).json().items.find((p: { isDefault: boolean }) => p.isDefault).id;
        const { version } = (await admin.get(`/api/pool/customers/${ids.poolCustomer}`)).json();
        return admin.post(`/api/pool/customers/${ids.poolCustomer}/move`, {
          toPoolId: to,
          reason: '调整公海',
          version,
        });
      },
    },
    'POST /api/pool/customers/:id/assign': {
      entity: 'customer',
      action: 'pool_assign',
      run: async () => {
        const { version } = (await admin.get(`/api/pool/customers/${ids.poolCustomer}`)).json();
        return admin.post(`/api/pool/customers/${ids.poolCustomer}/assign`, {
          toUserId: org.user.rep1b,
          reason: '指派',
          version,
        });
      },
    },
    'POST /api/pool/customers/:id/claim': {
      entity: 'customer',
      action: 'claim',
      run: async () => {
        const c = (
          await rep.post('/api/customers', { kind: 'individual', name: '审计领取客户', mobile: '13600003333' })
        ).json();
        await rep.post(`/api/customers/${c.id}/release`, { reason: '退回', version: c.version });
        return manager.post(`/api/pool/customers/${c.id}/claim`);
      },
    },
  };
}
