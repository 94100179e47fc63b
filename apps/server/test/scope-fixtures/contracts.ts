import { scan, TERMS, userWithRole } from '../../src/modules/contracts/contracts.testkit.ts';
import { Client } from '../harness.ts';
import { insertProduct } from '../q2c-seed.ts';
import { NAME, type ScopeFixtureFile } from './types.ts';

const line = (productId: number) => [{ productId, qty: '1', unitPrice: '100.00', taxRate: '0.00' }];

/**
 * A signed contract of rep1 on the fixture customer (合同, SPEC 3.3) with its scanned copy
 * (fixture.attachment) and an open dispute; lists show the customer NAME.
 */
export const contractFixtures: ScopeFixtureFile = {
  async setup({ env, org, owner, approver, fixture, today }) {
    const productId = await insertProduct(env, { code: 'SCAN-HT1', name: '扫描合同产品' });
    // The customer accepted the fixture proposal: the contract is signed on it (seed 000 3.1.3). A
    // second opportunity would show in the customer-keyword counts of the sweep.
    const proposals = (await owner.get(`/api/opportunities/${fixture.opportunity}/proposals`)).json().items;
    const proposal = proposals.find((p: { id: number }) => p.id === fixture.opportunity_proposal);
    const accepted = await owner.post(`/api/opportunity-proposals/${proposal.id}/response`, {
      response: 'accepted',
      version: proposal.version,
    });
    if (accepted.statusCode !== 200) throw new Error(`proposal fixture: ${accepted.statusCode} ${accepted.body}`);
    const res = await owner.post('/api/contracts', {
      customerId: fixture.customer,
      title: `${NAME}合同`,
      lines: line(productId),
      paymentPlan: [{ kind: 'final', dueDate: today(), amount: '100.00' }],
      // Signed on a proposal the customer accepted (seed 000 3.1.3), with the terms review needs.
      proposalId: proposal.id,
      ...TERMS,
    });
    if (res.statusCode !== 201) throw new Error(`contract fixture: ${res.statusCode} ${res.body}`);
    const id = res.json().id;
    fixture.contract = id;
    // 合同评审 goes 法务 → 商务: the org needs a legal user before the submit.
    const legal = await userWithRole(env, 'scanlegal', '扫描法务', org.dept.mgmt, 'legal');
    const commerce = await Client.login(env.app, 'commerce');
    const sub = await owner.post(`/api/contracts/${id}/submit`, { version: 1 });
    if (sub.statusCode !== 200) throw new Error(`contract fixture submit: ${sub.statusCode} ${sub.body}`);
    const { instanceId } = sub.json();
    await legal.post(`/api/approvals/${instanceId}/approve`, {});
    await commerce.post(`/api/approvals/${instanceId}/approve`, {});
    const version = (await owner.get(`/api/contracts/${id}`)).json().version;
    const signed = await approver.post(`/api/contracts/${id}/sign`, {
      version,
      signedDate: today(),
      ourSignatory: '李经理',
      customerSignatory: '客户',
      scan,
    });
    if (signed.statusCode !== 200) throw new Error(`contract fixture sign: ${signed.statusCode} ${signed.body}`);
    fixture.attachment = signed.json().scan.id;
    const d = await owner.post(`/api/contracts/${id}/disputes`, {
      title: '扫描纠纷',
      description: '扫描',
      handlerId: org.user.rep1,
    });
    fixture.contract_dispute = d.json().id;
  },
  bodies: {
    'PUT /api/contracts/:id': (version) => ({ title: '越权改合同', lines: line(1), version }),
    'POST /api/contracts/:id/submit': (version) => ({ version }),
    'POST /api/contracts/:id/sign': (version) => ({
      version,
      signedDate: '2026-01-01',
      ourSignatory: '越权',
      customerSignatory: '越权',
      scan,
    }),
    'POST /api/contracts/:id/complete': (version) => ({ version }),
    'POST /api/contracts/:id/orders': (version) => ({ version, requestedDate: '2030-01-15' }),
    'POST /api/contracts/:id/terminate': (version) => ({ version, reason: '越权' }),
    'POST /api/contracts/:id/amendments': (version) => ({
      version,
      reason: '越权',
      lines: line(1),
      paymentPlan: [{ kind: 'final', dueDate: '2026-01-01', amount: '100.00' }],
    }),
    'POST /api/contracts/:id/disputes': () => ({ title: '越权', description: '越权', handlerId: 1 }),
    'POST /api/contract-disputes/:id/resolve': (version) => ({ version, resolution: '越权' }),
  },
};
