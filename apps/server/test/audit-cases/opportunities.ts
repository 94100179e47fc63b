import type { AuditCases, AuditContext } from './types.ts';

const auditPipeline = {
  name: '审计流程',
  stages: [
    { name: '接洽', probability: 20 },
    { name: '成交', probability: 100, kind: 'won' },
    { name: '丢单', probability: 0, kind: 'lost' },
  ],
};

/** Pipelines and opportunities (商机); sets ids.pipeline, ids.oppCustomer, ids.opp, ids.proposal. */
export function opportunityCases(ctx: AuditContext): AuditCases {
  const { admin, rep, manager, ids } = ctx;
  // The 4S pipeline has hand-ticked items; versions are read back each time.
  async function oppVersion(id: number): Promise<number> {
    return (await rep.get(`/api/opportunities/${id}`)).json().version;
  }
  async function fourS(): Promise<{ id: number; stages: { id: number; name: string }[] }> {
    return (await rep.get('/api/pipelines')).json().items.find((p: { code: string }) => p.code === '4s');
  }
  return {
    'POST /api/pipelines': {
      entity: 'pipeline',
      action: 'create',
      run: async () => {
        const res = await admin.post('/api/pipelines', auditPipeline);
        ids.pipeline = res.json().id;
        return res;
      },
    },
    'PUT /api/pipelines/:id': {
      entity: 'pipeline',
      action: 'update',
      run: async () => {
        const p = (await admin.get('/api/pipelines')).json().items.find((x: { id: number }) => x.id === ids.pipeline);
        return admin.put(`/api/pipelines/${ids.pipeline}`, {
          ...auditPipeline,
          name: '审计销售流程',
          stages: p.stages,
          version: 1,
        });
      },
    },
    'POST /api/opportunities': {
      entity: 'opportunity',
      action: 'create',
      run: async () => {
        ids.oppCustomer = (
          await rep.post('/api/customers', { kind: 'company', name: '审计商机客户有限公司' })
        ).json().id;
        const res = await rep.post('/api/opportunities', {
          name: '审计商机',
          customerId: ids.oppCustomer,
          pipelineId: (await fourS()).id,
          amount: '1000.00',
        });
        ids.opp = res.json().id;
        return res;
      },
    },
    'PUT /api/opportunities/:id': {
      entity: 'opportunity',
      action: 'update',
      run: () =>
        rep.put(`/api/opportunities/${ids.opp}`, {
          name: '审计商机乙',
          customerId: ids.oppCustomer,
          amount: '1200.50',
          version: 1,
        }),
    },
    'PUT /api/opportunities/:id/checklist': {
      entity: 'opportunity',
      action: 'checklist',
      run: async () =>
        rep.put(`/api/opportunities/${ids.opp}/checklist`, {
          stageId: (await fourS()).stages[0].id,
          key: 'visit_registered',
          done: true,
          version: await oppVersion(ids.opp),
        }),
    },
    'POST /api/opportunities/:id/move': {
      entity: 'opportunity',
      action: 'move',
      run: async () =>
        rep.post(`/api/opportunities/${ids.opp}/move`, {
          stageId: (await fourS()).stages[1].id,
          version: await oppVersion(ids.opp),
        }),
    },
    'PUT /api/opportunities/:id/needs-analysis': {
      entity: 'opportunity',
      action: 'needs_analysis',
      run: () =>
        rep.put(`/api/opportunities/${ids.opp}/needs-analysis`, {
          needs: '换购一台七座 SUV',
          budget: '300000',
          version: 0,
        }),
    },
    'POST /api/opportunities/:id/proposals': {
      entity: 'opportunity_proposal',
      action: 'create',
      run: async () => {
        const res = await rep.post(`/api/opportunities/${ids.opp}/proposals`, {
          title: '购车方案',
          items: 'SUV 豪华版 ×1',
          price: '289800.00',
        });
        ids.proposal = res.json().id;
        return res;
      },
    },
    'PUT /api/opportunity-proposals/:id': {
      entity: 'opportunity_proposal',
      action: 'update',
      run: () =>
        rep.put(`/api/opportunity-proposals/${ids.proposal}`, {
          title: '购车方案（修订）',
          items: 'SUV 豪华版 ×1',
          price: '285000.00',
          version: 1,
        }),
    },
    'POST /api/opportunity-proposals/:id/response': {
      entity: 'opportunity_proposal',
      action: 'respond',
      run: () =>
        rep.post(`/api/opportunity-proposals/${ids.proposal}/response`, {
          response: 'rejected',
          note: '价格偏高',
          version: 2,
        }),
    },
    'DELETE /api/opportunity-proposals/:id': {
      entity: 'opportunity_proposal',
      // Younger than records.retentionYears: the delete archives.
      action: 'archive',
      run: () => rep.delete(`/api/opportunity-proposals/${ids.proposal}?version=3`),
    },
    'POST /api/opportunities/:id/win': {
      entity: 'opportunity',
      action: 'win',
      run: async () => {
        const o = (
          await rep.post('/api/opportunities', {
            name: '审计赢单',
            customerId: ids.oppCustomer,
            pipelineId: ids.pipeline,
          })
        ).json();
        return rep.post(`/api/opportunities/${o.id}/win`, { version: o.version });
      },
    },
    'POST /api/opportunities/:id/lose': {
      entity: 'opportunity',
      action: 'lose',
      run: async () =>
        rep.post(`/api/opportunities/${ids.opp}/lose`, { reason: '客户预算取消', version: await oppVersion(ids.opp) }),
    },
    'POST /api/opportunities/:id/reopen': {
      entity: 'opportunity',
      action: 'reopen',
      run: async () =>
        rep.post(`/api/opportunities/${ids.opp}/reopen`, {
          reason: '客户重新询价',
          version: await oppVersion(ids.opp),
        }),
    },
    'DELETE /api/opportunities/:id': {
      entity: 'opportunity',
      // Younger than records.retentionYears: the delete archives.
      action: 'archive',
      run: async () => manager.delete(`/api/opportunities/${ids.opp}?version=${await oppVersion(ids.opp)}`),
    },
  };
}
