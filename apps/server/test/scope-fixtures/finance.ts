import { insertOrder } from '../../src/modules/finance/finance.fixtures.ts';
import { Client } from '../harness.ts';
import type { ScopeFixtureFile } from './types.ts';

const ok = async (what: string, res: { statusCode: number; body: string }, status = 201) => {
  if (res.statusCode !== status) throw new Error(`finance fixture ${what}: ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body);
};

/**
 * rep1b's order on the fixture customer (direct SQL, 1000.00) with a confirmed payment (fixture.payment,
 * its receipt printable), an issued invoice (fixture.invoice) and an approved bad-debt write-off
 * (fixture.bad_debt_writeoff, approved in full so no approval stays pending); receivables lists show the customer NAME.
 */
export const financeFixtures: ScopeFixtureFile = {
  async setup({ env, org, approver, fixture, today }) {
    // Owned by rep1b (销售一部), so rep1's own order lists and counts keep exactly their own fixture.
    const owner = await Client.login(env.app, 'rep1b');
    const fin = await Client.login(env.app, 'finance');
    const gm = await Client.login(env.app, 'gm');
    const o = await insertOrder(env, {
      customerId: fixture.customer,
      ownerId: org.user.rep1b,
      ownerDeptId: org.dept.sales1,
      lines: [{ qty: '1', unitPrice: '1000.00', taxRate: '0.00' }],
    });
    const inv = await ok(
      'invoice',
      await fin.post('/api/invoices', { orderId: o.id, kind: 'vat_normal', externalNo: 'SCAN00000001' }),
    );
    fixture.invoice = inv.id;
    const pay = await ok(
      'payment',
      await fin.post('/api/payments', {
        orderId: o.id,
        kind: 'instalment',
        method: 'transfer',
        amount: '100.00',
        receivedDate: today(),
        payerName: '扫描付款人',
      }),
    );
    fixture.payment = pay.id;
    const w = await ok(
      'write-off',
      await owner.post('/api/write-offs', { orderId: o.id, amount: '50.00', reason: '扫描核销' }),
    );
    for (const who of [approver, fin, gm])
      await ok(
        'write-off approval',
        await who.post(`/api/approvals/${w.instanceId}/approve`, { comment: '同意' }),
        200,
      );
    fixture.bad_debt_writeoff = w.id;
  },
  // manager1 (head of 销售一部) sees rep1b's finance records; manager2 must not.
  insiders: { payment: 'approver', invoice: 'approver', receivable: 'approver', bad_debt_writeoff: 'approver' },
  bodies: {
    'POST /api/payments/:id/confirm': (version) => ({ version }),
    'POST /api/payments/:id/clear': (version) => ({ version }),
    'POST /api/payments/:id/bounce': (version) => ({ version }),
    'POST /api/payments/:id/reject': (version) => ({ version, reason: '越权' }),
    'POST /api/invoices/:id/void': (version) => ({ version, reason: '越权' }),
    'POST /api/invoices/:id/reissue': () => ({ kind: 'vat_normal', externalNo: 'SCAN-EVIL-1' }),
  },
};
