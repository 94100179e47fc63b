import { trainingPlanBody, trainingSessionBody } from '../scope-fixtures/training.ts';
import type { AuditCases, AuditContext } from './types.ts';

/** Audit cases of training: plans, sessions, results, feedback, staff records and certificates. */
export function trainingCases(ctx: AuditContext): AuditCases {
  const { org, rep, manager, ids } = ctx;
  const rowOf = async (sessionId: number) =>
    (await manager.get(`/api/training/sessions/${sessionId}`)).json().attendance[0] as { id: number; version: number };
  return {
    'POST /api/training/plans': {
      entity: 'training_plan',
      action: 'create',
      run: async () => {
        const res = await manager.post('/api/training/plans', trainingPlanBody('审计培训计划'));
        ids.trainingPlan = res.json().id;
        return res;
      },
    },
    'PUT /api/training/plans/:id': {
      entity: 'training_plan',
      action: 'update',
      run: () =>
        manager.put(`/api/training/plans/${ids.trainingPlan}`, {
          ...trainingPlanBody('审计培训计划（改）'),
          version: 1,
        }),
    },
    'POST /api/training/plans/:id/sessions': {
      entity: 'training_session',
      action: 'create',
      run: async () => {
        const res = await manager.post(
          `/api/training/plans/${ids.trainingPlan}/sessions`,
          trainingSessionBody('审计场次', [org.user.rep1]),
        );
        ids.trainingSession = res.json().id;
        return res;
      },
    },
    'PUT /api/training/sessions/:id': {
      entity: 'training_session',
      action: 'update',
      run: () =>
        manager.put(`/api/training/sessions/${ids.trainingSession}`, {
          ...trainingSessionBody('审计场次（改）', [org.user.rep1]),
          version: 1,
        }),
    },
    'PUT /api/training/sessions/:id/results': {
      entity: 'training_session',
      action: 'results',
      run: () =>
        manager.put(`/api/training/sessions/${ids.trainingSession}/results`, {
          version: 2,
          rows: [{ userId: org.user.rep1, status: 'present', score: '92' }],
        }),
    },
    'PUT /api/training/attendance/:id/feedback': {
      entity: 'training_attendance',
      action: 'feedback',
      run: async () => {
        const row = await rowOf(ids.trainingSession);
        return rep.put(`/api/training/attendance/${row.id}/feedback`, {
          rating: 4,
          comment: '实用',
          version: row.version,
        });
      },
    },
    'PUT /api/training/staff/:id/agreement': {
      entity: 'staff_record',
      action: 'agreement',
      run: () => manager.put(`/api/training/staff/${org.user.rep1}/agreement`, { signedOn: '2026-01-05', version: 1 }),
    },
    // 孙七 (销售一部一组): nobody's later cases sell as them.
    'POST /api/training/staff/:id/onboarding': {
      entity: 'staff_record',
      action: 'onboarding_start',
      run: () => manager.post(`/api/training/staff/${org.user.teamRep}/onboarding`, {}),
    },
    'POST /api/training/staff/:id/certificates': {
      entity: 'staff_certificate',
      action: 'create',
      run: async () => {
        const res = await manager.post(`/api/training/staff/${org.user.rep1}/certificates`, {
          name: '审计资格证',
          number: 'AUD-0001',
          issuedOn: '2025-01-01',
          expiresOn: '2028-01-01',
        });
        ids.trainingCert = res.json().id;
        return res;
      },
    },
    'PUT /api/training/certificates/:id': {
      entity: 'staff_certificate',
      action: 'update',
      run: () =>
        manager.put(`/api/training/certificates/${ids.trainingCert}`, {
          name: '审计资格证',
          number: 'AUD-0002',
          issuedOn: '2025-01-01',
          expiresOn: '2029-01-01',
          version: 1,
        }),
    },
    'DELETE /api/training/certificates/:id': {
      entity: 'staff_certificate',
      action: 'delete',
      run: () => manager.delete(`/api/training/certificates/${ids.trainingCert}?version=2`),
    },
  };
}
