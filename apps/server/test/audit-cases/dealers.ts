import type { AuditCases, AuditContext } from './types.ts';

/** Audit cases of distributors (经销商): record, edit, the monthly review with a reward, a visit. */
export function dealerCases(ctx: AuditContext): AuditCases {
  const { rep, manager, org, ids } = ctx;
  const body = (name: string) => ({
    name,
    customerId: ids.dealerCustomer,
    territories: ['江苏省/南京市'],
    contacts: [{ name: '审计联系人', phone: '13800001111', role: '店长' }],
    ownerId: org.user.rep1,
  });
  return {
    'POST /api/dealers': {
      entity: 'dealer',
      action: 'create',
      run: async () => {
        const c = await rep.post('/api/customers', { kind: 'company', name: '审计经销商客户有限公司' });
        if (c.statusCode !== 201) throw new Error(`dealer customer: ${c.statusCode} ${c.body}`);
        ids.dealerCustomer = c.json().id;
        const r = await manager.post('/api/dealers', body('审计经销商'));
        ids.dealer = r.json().id;
        return r;
      },
    },
    'PUT /api/dealers/:id': {
      entity: 'dealer',
      action: 'update',
      run: async () => manager.put(`/api/dealers/${ids.dealer}`, { ...body('审计经销商（改）'), version: 1 }),
    },
    'POST /api/dealers/:id/review': {
      entity: 'dealer',
      action: 'review',
      run: async () =>
        manager.post(`/api/dealers/${ids.dealer}/review`, {
          month: '2020-01',
          version: 0,
          rating: 'A',
          comment: '审计考评',
          rewardAmount: '100.00',
          rewardReason: '审计奖励',
        }),
    },
    'POST /api/dealers/:id/visits': {
      entity: 'dealer',
      action: 'visit',
      run: async () =>
        rep.post(`/api/dealers/${ids.dealer}/visits`, {
          visitedOn: '2020-01-15',
          visitorId: org.user.rep1,
          purpose: '审计走访',
          findings: '审计发现',
        }),
    },
  };
}
