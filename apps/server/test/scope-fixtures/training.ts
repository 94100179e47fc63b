import type { Client } from '../harness.ts';
import type { ScopeFixtureFile } from './types.ts';

const PLAN = '扫描培训计划';
const day = (offset: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offset * 86_400_000));

export const trainingPlanBody = (title: string) => ({
  title,
  kind: 'in_service',
  goals: '扫描目标',
  content: '扫描内容',
  method: 'internal',
  trainer: '扫描讲师',
  startsOn: day(-30),
  endsOn: day(30),
});

/** A session held yesterday (so its results may be recorded), enrolling `participantIds`. */
export const trainingSessionBody = (topic: string, participantIds: number[]) => ({
  topic,
  startsAt: `${day(-1)}T10:00:00+08:00`,
  endsAt: `${day(-1)}T12:00:00+08:00`,
  participantIds,
});

/** A plan of `organiser` with a held session of `participantId`, results recorded; returns the ids. */
export async function heldTrainingSession(organiser: Client, title: string, participantId: number) {
  const plan = await organiser.post('/api/training/plans', trainingPlanBody(title));
  if (plan.statusCode !== 201) throw new Error(`training plan fixture: ${plan.statusCode} ${plan.body}`);
  const s = await organiser.post(
    `/api/training/plans/${plan.json().id}/sessions`,
    trainingSessionBody(title, [participantId]),
  );
  if (s.statusCode !== 201) throw new Error(`training session fixture: ${s.statusCode} ${s.body}`);
  const done = await organiser.put(`/api/training/sessions/${s.json().id}/results`, {
    version: 1,
    rows: [{ userId: participantId, status: 'present', score: '80' }],
  });
  if (done.statusCode !== 200) throw new Error(`training results fixture: ${done.statusCode} ${done.body}`);
  return {
    planId: plan.json().id as number,
    sessionId: s.json().id as number,
    attendanceId: done.json().attendance[0].id as number,
  };
}

/**
 * Training of 销售一部: manager1 (the insider) organises a plan whose held session rep1 attended,
 * and keeps rep1's staff record (a certificate). manager2 (销售二部) sees none of it; rep1 sees
 * their own record, the plan they attended and their own row.
 */
export const trainingFixtures: ScopeFixtureFile = {
  async setup({ org, approver, fixture }) {
    const held = await heldTrainingSession(approver, PLAN, org.user.rep1);
    fixture.training_plan = held.planId;
    fixture.training_session = held.sessionId;
    fixture.training_attendance = held.attendanceId;
    fixture.staff_record = org.user.rep1;
    const cert = await approver.post(`/api/training/staff/${org.user.rep1}/certificates`, {
      name: '扫描资格证',
      number: 'SCAN-0001',
      issuedOn: day(-400),
      expiresOn: day(400),
    });
    if (cert.statusCode !== 201) throw new Error(`certificate fixture: ${cert.statusCode} ${cert.body}`);
    fixture.staff_certificate = cert.json().id;
  },
  bodies: {
    'PUT /api/training/plans/:id': (version) => ({ ...trainingPlanBody('越权'), version }),
    'POST /api/training/plans/:id/sessions': () => trainingSessionBody('越权', []),
    'PUT /api/training/sessions/:id': (version) => ({ ...trainingSessionBody('越权', []), version }),
    'PUT /api/training/sessions/:id/results': (version) => ({ version, rows: [{ userId: 1, status: 'absent' }] }),
    'PUT /api/training/attendance/:id/feedback': (version) => ({ rating: 1, version }),
    'PUT /api/training/staff/:id/agreement': (version) => ({ signedOn: day(-10), version }),
    'POST /api/training/staff/:id/onboarding': () => ({}),
    'POST /api/training/staff/:id/certificates': () => ({ name: '越权证书', number: 'X-1', issuedOn: day(-10) }),
    'PUT /api/training/certificates/:id': (version) => ({
      name: '越权证书',
      number: 'X-1',
      issuedOn: day(-10),
      version,
    }),
    'DELETE /api/training/certificates/:id': () => undefined,
  },
  insiders: { training_plan: 'approver', training_session: 'approver' },
  markers: { training_plan: PLAN, staff_record: '张三' },
};
