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
    'POST /api/service-tickets/:id/visits': (version) => ({
      arrivedAt: '2026-01-05T09:00:00+08:00',
      workDone: '越权',
      version,
    }),
    'POST /api/service-tickets/:id/parts': (version) => ({ warehouseId: 1, productId: 1, qty: '1', version }),
    'POST /api/service-tickets/:id/charges': (version) => ({ description: '越权', amount: '1.00', version }),
    'POST /api/service-tickets/:id/checks': (version) => ({ item: 'training', version }),
    'POST /api/service-tickets/:id/report/sign': (version) => ({
      signerName: '越权',
      file: {
        fileName: 'x.png',
        mimeType: 'image/png',
        contentBase64:
          'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      },
      version,
    }),
    'POST /api/service-tickets/:id/reopen': (version) => ({ reason: '越权', version }),
  },
};
