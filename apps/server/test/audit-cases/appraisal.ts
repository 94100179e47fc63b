import type { AuditCases, AuditContext } from './types.ts';

/** Audit cases of appraisal (绩效考核): schemes, run, manual score, objection (decided by approval), acknowledgement, close. */
export function appraisalCases(ctx: AuditContext): AuditCases {
  const { rep, manager, admin, org, ids } = ctx;
  const scheme = {
    name: '审计用季度方案',
    indicators: [
      { code: 'revenue', weight: 60, rule: 'linear' },
      { code: 'satisfaction', weight: 40, rule: 'threshold', bands: [{ from: '4', points: '40' }] },
    ],
  };
  return {
    'POST /api/appraisal-schemes': {
      entity: 'appraisal_scheme',
      action: 'create',
      run: async () => {
        const r = await admin.post('/api/appraisal-schemes', { ...scheme, periodKind: 'quarter' });
        ids.appraisalScheme = r.json().id;
        return r;
      },
    },
    'PUT /api/appraisal-schemes/:id': {
      entity: 'appraisal_scheme',
      action: 'update',
      run: async () =>
        admin.put(`/api/appraisal-schemes/${ids.appraisalScheme}`, { ...scheme, name: '审计用季度方案乙', version: 1 }),
    },
    'POST /api/appraisal-schemes/:id/deactivate': {
      entity: 'appraisal_scheme',
      action: 'deactivate',
      run: async () => admin.post(`/api/appraisal-schemes/${ids.appraisalScheme}/deactivate`, { version: 2 }),
    },
    'POST /api/appraisal-runs': {
      entity: 'appraisal_run',
      action: 'create',
      run: async () => {
        const r = await manager.post('/api/appraisal-runs', { period: '2020-02' });
        ids.appraisalRun = r.json().id;
        ids.appraisalResult = r.json().results.find((x: { personId: number }) => x.personId === org.user.rep1).id;
        return r;
      },
    },
    'POST /api/appraisal-results/:id/manual-scores': {
      entity: 'appraisal_result',
      action: 'score',
      run: async () =>
        manager.post(`/api/appraisal-results/${ids.appraisalResult}/manual-scores`, {
          version: 1,
          label: '团队协作',
          points: '-2',
          evidence: '审计用评分依据',
        }),
    },
    'POST /api/appraisal-results/:id/object': {
      entity: 'appraisal_result',
      action: 'object',
      run: async () =>
        rep.post(`/api/appraisal-results/${ids.appraisalResult}/object`, {
          version: 2,
          reason: '审计用异议',
          points: '2',
        }),
    },
    // The objection is decided in the approval engine (the department head rejects it), then acknowledged.
    'POST /api/appraisal-results/:id/acknowledge': {
      entity: 'appraisal_result',
      action: 'acknowledge',
      run: async () => {
        const inst = (await rep.get(`/api/appraisal-results/${ids.appraisalResult}/approvals`)).json().items[0].id;
        const rej = await manager.post(`/api/approvals/${inst}/reject`, { comment: '审计用驳回意见' });
        if (rej.statusCode !== 200) throw new Error(`audit case: reject ${rej.statusCode} ${rej.body}`);
        return rep.post(`/api/appraisal-results/${ids.appraisalResult}/acknowledge`, { version: 4 });
      },
    },
    'POST /api/appraisal-runs/:id/close': {
      entity: 'appraisal_run',
      action: 'close',
      run: async () => manager.post(`/api/appraisal-runs/${ids.appraisalRun}/close`, { version: 1 }),
    },
  };
}
