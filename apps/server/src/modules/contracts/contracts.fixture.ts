import { Client, createTestEnv, seedOrg } from '../../../test/harness.ts';
import { insertProduct } from '../../../test/q2c-seed.ts';
import { companyDate } from '../../platform/time.ts';
import { acceptedProposal, addDays, line, plan, TERMS, userWithRole } from './contracts.testkit.ts';

export type ContractFixture = Awaited<ReturnType<typeof contractFixture>>;

/** A company with the contract roles, a product, and a customer of rep1 with an accepted proposal. */
export async function contractFixture() {
  const env = await createTestEnv();
  const org = await seedOrg(env);
  const [rep, rep2, manager1, manager2, commerce, gm, admin] = await Promise.all(
    ['rep1', 'rep2', 'manager1', 'manager2', 'commerce', 'gm', 'admin'].map((u) => Client.login(env.app, u)),
  );
  const legal = await userWithRole(env, 'legal1', '陈法务', org.dept.mgmt, 'legal');
  const productId = await insertProduct(env, { code: 'HT-P1', name: '数控机床', standardPrice: '10000.00' });
  const customerId = (
    await rep.post('/api/customers', { kind: 'company', name: '合同测试客户有限公司', phone: '02166668888' })
  ).json().id;
  // The proposal the customer accepted: the source these contracts are signed on.
  const proposalId = await acceptedProposal(rep, customerId);
  const today = companyDate(new Date());

  /** Drafts a contract of rep1's customer on the accepted proposal; `over` replaces fields. */
  const draft = (over: Record<string, unknown> = {}) =>
    rep.post('/api/contracts', {
      customerId,
      title: '数控机床采购合同',
      lines: [line(productId, '10', '10000.00')],
      paymentPlan: plan(['deposit', addDays(today, 10), '30000.00'], ['final', addDays(today, 60), '70000.00']),
      startDate: today,
      endDate: addDays(today, 365),
      proposalId,
      ...TERMS,
      ...over,
    });
  const detail = async (id: number, who = rep) => (await who.get(`/api/contracts/${id}`)).json();
  /** Drafts, submits and passes review (法务 → 商务); returns the approved contract. */
  const approvedContract = async (over: Record<string, unknown> = {}) => {
    const { id } = (await draft(over)).json();
    const sub = (await rep.post(`/api/contracts/${id}/submit`, { version: 1 })).json();
    await legal.post(`/api/approvals/${sub.instanceId}/approve`, {});
    await commerce.post(`/api/approvals/${sub.instanceId}/approve`, {});
    return detail(id);
  };
  return {
    env,
    org,
    rep,
    rep2,
    manager1,
    manager2,
    legal,
    commerce,
    gm,
    admin,
    customerId,
    productId,
    today,
    draft,
    detail,
    approvedContract,
  };
}
