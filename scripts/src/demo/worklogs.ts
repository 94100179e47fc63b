/**
 * Work logs and monthly reports (SPEC 5.1) with a story: two weeks of morning plans and evening
 * logs of the reps and the supervisor, the managers' comments on some of them (the writer was
 * notified), work the managers assigned, today's plan of rep1 prefilled from the follow-ups due,
 * and the monthly reports of the last three months — this month's from everyone but rep4.
 */
import { sql } from 'drizzle-orm';
import { monthlyReports, workLogComments, workLogs } from '../../../apps/server/src/db/schema.ts';
import { addDays, officeTime, type Rng, shanghaiDate } from './rng.ts';
import { type DemoWorld, readLater, userOf } from './world.ts';

const DONE = [
  '电话回访三家老客户，其中一家确认下周到店看样',
  '拜访华东区两家经销商，收集竞品报价',
  '完成一份报价单并提交审批，跟进上周的合同评审',
  '接待两批来访客户，登记需求并安排试用',
  '整理本周客户跟进记录，更新三家客户的商机阶段',
  '协助财务核对两笔回款，催收一笔逾期款项',
];
const PROBLEMS = [
  '客户对交货期有顾虑，需要计划员确认排产',
  '竞品降价 5%，客户要求我们跟进价格',
  '客户预算审批延后到下月',
  null,
  null,
];
const TOMORROW = [
  '上午拜访重点客户，下午准备投标资料',
  '跟进报价反馈，安排样品寄送',
  '回访上周成交客户，了解使用情况',
  '参加周例会，汇报本周进展',
];
const COMMENTS = [
  '交货期的问题我来协调计划员，你先稳住客户',
  '竞品价格信息很重要，整理后发给我',
  '做得不错，继续保持跟进节奏',
  '逾期款项本周内必须有结果，需要支持随时找我',
];
const ASSIGNED = ['陪同总监拜访重点客户，准备公司介绍材料', '整理本月未成交客户名单，分析原因', '准备周例会汇报材料'];
const WRITERS = ['rep1', 'rep2', 'rep3', 'rep4', 'supervisor1'];
// The manager who reads each writer's log (the head of their department).
const READER: Record<string, string> = {
  rep1: 'manager1',
  rep2: 'manager1',
  supervisor1: 'manager1',
  rep3: 'manager2',
  rep4: 'manager2',
};

const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
const pick = <T>(rng: Rng, list: T[]) => list[rng.int(0, list.length - 1)];

export async function createWorkLogs(world: DemoWorld, rng: Rng): Promise<void> {
  const { tx, org, now, customers, audit, notices } = world;
  const today = shanghaiDate(now);
  const before = (d: Date) => new Date(Math.min(d.getTime(), now.getTime() - 60_000));
  for (const username of WRITERS) {
    const u = userOf(org, username);
    const reader = userOf(org, READER[username]);
    const mine = customers.filter((c) => c.ownerId === u.id);
    for (let back = 14; back >= 1; back--) {
      const date = addDays(today, -back);
      // Nobody writes on weekends; rep4 forgets a day now and then.
      if (isWeekend(date) || (username === 'rep4' && rng.chance(0.3))) continue;
      const morning = before(new Date(`${date}T08:40:00+08:00`));
      const evening = before(officeTime(date, rng));
      const plan = mine.slice(rng.int(0, Math.max(0, mine.length - 3))).slice(0, 3);
      const assigned = rng.chance(0.25) ? pick(rng, ASSIGNED) : null;
      const [log] = await tx
        .insert(workLogs)
        .values({
          userId: u.id,
          deptId: u.deptId,
          logDate: date,
          planCustomers: plan.map((c) => ({ customerId: c.id, name: c.name })),
          planNote: `跟进 ${plan.length} 家客户`,
          assignedWork: assigned,
          assignedBy: assigned ? reader.id : null,
          done: pick(rng, DONE),
          problems: pick(rng, PROBLEMS),
          tomorrow: pick(rng, TOMORROW),
          submittedAt: evening,
          createdAt: morning,
          updatedAt: evening,
        })
        .returning({ id: workLogs.id });
      audit.push({
        at: evening,
        actorId: u.id,
        entityType: 'work_log',
        entityId: log.id,
        action: 'submit',
        changes: [{ field: 'logDate', old: null, new: date }],
      });
      if (rng.chance(0.4)) {
        const at = before(new Date(evening.getTime() + 14 * 3600_000));
        const body = pick(rng, COMMENTS);
        await tx.insert(workLogComments).values({ logId: log.id, authorId: reader.id, body, createdAt: at });
        audit.push({
          at,
          actorId: reader.id,
          entityType: 'work_log',
          entityId: log.id,
          action: 'comment',
          changes: [{ field: 'comment', old: null, new: body }],
        });
        notices.push({
          userId: u.id,
          kind: 'worklog.comment',
          titleKey: 'notify.worklog.comment',
          params: { manager: reader.name, date },
          link: `/work-logs/${log.id}`,
          createdAt: at,
          readAt: readLater(at, now),
        });
      }
    }
  }

  // Today: rep1's morning plan from the follow-ups due today, with the work manager1 assigned;
  // rep2 has handed in the evening log already; the others have not written yet.
  const rep1 = userOf(org, 'rep1');
  const due = await tx.execute<{ id: number; name: string }>(sql`
    select distinct c.id, c.name from follow_ups f join customers c on c.id = f.customer_id
    where f.created_by = ${rep1.id} and f.done_at is null and f.next_action_date = ${today}::date order by c.id limit 5`);
  const morning = before(new Date(`${today}T08:45:00+08:00`));
  const [planned] = await tx
    .insert(workLogs)
    .values({
      userId: rep1.id,
      deptId: rep1.deptId,
      logDate: today,
      planCustomers: due.rows.map((r) => ({ customerId: Number(r.id), name: r.name })),
      planNote: '上午电话跟进到期客户，下午拜访重点客户',
      assignedWork: '下午陪同张经理拜访重点客户，带上新品资料',
      assignedBy: userOf(org, 'manager1').id,
      createdAt: morning,
      updatedAt: morning,
    })
    .returning({ id: workLogs.id });
  audit.push({
    at: morning,
    actorId: rep1.id,
    entityType: 'work_log',
    entityId: planned.id,
    action: 'create',
    changes: [{ field: 'logDate', old: null, new: today }],
  });
  const rep2 = userOf(org, 'rep2');
  const handedIn = before(new Date(`${today}T17:30:00+08:00`));
  const [done] = await tx
    .insert(workLogs)
    .values({
      userId: rep2.id,
      deptId: rep2.deptId,
      logDate: today,
      planCustomers: [],
      planNote: '整理报价资料',
      done: '完成两份报价并提交审批，回访一家老客户',
      problems: '一家客户要求延长账期',
      tomorrow: '跟进报价审批结果',
      submittedAt: handedIn,
      createdAt: morning,
      updatedAt: handedIn,
    })
    .returning({ id: workLogs.id });
  audit.push({
    at: handedIn,
    actorId: rep2.id,
    entityType: 'work_log',
    entityId: done.id,
    action: 'submit',
    changes: [{ field: 'logDate', old: null, new: today }],
  });

  // Monthly reports: the last three months from every writer; this month from all but rep4.
  for (let m = 3; m >= 0; m--) {
    const first = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
    first.setUTCMonth(first.getUTCMonth() - m);
    const month = first.toISOString().slice(0, 7);
    for (const username of WRITERS) {
      if (m === 0 && username === 'rep4') continue;
      const u = userOf(org, username);
      const at = before(new Date(`${month}-${m === 0 ? '03' : '22'}T16:00:00+08:00`));
      const [r] = await tx
        .insert(monthlyReports)
        .values({
          userId: u.id,
          deptId: u.deptId,
          month,
          summary: `${month} 月完成客户拜访 ${rng.int(12, 30)} 次，新增客户 ${rng.int(2, 8)} 家，成交 ${rng.int(1, 5)} 单；回款按计划推进。`,
          nextMonthPlan: `重点跟进 ${rng.int(3, 8)} 家意向客户，争取成交 ${rng.int(2, 6)} 单；完成老客户季度回访。`,
          submittedAt: at,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: monthlyReports.id });
      audit.push({
        at,
        actorId: u.id,
        entityType: 'monthly_report',
        entityId: r.id,
        action: 'create',
        changes: [{ field: 'month', old: null, new: month }],
      });
    }
  }
}
