/**
 * After-sales demo records (SPEC 4.2 / 4.4), made with the real services after quote to cash: every
 * signed delivery already got its return visit (the sign-off hook); some are recorded here — high and
 * low scores (a low score opens a complaint), an unreachable customer — the rest stay due or overdue.
 * Complaints in every state: open, under investigation with a finding, decided (a repair ticket; a
 * compensation awaiting approval), closed after verification, withdrawn; one is a quality incident
 * reaching every delivery of its batch.
 */
import { sql } from 'drizzle-orm';
import {
  decideComplaint,
  investigateComplaint,
  recordFinding,
  verifyComplaint,
} from '../../../apps/server/src/modules/complaints/complaints.handling.ts';
import { cancelComplaint, createComplaint } from '../../../apps/server/src/modules/complaints/complaints.service.ts';
import { createSurvey, recordVisit } from '../../../apps/server/src/modules/return-visits/return-visits.service.ts';
import { demoCtx } from './ctx.ts';
import { DAY } from './rng.ts';
import { type DemoWorld, userId } from './world.ts';

type Visit = { id: number; owner_id: number; customer_id: number; delivery_id: number | null };

export async function createAfterSales(world: DemoWorld): Promise<void> {
  const { tx, now } = world;
  let n = 0;
  const as = (username: string, daysAgo = 0) =>
    demoCtx(tx, userId(world.org, username), `demo-as-${++n}`, new Date(now.getTime() - daysAgo * DAY));
  const asId = async (id: number, daysAgo = 0) =>
    demoCtx(tx, id, `demo-as-${++n}`, new Date(now.getTime() - daysAgo * DAY));
  const version = async (table: string, id: number) =>
    Number(
      (await tx.execute<{ version: number }>(sql`select version from ${sql.identifier(table)} where id = ${id}`))
        .rows[0].version,
    );

  // Visits already due (the oldest first): record a few, leave the rest due / overdue.
  const due = (
    await tx.execute<Visit>(sql`
      select id, owner_id, customer_id, delivery_id from return_visits
      where status = 'planned' and due_date <= ${now.toISOString().slice(0, 10)}::date order by due_date, id`)
  ).rows.map((v) => ({ ...v, id: Number(v.id), owner_id: Number(v.owner_id), customer_id: Number(v.customer_id) }));
  const outcomes: [string, number | null, string][] = [
    ['reached', 5, '设备运行稳定，操作培训到位，很满意。'],
    ['reached', 2, '到货后有一台显示屏偶发花屏，希望尽快处理。'],
    ['reached', 4, '整体满意，希望说明书能提供电子版。'],
    ['unreachable', null, '连续两天电话无人接听，改日再访。'],
    ['reached', 1, '送货延误一周且包装破损，非常不满意。'],
  ];
  const lowComplaints: number[] = [];
  for (const [i, [outcome, score, comments]] of outcomes.entries()) {
    const v = due[i];
    if (!v) break;
    const r = await recordVisit(await asId(v.owner_id, 1), v.id, {
      version: await version('return_visits', v.id),
      outcome: outcome as 'reached',
      satisfaction: score,
      comments,
    });
    if (r.complaintId) lowComplaints.push(r.complaintId);
  }

  // A low-score complaint under investigation: QA and the engineer asked, QA has found the cause.
  const qaId = userId(world.org, 'qa');
  const engId = userId(world.org, 'engineer');
  const biz = async (daysAgo = 0) => as('commerce', daysAgo);
  if (lowComplaints[0]) {
    const id = lowComplaints[0];
    await investigateComplaint(await biz(1), id, {
      version: await version('complaints', id),
      investigators: [
        { userId: qaId, role: 'qa' },
        { userId: engId, role: 'technical' },
      ],
      dueDate: null,
    });
    await recordFinding(await as('qa', 0), id, {
      version: await version('complaints', id),
      finding: '同批次显示屏排线插接不牢，振动后接触不良。',
    });
  }
  // The other low score: decided as a compensation, awaiting approval.
  if (lowComplaints[1]) {
    const id = lowComplaints[1];
    await investigateComplaint(await biz(1), id, {
      version: await version('complaints', id),
      investigators: [{ userId: engId, role: 'technical' }],
      dueDate: null,
    });
    await decideComplaint(await biz(0), id, {
      version: await version('complaints', id),
      cause: '承运商中转延误，外包装在转运中受压破损。',
      decision: 'compensation',
      note: '按合同约定给予运费补偿。',
      compensationAmount: '800.00',
      replacementLines: [],
    });
  }

  // Signed deliveries carrying batches: a quality incident on one of them, a repair on another.
  const batched = (
    await tx.execute<{ id: number; customer_id: number; owner_id: number }>(sql`
      select distinct d.id, d.customer_id, d.owner_id from deliveries d join delivery_lines l on l.delivery_id = d.id
      where d.status = 'signed' and l.batch_id is not null and d.replacement_of is null order by d.id limit 2`)
  ).rows.map((r) => ({ id: Number(r.id), customerId: Number(r.customer_id), ownerId: Number(r.owner_id) }));
  const file = async (
    ownerId: number,
    daysAgo: number,
    input: {
      customerId: number;
      deliveryId: number | null;
      severity: 'general' | 'serious';
      category: string;
      subject: string;
      description: string;
      qualityIncident?: boolean;
    },
  ) =>
    createComplaint(await asId(ownerId, daysAgo), {
      orderId: null,
      files: [],
      qualityIncident: false,
      ...input,
      category: input.category as 'quality',
    });
  if (batched[0]) {
    const d = batched[0];
    await file(d.ownerId, 3, {
      customerId: d.customerId,
      deliveryId: d.id,
      severity: 'serious',
      category: 'quality',
      subject: '同批次产品多台出现异常发热',
      description: '客户反映本批到货的设备连续运行两小时后外壳明显发热，已停用并拍照留证。',
      qualityIncident: true,
    });
  }
  if (batched[1]) {
    const d = batched[1];
    const c = await file(d.ownerId, 6, {
      customerId: d.customerId,
      deliveryId: d.id,
      severity: 'general',
      category: 'quality',
      subject: '设备开机报错',
      description: '开机自检提示传感器异常，重启后偶尔恢复。',
    });
    await investigateComplaint(await biz(5), c.id, {
      version: c.version,
      investigators: [{ userId: engId, role: 'technical' }],
      dueDate: null,
    });
    await decideComplaint(await biz(4), c.id, {
      version: await version('complaints', c.id),
      cause: '传感器接口氧化，需上门更换。',
      decision: 'repair',
      note: null,
      compensationAmount: null,
      replacementLines: [],
    });
  }

  // Closed after verification, withdrawn, and a fresh one still open.
  const customers = (
    await tx.execute<{ id: number; owner_id: number }>(sql`
      select id, owner_id from customers where owner_id is not null and kind = 'company' order by id limit 3`)
  ).rows.map((r) => ({ id: Number(r.id), ownerId: Number(r.owner_id) }));
  if (customers.length === 3) {
    const closed = await file(customers[0].ownerId, 20, {
      customerId: customers[0].id,
      deliveryId: null,
      severity: 'general',
      category: 'documents',
      subject: '发票抬头有误',
      description: '客户收到的发票抬头少了“有限公司”字样。',
    });
    await investigateComplaint(await biz(19), closed.id, {
      version: closed.version,
      investigators: [{ userId: userId(world.org, 'finance'), role: 'technical' }],
      dueDate: null,
    });
    await decideComplaint(await biz(18), closed.id, {
      version: await version('complaints', closed.id),
      cause: '开票时客户名称取自旧档案。',
      decision: 'explanation',
      note: '已向客户说明并重开发票，档案已更正。',
      compensationAmount: null,
      replacementLines: [],
    });
    await verifyComplaint(await biz(15), closed.id, {
      version: await version('complaints', closed.id),
      result: 'verified',
      note: '电话回访，客户确认已收到正确发票。',
    });
    const withdrawn = await file(customers[1].ownerId, 10, {
      customerId: customers[1].id,
      deliveryId: null,
      severity: 'general',
      category: 'price',
      subject: '对报价有疑问',
      description: '客户认为价格高于去年同期。',
    });
    await cancelComplaint(await biz(9), withdrawn.id, {
      version: withdrawn.version,
      reason: '经解释系原材料调价，客户表示理解，撤回异议。',
    });
    await file(customers[2].ownerId, 0, {
      customerId: customers[2].id,
      deliveryId: null,
      severity: 'general',
      category: 'service',
      subject: '安装人员迟到',
      description: '约定上午九点安装，工程师十一点才到。',
    });
    // A satisfaction survey to these customers, due next week.
    await createSurvey(await biz(0), {
      title: '年度客户满意度调查',
      script:
        '您好，这里是客服部的年度满意度调查：请您对我们的产品质量、交货及时性和售后服务分别打分（1–5分），并提出意见和建议。',
      dueDate: new Date(now.getTime() + 7 * DAY).toISOString().slice(0, 10),
      customerIds: customers.map((c) => c.id),
    });
  }
}
