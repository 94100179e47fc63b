import type { ScopeFixtureFile } from './types.ts';

/** An opportunity on the fixture customer, with a proposal (商机, SPEC 2.6). */
export const opportunityFixtures: ScopeFixtureFile = {
  async setup({ owner, fixture }) {
    const pipelines = (await owner.get('/api/pipelines')).json().items;
    const opp = (
      await owner.post('/api/opportunities', {
        name: '扫描商机',
        customerId: fixture.customer,
        pipelineId: pipelines.find((p: { isDefault: boolean }) => p.isDefault).id,
      })
    ).json();
    fixture.opportunity = opp.id;
    fixture.opportunity_proposal = (
      await owner.post(`/api/opportunities/${opp.id}/proposals`, { title: '扫描方案', items: '设备', price: '100.00' })
    ).json().id;
  },
  bodies: {
    'PUT /api/opportunities/:id': (version) => ({ name: '越权改名', customerId: 1, version }),
    'DELETE /api/opportunities/:id': () => undefined,
    'POST /api/opportunities/:id/move': (version) => ({ stageId: 1, version }),
    'POST /api/opportunities/:id/win': (version) => ({ version }),
    'POST /api/opportunities/:id/lose': (version) => ({ reason: '越权', version }),
    'POST /api/opportunities/:id/reopen': (version) => ({ version }),
    'PUT /api/opportunities/:id/checklist': (version) => ({ stageId: 1, key: 'needs_form', done: true, version }),
    'PUT /api/opportunities/:id/needs-analysis': () => ({ needs: '越权', version: 0 }),
    'POST /api/opportunities/:id/proposals': () => ({ title: '越权', items: '越权', price: '1.00' }),
    'PUT /api/opportunity-proposals/:id': (version) => ({ title: '越权', items: '越权', price: '1.00', version }),
    'POST /api/opportunity-proposals/:id/response': (version) => ({ response: 'accepted', version }),
    'DELETE /api/opportunity-proposals/:id': () => undefined,
  },
};
