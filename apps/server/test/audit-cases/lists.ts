import type { AuditCases, AuditContext } from './types.ts';

/** Bulk actions on the customer list (批量转移, 批量放入公海) and the user's own column settings (列设置). */
export function listCases(ctx: AuditContext): AuditCases {
  const { org, rep, manager } = ctx;
  const twoCustomers = async (name: string) => {
    const made = [];
    for (const n of [1, 2]) {
      const res = await rep.post('/api/customers', { kind: 'company', name: `${name}${n}有限公司` });
      made.push({ id: res.json().id as number, version: res.json().version as number });
    }
    return made;
  };
  return {
    'POST /api/customers/bulk-transfer': {
      entity: 'customer',
      action: 'transfer',
      run: async () =>
        manager.post('/api/customers/bulk-transfer', {
          items: await twoCustomers('审计批量转移'),
          toUserId: org.user.rep1b,
          reason: '区域调整',
        }),
    },
    'POST /api/customers/bulk-release': {
      entity: 'customer',
      action: 'release',
      run: async () =>
        rep.post('/api/customers/bulk-release', { items: await twoCustomers('审计批量退回'), reason: '无意向' }),
    },
    'PUT /api/me/preferences/:key': {
      entity: 'user_preference',
      action: 'create',
      run: () => rep.put('/api/me/preferences/table.customers', { value: { order: ['no', 'name'], hidden: ['tags'] } }),
    },
    // 列设置 → 重置 of the setting the case above stored.
    'DELETE /api/me/preferences/:key': {
      entity: 'user_preference',
      action: 'delete',
      run: () => rep.delete('/api/me/preferences/table.customers'),
    },
  };
}
