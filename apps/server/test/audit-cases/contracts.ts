import { acceptedProposal, scan, TERMS, userWithRole } from '../../src/modules/contracts/contracts.testkit.ts';
import { Client } from '../harness.ts';
import { insertProduct } from '../q2c-seed.ts';
import type { AuditCases, AuditContext } from './types.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** Contract templates, contracts (review, signing, amendments, disputes); ids prefixed contract*. */
export function contractCases(ctx: AuditContext): AuditCases {
  const { env, org, admin, rep, manager, ids } = ctx;
  let reviewers: { legal: Client; commerce: Client } | undefined;
  const version = async (id: number) => (await rep.get(`/api/contracts/${id}`)).json().version as number;
  const body = (over: Record<string, unknown> = {}) => ({
    customerId: ids.contractCustomer,
    title: '审计合同',
    lines: [{ productId: ids.contractProduct, qty: '2', unitPrice: '500.00', taxRate: '0.00' }],
    paymentPlan: [{ kind: 'final', dueDate: today(), amount: '1000.00' }],
    // Drafted from a proposal the customer accepted, with the terms 合同评审 needs.
    proposalId: ids.contractProposal,
    ...TERMS,
    ...over,
  });
  // 合同评审 goes 法务 → 商务: the org needs a legal user before the first submit.
  async function ensureReviewers() {
    reviewers ??= {
      legal: await userWithRole(env, 'auditlegal', '审计法务', org.dept.mgmt, 'legal'),
      commerce: await Client.login(env.app, 'commerce'),
    };
    return reviewers;
  }
  async function approve(instanceId: number) {
    const r = await ensureReviewers();
    await r.legal.post(`/api/approvals/${instanceId}/approve`, {});
    await r.commerce.post(`/api/approvals/${instanceId}/approve`, {});
  }
  async function sign(id: number) {
    return manager.post(`/api/contracts/${id}/sign`, {
      version: await version(id),
      signedDate: today(),
      ourSignatory: '李经理',
      customerSignatory: '客户',
      scan,
    });
  }
  async function signedContract() {
    await ensureReviewers();
    const { id } = (await rep.post('/api/contracts', body())).json();
    await approve((await rep.post(`/api/contracts/${id}/submit`, { version: 1 })).json().instanceId);
    await sign(id);
    return id as number;
  }
  return {
    'POST /api/contract-templates': {
      entity: 'contract_template',
      action: 'create',
      run: async () => {
        const res = await admin.post('/api/contract-templates', {
          name: '审计合同范本',
          body: '乙方：{{customerName}}，金额 {{amount}}',
        });
        ids.contractTemplate = res.json().id;
        return res;
      },
    },
    'PUT /api/contract-templates/:id': {
      entity: 'contract_template',
      action: 'update',
      run: () =>
        admin.put(`/api/contract-templates/${ids.contractTemplate}`, {
          name: '审计合同范本（修订）',
          body: '乙方：{{customerName}}',
          version: 1,
        }),
    },
    'POST /api/contracts': {
      entity: 'contract',
      action: 'create',
      run: async () => {
        ids.contractProduct = await insertProduct(env, { code: 'AUDIT-HT', name: '审计合同产品' });
        ids.contractCustomer = (
          await rep.post('/api/customers', { kind: 'company', name: '审计合同客户有限公司' })
        ).json().id;
        ids.contractProposal = await acceptedProposal(rep, ids.contractCustomer, '审计合同提案');
        const res = await rep.post('/api/contracts', body({ templateId: ids.contractTemplate }));
        ids.contract = res.json().id;
        return res;
      },
    },
    'PUT /api/contracts/:id': {
      entity: 'contract',
      action: 'update',
      run: () => rep.put(`/api/contracts/${ids.contract}`, { ...body({ title: '审计合同（修订）' }), version: 1 }),
    },
    'POST /api/contracts/:id/submit': {
      entity: 'contract',
      action: 'submit',
      run: async () => {
        await ensureReviewers();
        const res = await rep.post(`/api/contracts/${ids.contract}/submit`, { version: await version(ids.contract) });
        ids.contractReview = res.json().instanceId;
        return res;
      },
    },
    'POST /api/contracts/:id/sign': {
      entity: 'contract',
      action: 'sign',
      run: async () => {
        await approve(ids.contractReview);
        return sign(ids.contract);
      },
    },
    'POST /api/contracts/:id/disputes': {
      entity: 'contract_dispute',
      action: 'create',
      run: async () => {
        const res = await rep.post(`/api/contracts/${ids.contract}/disputes`, {
          title: '审计纠纷',
          description: '数量不符',
          handlerId: org.user.rep1,
        });
        ids.contractDispute = res.json().id;
        return res;
      },
    },
    'POST /api/contract-disputes/:id/resolve': {
      entity: 'contract_dispute',
      action: 'resolve',
      run: () =>
        rep.post(`/api/contract-disputes/${ids.contractDispute}/resolve`, { version: 1, resolution: '已补发' }),
    },
    'POST /api/contracts/:id/amendments': {
      entity: 'contract',
      action: 'amendment_proposed',
      run: async () =>
        rep.post(`/api/contracts/${ids.contract}/amendments`, {
          version: await version(ids.contract),
          reason: '追加数量',
          lines: [{ productId: ids.contractProduct, qty: '3', unitPrice: '500.00', taxRate: '0.00' }],
          paymentPlan: [{ kind: 'final', dueDate: today(), amount: '1500.00' }],
          ...TERMS,
        }),
    },
    'POST /api/contracts/:id/complete': {
      entity: 'contract',
      action: 'complete',
      run: async () => {
        const id = await signedContract();
        return rep.post(`/api/contracts/${id}/complete`, { version: await version(id) });
      },
    },
    'POST /api/contracts/:id/orders': {
      entity: 'contract',
      action: 'order',
      run: async () => {
        const id = await signedContract();
        return rep.post(`/api/contracts/${id}/orders`, { version: await version(id), requestedDate: '2030-01-15' });
      },
    },
    'POST /api/contracts/:id/terminate': {
      entity: 'contract',
      action: 'terminate',
      run: async () => {
        const id = await signedContract();
        return rep.post(`/api/contracts/${id}/terminate`, { version: await version(id), reason: '客户取消' });
      },
    },
  };
}
