import { NAME, type ScopeFixtureFile } from './types.ts';

/** A pool (公海) of 销售一部 only, with a customer the owner released into it. */
export const poolFixtures: ScopeFixtureFile = {
  async setup({ org, owner, approver, fixture }) {
    // approver is manager1, head of 销售一部.
    fixture.pool = (
      await approver.post('/api/pools', { name: `${NAME}公海`, memberDeptIds: [org.dept.sales1] })
    ).json().id;
    const pc = (
      await owner.post('/api/customers', { kind: 'company', name: `${NAME}（公海）`, mobile: '13700009999' })
    ).json();
    await owner.post(`/api/customers/${pc.id}/release`, { reason: '扫描', poolId: fixture.pool, version: pc.version });
    fixture.pool_customer = pc.id;
  },
  bodies: {
    'POST /api/customers/:id/release': (version) => ({ reason: '越权', version }),
    'POST /api/customers/:id/lock': (version) => ({ version }),
    'POST /api/customers/:id/unlock': (version) => ({ version }),
    'POST /api/pool/customers/:id/claim': () => ({}),
    'POST /api/pool/customers/:id/move': (version) => ({ toPoolId: 1, reason: '越权', version }),
    'POST /api/pool/customers/:id/assign': (version) => ({ toUserId: 1, reason: '越权', version }),
    'PUT /api/pools/:id': (version) => ({ name: '越权', memberDeptIds: [1], version }),
  },
};
