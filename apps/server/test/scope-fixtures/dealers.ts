import type { ScopeFixtureFile } from './types.ts';

// Lists show the dealer's customer account: the fixture name (NAME) is the marker.
const DEALER = '扫描经销商';

/**
 * A dealer on the fixture customer, managed by rep1 (the owner, 销售一部) and recorded by rep1:
 * manager2 (销售二部) never sees it, nor its row on the monthly review sheet; rep2 sees nothing.
 */
export const dealerFixtures: ScopeFixtureFile = {
  async setup({ org, owner, fixture }) {
    const r = await owner.post('/api/dealers', {
      name: DEALER,
      customerId: fixture.customer,
      territories: ['扫描区域'],
      contacts: [{ name: '扫描联系人', phone: '13700004321', role: null }],
      ownerId: org.user.rep1,
    });
    if (r.statusCode !== 201) throw new Error(`dealer fixture: ${r.statusCode} ${r.body}`);
    fixture.dealer = r.json().id;
  },
  bodies: {
    'PUT /api/dealers/:id': (version) => ({
      name: '越权',
      customerId: 1,
      territories: ['越权'],
      contacts: [],
      version,
    }),
    'POST /api/dealers/:id/review': () => ({ month: '2020-01', version: 0, rating: 'D', comment: '越权' }),
    'POST /api/dealers/:id/visits': () => ({
      visitedOn: '2020-01-02',
      visitorId: 1,
      purpose: '越权',
      findings: '越权',
    }),
  },
  // The monthly review sheet is the reviewer's: manager1, head of 销售一部.
  insiders: { dealer_review: 'approver' },
};
