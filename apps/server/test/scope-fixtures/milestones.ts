import { insertCustomer } from '../../src/modules/deliveries/deliveries.test-seed.ts';
import { insertSignedSale } from '../../src/modules/returns/returns.test-seed.ts';
import type { ScopeFixtureFile } from './types.ts';

const CUSTOMER = '扫描流程客户';

/**
 * A post-sale process rep1 (销售一部) runs on an order of a customer of its own, with a step already
 * late (started long ago, due the same day) so the late-steps list shows it to its owner too.
 */
export const milestoneFixtures: ScopeFixtureFile = {
  async setup({ env, org, owner, fixture }) {
    const tpl = await env.database.pool.query(
      `insert into milestone_templates (name) values ('扫描流程模板') returning id`,
    );
    await env.database.pool.query(
      `insert into milestone_template_steps (template_id, seq, name, offset_days) values ($1, 1, '扫描步骤', 0)`,
      [tpl.rows[0].id],
    );
    const customerId = await insertCustomer(env, CUSTOMER, org.user.rep1);
    const sale = await insertSignedSale(env, {
      customerId,
      ownerId: org.user.rep1,
      qty: '1',
      unitPrice: '10.00',
      signedDate: '2026-01-05',
    });
    const res = await owner.post('/api/milestone-processes', {
      templateId: tpl.rows[0].id,
      orderId: sale.orderId,
      startDate: '2026-01-05',
    });
    if (res.statusCode !== 201) throw new Error(`milestone fixture: ${res.statusCode} ${res.body}`);
    fixture.milestone_process = res.json().id;
  },
  bodies: {
    'POST /api/milestone-processes/:id/complete-step': (version) => ({ stepId: 1, version }),
  },
  markers: { milestone_process: CUSTOMER },
};
