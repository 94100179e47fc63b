import type { AuditCases, AuditContext } from './types.ts';

/** Audit cases of discipline (奖惩): record, edit, decide, the person's acknowledgement, void. */
export function disciplineCases(ctx: AuditContext): AuditCases {
  const { rep, manager, org, ids } = ctx;
  const body = (rule: string) => ({
    kind: 'incident',
    personId: org.user.rep1,
    occurredOn: '2020-03-02',
    rule,
    description: '审计用违规记录',
    lossAmount: '120.00',
  });
  return {
    'POST /api/discipline-records': {
      entity: 'discipline_record',
      action: 'create',
      run: async () => {
        const r = await manager.post('/api/discipline-records', body('审计奖惩'));
        ids.disciplineRecord = r.json().id;
        return r;
      },
    },
    'PUT /api/discipline-records/:id': {
      entity: 'discipline_record',
      action: 'update',
      run: async () =>
        manager.put(`/api/discipline-records/${ids.disciplineRecord}`, { ...body('审计奖惩（改）'), version: 1 }),
    },
    'POST /api/discipline-records/:id/decide': {
      entity: 'discipline_record',
      action: 'decide',
      run: async () => manager.post(`/api/discipline-records/${ids.disciplineRecord}/decide`, { version: 2 }),
    },
    'POST /api/discipline-records/:id/acknowledge': {
      entity: 'discipline_record',
      action: 'acknowledge',
      run: async () =>
        rep.post(`/api/discipline-records/${ids.disciplineRecord}/acknowledge`, { version: 3, comment: '已知悉' }),
    },
    'POST /api/discipline-records/:id/void': {
      entity: 'discipline_record',
      action: 'void',
      run: async () =>
        manager.post(`/api/discipline-records/${ids.disciplineRecord}/void`, { version: 4, reason: '审计作废' }),
    },
  };
}
