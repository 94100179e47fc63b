import type { ScopeFixtureFile } from './types.ts';

/**
 * A service ticket of the fixture customer taken by rep1 (销售一部): owner rep1, department 销售一部
 * — manager2 (销售二部) must get 404 on every ticket route and never see it listed.
 */
export const serviceFixtures: ScopeFixtureFile = {
  async setup({ owner, fixture }) {
    const res = await owner.post('/api/service-tickets', {
      type: 'repair',
      source: 'hotline',
      priority: 'normal',
      customerId: fixture.customer,
      subject: '扫描专用报修',
    });
    if (res.statusCode !== 201) throw new Error(`service ticket fixture: ${res.statusCode} ${res.body}`);
    fixture.service_ticket = res.json().id;
  },
  bodies: {
    'POST /api/service-tickets/:id/assign': (version) => ({ engineerId: 1, version }),
    'POST /api/service-tickets/:id/replies': (version) => ({ kind: 'staff_reply', body: '越权', version }),
    'POST /api/service-tickets/:id/wait': (version) => ({ reason: 'customer', version }),
    'POST /api/service-tickets/:id/resume': (version) => ({ version }),
    'POST /api/service-tickets/:id/priority': (version) => ({ priority: 'urgent', version }),
    'POST /api/service-tickets/:id/resolve': (version) => ({ resolution: '越权', version }),
    'POST /api/service-tickets/:id/confirm': (version) => ({ version }),
    'POST /api/service-tickets/:id/reopen': (version) => ({ reason: '越权', version }),
  },
};
