/**
 * Sales plans of the demo company (SPEC 2.1): this year's plan made from last year's actuals (+10 %),
 * approved by the general manager, with one revision in approval (v2: 销售二部 raises Q4), and the
 * reps' monthly work plans — everyone's for this month, all but one for next month (the team's
 * missing list and the reminder have a story).
 */
import { money, toMoneyString } from '@sales/core';
import { eq } from 'drizzle-orm';
import { planBaseline } from '../../../apps/server/src/modules/plans/plans.baseline.ts';
import { salesPlans } from '../../../apps/server/src/modules/plans/plans.schema.ts';
import {
  createSalesPlan,
  planRows,
  reviseSalesPlan,
  submitSalesPlan,
  updateSalesPlan,
} from '../../../apps/server/src/modules/plans/plans.service.ts';
import { createWorkPlan } from '../../../apps/server/src/modules/plans/workplans.service.ts';
import { departments } from '../../../apps/server/src/platform/org/org.schema.ts';
// Registers the plan's approval type (and its default chain) before the loader seeds the rules.
import '../../../apps/server/src/modules/plans/index.ts';
import { actOnApproval } from '../../../apps/server/src/platform/approvals/approvals.service.ts';
import { demoCtx } from './ctx.ts';
import { addDays } from './rng.ts';
import { type DemoWorld, userId, userOf } from './world.ts';

const shanghai = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);

const WORK_PLANS: Record<string, { goals: string; customers: string; activities: string }> = {
  rep1: {
    goals: '完成销售额 45 万元，回款 40 万元；新开发客户 3 家',
    customers: '华东精密机械、苏州恒远电子（已报价，跟进签约）',
    activities: '展厅集客活动 2 场；老客户回访 10 家',
  },
  rep2: {
    goals: '完成销售额 30 万元；重点推进 2 个商机进入合同阶段',
    customers: '杭州明达贸易、宁波港联物流',
    activities: '参加行业展会 1 次；电话回访意向客户 20 家',
  },
  rep3: {
    goals: '完成销售额 35 万元，新客户 4 家',
    customers: '南京科创园区 3 家入驻企业',
    activities: '会销活动邀约 15 家；上门拜访 8 次',
  },
  rep4: {
    goals: '完成销售额 25 万元；清理逾期应收 5 万元',
    customers: '合肥瑞丰建材',
    activities: '试用装派送 10 家；每周二集中电话跟进',
  },
};

type Baseline = Awaited<ReturnType<typeof planBaseline>>;

async function deptParents(tx: DemoWorld['tx']) {
  const rows = await tx.select({ id: departments.id, parentId: departments.parentId }).from(departments);
  return new Map(rows.map((r) => [r.id, r.parentId]));
}

/**
 * The demo's history starts within last year, so many of last year's months are empty and the
 * baseline would leave a zero (无目标) target there. As a planner would, such a month of a rep gets
 * the average of the rep's other months; the departments above add the same amount.
 */
function fillEmptyMonths(base: Baseline, parents: Map<number, number | null>): Baseline {
  const deptRow = new Map(base.rows.filter((r) => r.userId === null).map((r) => [r.deptId, r]));
  let added = money(0);
  for (const row of base.rows) {
    if (row.userId === null) continue;
    const filled = row.amounts.filter((a) => !money(a).isZero());
    if (filled.length === 0) continue;
    const avg = filled
      .reduce((s, a) => s.plus(a), money(0))
      .div(filled.length * 1000)
      .toDecimalPlaces(0)
      .times(1000);
    row.amounts.forEach((a, m) => {
      if (!money(a).isZero()) return;
      row.amounts[m] = toMoneyString(avg);
      added = added.plus(avg);
      for (let d: number | null | undefined = row.deptId; d != null; d = parents.get(d)) {
        const dept = deptRow.get(d);
        if (dept) dept.amounts[m] = toMoneyString(money(dept.amounts[m]).plus(avg));
      }
    });
  }
  return { ...base, targetAmount: toMoneyString(money(base.targetAmount).plus(added)) };
}

export async function createPlans(world: DemoWorld): Promise<void> {
  const { tx, now, org } = world;
  const today = shanghai(now);
  const year = Number(today.slice(0, 4));
  const at = (daysAgo: number) =>
    new Date(Math.min(now.getTime() - 60_000, Date.parse(`${addDays(today, -daysAgo)}T10:00:00+08:00`)));
  const director = userId(org, 'director');
  const gm = userId(org, 'gm');

  // v1 from last year's actuals, approved by the general manager.
  const d1 = await demoCtx(tx, director, 'demo-plans-1', at(60));
  const base = fillEmptyMonths(await planBaseline(d1, year, '10.00'), await deptParents(tx));
  const { id: v1 } = await createSalesPlan(d1, {
    year,
    title: `${year} 年度销售计划`,
    targetAmount: base.targetAmount,
    targetCustomers: base.targetCustomers,
    note: '依据上一年度销售情况，整体增长 10%，分解到各部门及销售人员',
    rows: base.rows,
  });
  const { instanceId } = await submitSalesPlan(d1, v1, 1);
  await actOnApproval(await demoCtx(tx, gm, 'demo-plans-2', at(58)), instanceId, 'approve', {
    comment: '同意，按此计划下达执行',
  });

  // v2: 销售二部 raises Q4 by ¥20,000 a month on 吴静 (rep3); in approval, v1 stays in force.
  const [p1] = await tx.select().from(salesPlans).where(eq(salesPlans.id, v1));
  const d2 = await demoCtx(tx, director, 'demo-plans-3', at(3));
  const { id: v2 } = await reviseSalesPlan(d2, v1, p1.version);
  const rep3 = userOf(org, 'rep3');
  const raise = (amounts: string[]) => amounts.map((a, m) => (m >= 9 ? toMoneyString(money(a).plus(20000)) : a));
  const chain = new Set([`${org.rootId}:0`, `${rep3.deptId}:0`, `${rep3.deptId}:${rep3.id}`]);
  const rows = (await planRows(tx, v2)).map((r) =>
    chain.has(`${r.deptId}:${r.userId ?? 0}`) ? { ...r, amounts: raise(r.amounts) } : r,
  );
  const [p2] = await tx.select().from(salesPlans).where(eq(salesPlans.id, v2));
  await updateSalesPlan(d2, v2, {
    title: p2.title,
    targetAmount: toMoneyString(money(p2.targetAmount).plus(60000)),
    targetCustomers: p2.targetCustomers,
    note: '销售二部新签框架协议，第四季度任务上调 6 万元',
    version: p2.version,
    rows,
  });
  await submitSalesPlan(d2, v2, p2.version + 1);

  // Monthly work plans: this month's from every rep, next month's from all but 郑凯 (rep4).
  const thisMonth = today.slice(0, 7);
  const [y, m] = thisMonth.split('-').map(Number);
  const nextMonth = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  for (const [username, plan] of Object.entries(WORK_PLANS)) {
    const ctx = await demoCtx(
      tx,
      userId(org, username),
      `demo-workplan-${username}`,
      at(Number(today.slice(8, 10)) + 3),
    );
    await createWorkPlan(ctx, { month: thisMonth, ...plan, submit: true });
    if (username === 'rep4') continue;
    const next = await demoCtx(tx, userId(org, username), `demo-workplan-next-${username}`, at(1));
    await createWorkPlan(next, { month: nextMonth, ...plan, submit: true });
  }
}
