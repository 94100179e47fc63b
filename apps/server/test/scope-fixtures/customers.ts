import { runFollowUpSweep } from '../../src/modules/customers/follow-ups.sweep.ts';
import { NAME, PHONE, type ScopeFixtureFile } from './types.ts';

/**
 * The fixture customer with a contact and a follow-up, the follow-up's task (made by the follow-up
 * sweep) and a credit request with its approval instance.
 */
export const customerFixtures: ScopeFixtureFile = {
  async setup({ env, org, owner, fixture, today }) {
    const c = (await owner.post('/api/customers', { kind: 'company', name: NAME, mobile: PHONE })).json();
    fixture.customer = c.id;
    // A saved filter shared with 销售一部: still invisible to 销售二部 (issue 14 item 3).
    fixture.customer_saved_filter = (
      await owner.post('/api/customer-filters', { name: NAME, shared: true, filter: { purchaseIntent: 'high' } })
    ).json().id;
    fixture.customer_contact = (
      await owner.post(`/api/customers/${c.id}/contacts`, { name: '联系人甲', mobile: '13700005678' })
    ).json().id;
    await owner.post(`/api/customers/${c.id}/follow-ups`, {
      type: 'visit',
      content: '拜访',
      outcome: 'positive',
      nextActionDate: today(),
    });
    fixture.follow_up = c.id;
    // The next action due today becomes the owner's task (SPEC 1.6).
    await runFollowUpSweep(env.database.db, new Date());
    fixture.task = (
      await env.database.pool.query('select id from tasks where user_id = $1', [org.user.rep1])
    ).rows[0].id;
    const credit = (
      await owner.post(`/api/customers/${c.id}/credit-requests`, {
        rating: 'B',
        creditLimit: '80000.00',
        paymentTermsDays: 30,
        reason: '扫描',
      })
    ).json();
    fixture.credit_request = credit.id;
    fixture.approval_instance = credit.instanceId;
  },
  bodies: {
    'PUT /api/customers/:id': (version) => ({ kind: 'company', name: '改名公司', version }),
    'POST /api/customers/:id/transfer': (version) => ({ toUserId: 1, reason: '调整', version }),
    'DELETE /api/customers/:id': () => undefined,
    'PUT /api/customer-filters/:id': (version) => ({ name: '越权改名', shared: false, version }),
    'DELETE /api/customer-filters/:id': () => undefined,
    'POST /api/customers/:id/contacts': () => ({ name: '新联系人' }),
    'PUT /api/contacts/:id': (version) => ({ name: '改名', version }),
    'DELETE /api/contacts/:id': () => undefined,
    'POST /api/customers/:id/follow-ups': () => ({ type: 'call', content: '试图越权', outcome: 'neutral' }),
    'POST /api/customers/:id/credit-requests': () => ({
      rating: 'A',
      creditLimit: '100000.00',
      paymentTermsDays: 30,
      reason: '越权',
    }),
  },
  // Follow-up lists show the follow-up's content, not the customer's name.
  markers: { follow_up: '拜访' },
  bulkBodies: {
    'POST /api/customers/bulk-transfer': (items) => ({ items, toUserId: 1, reason: '越权' }),
    'POST /api/customers/bulk-release': (items) => ({ items, reason: '越权' }),
  },
};
