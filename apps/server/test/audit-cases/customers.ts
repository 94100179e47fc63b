import type { AuditCases, AuditContext } from './types.ts';

/** A credit request body (授信申请), shared with the approval cases. */
export const auditCredit = { rating: 'A', creditLimit: '200000.00', paymentTermsDays: 45, reason: '年度授信' };

/** Customers, contacts, follow-ups and credit requests; sets ids.customer, ids.contact, ids.instance. */
export function customerCases(ctx: AuditContext): AuditCases {
  const { rep, ids } = ctx;
  return {
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
      run: () =>
        rep.put(`/api/customers/${ids.customer}`, {
          kind: 'individual',
          name: '审计客户乙',
          mobile: '13600001111',
          version: 1,
        }),
    },
    // Saved customer filters (issue 14 item 3).
    'POST /api/customer-filters': {
      entity: 'customer_saved_filter',
      action: 'create',
      run: async () => {
        const res = await rep.post('/api/customer-filters', { name: '审计筛选', filter: { purchaseIntent: 'high' } });
        ids.savedFilter = res.json().id;
        return res;
      },
    },
    'PUT /api/customer-filters/:id': {
      entity: 'customer_saved_filter',
      action: 'update',
      run: () => rep.put(`/api/customer-filters/${ids.savedFilter}`, { name: '审计筛选乙', shared: true, version: 1 }),
    },
    'DELETE /api/customer-filters/:id': {
      entity: 'customer_saved_filter',
      action: 'delete',
      run: () => rep.delete(`/api/customer-filters/${ids.savedFilter}?version=2`),
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
    'DELETE /api/contacts/:id': {
      entity: 'customer_contact',
      // Younger than records.retentionYears: the delete archives.
      action: 'archive',
      run: () => rep.delete(`/api/contacts/${ids.contact}?version=2`),
    },
    'POST /api/customers/:id/follow-ups': {
      entity: 'follow_up',
      action: 'create',
      run: () =>
        rep.post(`/api/customers/${ids.customer}/follow-ups`, { type: 'sms', content: '短信问候', outcome: 'neutral' }),
    },
    'POST /api/customers/:id/credit-requests': {
      entity: 'customer',
      action: 'credit_request',
      run: async () => {
        const res = await rep.post(`/api/customers/${ids.customer}/credit-requests`, auditCredit);
        ids.instance = res.json().instanceId;
        return res;
      },
    },
  };
}

/** Transfer and delete of ids.customer: after workflowCases, which still needs it with its owner. */
export function customerHandoverCases(ctx: AuditContext): AuditCases {
  const { org, manager, ids, versionOf } = ctx;
  return {
    'POST /api/customers/:id/transfer': {
      entity: 'customer',
      action: 'transfer',
      run: async () =>
        manager.post(`/api/customers/${ids.customer}/transfer`, {
          toUserId: org.user.rep1b,
          reason: '离职交接',
          version: await versionOf(ids.customer),
        }),
    },
    'DELETE /api/customers/:id': {
      entity: 'customer',
      // Younger than records.retentionYears: the delete archives.
      action: 'archive',
      run: async () => manager.delete(`/api/customers/${ids.customer}?version=${await versionOf(ids.customer)}`),
    },
  };
}
