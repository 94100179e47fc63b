/**
 * Training of the demo company (培训, SPEC 5.4; seed 001 团队培训与发展, seed 003 人员培训与考核): an
 * in-service plan with a completed session (attendance, scores, a failed and an absent trainee,
 * feedback) and a coming one; a new rep (rep5) in onboarding whose assessment was held yesterday
 * and awaits its scores — until then rep5 cannot create a quote; staff records with signed
 * confidentiality agreements (one missing) and certificates: valid, expiring soon, expired, none.
 */
import { addDays } from '@sales/core';
import { sql } from 'drizzle-orm';
import { beginOnboarding } from '../../../apps/server/src/modules/training/onboarding.ts';
import { createPlan, createSession } from '../../../apps/server/src/modules/training/plans.service.ts';
import { giveFeedback, recordResults } from '../../../apps/server/src/modules/training/results.service.ts';
import { addCertificate, recordAgreement } from '../../../apps/server/src/modules/training/staff.service.ts';
import { demoCtx } from './ctx.ts';
import { type DemoWorld, userId } from './world.ts';

const shanghai = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);

export async function createTraining(world: DemoWorld): Promise<void> {
  const { tx, now, org } = world;
  const today = shanghai(now);
  const at = (offset: number, time: string) => `${addDays(today, offset)}T${time}:00+08:00`;
  const u = (name: string) => userId(org, name);
  const director = await demoCtx(tx, u('director'), 'demo-training-1', now);
  const manager1 = await demoCtx(tx, u('manager1'), 'demo-training-2', now);

  // In-service (在职培训): product knowledge and selling skills, organised by the sales director.
  const plan = await createPlan(director, {
    title: '新产品知识与销售技巧提升培训',
    kind: 'in_service',
    goals: '掌握新一代数控设备的参数与卖点，提升需求挖掘与异议处理能力',
    content: '新产品参数与应用场景；客户需求挖掘；常见异议处理；成交技巧案例分析',
    method: 'internal',
    trainer: '技术总监 陈立；销售总监 刘海涛',
    startsOn: addDays(today, -40),
    endsOn: addDays(today, 50),
  });
  const reps = ['rep1', 'rep2', 'rep3', 'rep4', 'supervisor1'].map(u);
  const held = await createSession(director, plan.id, {
    topic: '新产品知识培训与考试',
    startsAt: at(-20, '14:00'),
    endsAt: at(-20, '17:00'),
    location: '公司三楼培训室',
    trainer: '技术总监 陈立',
    assessmentMethod: 'exam',
    passScore: '60',
    participantIds: reps,
  });
  await recordResults(director, held.id, {
    version: 1,
    rows: [
      { userId: u('rep1'), status: 'present', score: '92' },
      { userId: u('rep2'), status: 'present', score: '78.5' },
      { userId: u('rep3'), status: 'present', score: '55' },
      { userId: u('rep4'), status: 'absent' },
      { userId: u('supervisor1'), status: 'present', score: '88' },
    ],
  });
  for (const [name, rating, comment] of [
    ['rep1', 5, '新品参数讲得很细，案例贴近客户实际'],
    ['rep2', 4, '希望增加现场演示时间'],
  ] as const) {
    const ctx = await demoCtx(tx, u(name), `demo-training-fb-${name}`, now);
    const mine = await attendanceOf(world, held.id, u(name));
    await giveFeedback(ctx, mine.id, { rating, comment, version: mine.version });
  }
  await createSession(director, plan.id, {
    topic: '异议处理与成交技巧（案例分析）',
    startsAt: at(10, '14:00'),
    endsAt: at(10, '17:00'),
    location: '公司三楼培训室',
    trainer: '销售总监 刘海涛',
    assessmentMethod: 'practical',
    passScore: '70',
    participantIds: reps,
  });

  // Onboarding (岗前培训) of the new rep: started three days ago, assessed yesterday, scores pending.
  await beginOnboarding(tx, manager1, u('rep5'), addDays(today, -3));
  const onboarding = await createPlan(manager1, {
    title: '新员工岗前培训',
    kind: 'onboarding',
    goals: '了解公司文化与制度，掌握产品知识、销售流程与客户服务规范，考核合格后正式上岗',
    content: '公司文化与规章制度；产品知识；销售技巧；客户服务规范；保密制度',
    method: 'internal',
    trainer: '销售一部经理 张伟',
    startsOn: addDays(today, -3),
    endsOn: addDays(today, 11),
  });
  await createSession(manager1, onboarding.id, {
    topic: '岗前培训结业考核',
    startsAt: at(-1, '09:30'),
    endsAt: at(-1, '11:30'),
    location: '销售一部会议室',
    trainer: '销售一部经理 张伟',
    assessmentMethod: 'exam',
    passScore: '60',
    participantIds: [u('rep5')],
  });

  // Staff records: confidentiality agreements (rep4's is missing) and certificates.
  for (const name of ['manager1', 'supervisor1', 'rep1', 'rep2', 'rep3', 'rep5', 'manager2'])
    await recordAgreement(director, u(name), {
      signedOn: name === 'rep5' ? addDays(today, -3) : addDays(today, -300),
      version: 1,
    });
  const certificate = (name: string, number: string, issuedOn: string, expiresOn: string) =>
    addCertificate(director, u(name), { name: '销售人员从业资格证', number, issuedOn, expiresOn });
  await certificate('rep1', 'XS-2024-0131', addDays(today, -400), addDays(today, 330));
  await certificate('supervisor1', 'XS-2023-0087', addDays(today, -700), addDays(today, 400));
  // Expiring within the reminder window: the holder and the manager get a reminder.
  await certificate('rep2', 'XS-2022-0152', addDays(today, -1075), addDays(today, 20));
  // Expired two weeks ago: listed as expired until renewed.
  await certificate('rep3', 'XS-2021-0046', addDays(today, -1110), addDays(today, -15));
}

async function attendanceOf(world: DemoWorld, sessionId: number, userId: number) {
  const res = await world.tx.execute<{ id: number; version: number }>(
    sql`select id, version from training_attendance where session_id = ${sessionId} and user_id = ${userId}`,
  );
  return { id: Number(res.rows[0].id), version: Number(res.rows[0].version) };
}
