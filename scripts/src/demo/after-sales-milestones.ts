/**
 * The real-estate post-sale process of seed 000 (销售后续管理流程) as a template, and one deal running
 * it with a late step (SPEC 4.5): 备案 → 按揭资料 → 银行审批 → 抵押登记 → 放款 → 两轮预验收 → 入伙费用
 * 通知 (2 weeks before 入伙) → 入伙 → 面积差 多退少补 → 产权证.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../apps/server/src/db/client.ts';
import { runMilestoneLateSweep } from '../../../apps/server/src/modules/milestones/index.ts';
import {
  completeMilestoneStep,
  startMilestoneProcess,
} from '../../../apps/server/src/modules/milestones/milestones.processes.ts';
import { createMilestoneTemplate } from '../../../apps/server/src/modules/milestones/milestones.templates.ts';
import { demoCtx } from './ctx.ts';
import { addDays, shanghaiDate } from './rng.ts';
import type { DemoWorld } from './world.ts';

export async function createMilestones(world: DemoWorld): Promise<void> {
  const { tx, now, org } = world;
  const today = shanghaiDate(now);
  const at = (daysAgo: number) =>
    new Date(Math.min(now.getTime() - 60_000, Date.parse(`${addDays(today, -daysAgo)}T11:00:00+08:00`)));
  const admin = Number(
    (await tx.execute<{ id: number }>(sql`select id from users where username = 'admin'`)).rows[0].id,
  );
  const sales = org.deptIds['销售一部'];
  const finance = org.deptIds['财务部'];
  const commerce = org.deptIds['商务部'];
  const service = org.deptIds['售后服务部'];
  const { id: templateId } = await createMilestoneTemplate(await demoCtx(tx, admin, 'demo-milestones-1', at(80)), {
    name: '商品房销售后续流程',
    description: '依据《销售后续管理流程》：银行按揭办理、入伙办理、房产证办理；期限为签约后的工作日数',
    active: true,
    steps: [
      {
        name: '合同备案',
        departmentId: sales,
        offsetDays: 5,
        requiredDocuments: ['备案回执'],
        note: '营销管理部经理、项目公司总经理审批签字后送政府主管部门备案',
      },
      {
        name: '按揭资料收集初审',
        departmentId: sales,
        offsetDays: 5,
        requiredDocuments: ['办理贷款客户清单'],
        note: '签约同时收集按揭资料并初审',
      },
      {
        name: '银行审批',
        departmentId: sales,
        offsetDays: 20,
        requiredDocuments: ['个人住房抵押贷款合同', '贷款申请表'],
        note: '审核不通过则告知客户补充资料',
      },
      {
        name: '抵押登记',
        departmentId: commerce,
        offsetDays: 35,
        requiredDocuments: ['抵押登记证明'],
        note: '督促合作银行、律师行报房管局办理',
      },
      {
        name: '银行放款',
        departmentId: finance,
        offsetDays: 45,
        requiredDocuments: [],
        note: '财务管控部定期汇总按揭到账信息',
      },
      {
        name: '第一轮预验收',
        departmentId: service,
        offsetDays: 98,
        requiredDocuments: ['预验收记录'],
        note: '入伙前 1 个月牵头组织，不少于两轮',
      },
      { name: '第二轮预验收', departmentId: service, offsetDays: 104, requiredDocuments: ['预验收记录'], note: null },
      {
        name: '入伙通知及费用告知',
        departmentId: sales,
        offsetDays: 110,
        requiredDocuments: ['入伙通知书'],
        note: '入伙前 2 周告知交付时间并列清相关费用',
      },
      {
        name: '入伙',
        departmentId: sales,
        offsetDays: 120,
        requiredDocuments: ['入伙名单'],
        note: '工程运营部负责入伙过程中的维修',
      },
      {
        name: '面积差结算（多退少补）',
        departmentId: finance,
        offsetDays: 140,
        requiredDocuments: ['实测与预测的差异报告'],
        note: null,
      },
      {
        name: '产权证办理',
        departmentId: sales,
        offsetDays: 180,
        requiredDocuments: ['产权证资料清单'],
        note: '入伙时收集办理产权证的相关资料',
      },
    ],
  });
  // One deal of rep1's, signed about 14 weeks ago: the early steps done, 抵押登记 late.
  const order = (
    await tx.execute<{ id: number }>(sql`
      select id from orders where owner_id = ${org.users.get('rep1')?.id ?? 0} and status <> 'cancelled' order by id limit 1`)
  ).rows[0];
  if (!order) return;
  const rep = org.users.get('rep1')?.id as number;
  const start = addDays(today, -95);
  const { id } = await startMilestoneProcess(await demoCtx(tx, rep, 'demo-milestones-2', at(95)), {
    templateId,
    orderId: Number(order.id),
    startDate: start,
  });
  const steps = (
    await tx.execute<{ id: number; seq: number; required: string[] }>(sql`
      select id, seq, required_documents as required from milestone_process_steps where process_id = ${id} order by seq`)
  ).rows;
  const pdf = (name: string) => ({
    fileName: `${name}.png`,
    mimeType: 'image/png' as const,
    contentBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  });
  for (const [i, daysAgo] of [88, 88, 70].entries()) {
    const s = steps[i];
    const v = Number(
      (await tx.execute<{ v: number }>(sql`select version as v from milestone_processes where id = ${id}`)).rows[0].v,
    );
    await completeMilestoneStep(await demoCtx(tx, rep, `demo-milestones-s${i}`, at(daysAgo)), id, {
      stepId: Number(s.id),
      note: '已办理',
      documents: s.required.map((name) => ({ name, file: pdf(name) })),
      version: v,
    });
  }
  await runMilestoneLateSweep(tx as unknown as Db, now);
}
