/**
 * After-sales demo (issue 12, SPEC 4.1): service tickets on delivered lines, through the real use
 * cases at past instants, so clocks, audit rows and stock movements are the system's own. Covers
 * every SLA state — running, warning (past 80 % of the target), paused (waiting for the customer),
 * met (closed with a visit, a part from stock, charges and the customer's signed report) and
 * breached (escalated to 售后主管 by the SLA sweep) — in and out of warranty, and an installation
 * waiting for its operation manual handover.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../apps/server/src/db/client.ts';
import { runSlaSweep } from '../../../apps/server/src/modules/service/sla.sweep.ts';
import {
  assignTicket,
  changeTicketPriority,
  confirmTicket,
  replyToTicket,
  resolveTicket,
  waitTicket,
} from '../../../apps/server/src/modules/service/tickets.actions.ts';
import { createTicket } from '../../../apps/server/src/modules/service/tickets.service.ts';
import {
  addCharge,
  recordInstallCheck,
  recordVisit,
  signReport,
  usePart,
} from '../../../apps/server/src/modules/service/tickets.work.ts';
import { loadWorkCalendar } from '../../../apps/server/src/platform/calendar/calendar.service.ts';
import { demoCtx } from './ctx.ts';
import { type DemoWorld, userId } from './world.ts';

// The customer's signature as a small PNG (a scanned signed copy in real use).
const SIGNATURE_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const MIN = 60_000;

type Line = {
  id: number;
  customer_id: number;
  contact: string | null;
  warranty_months: number;
};

export async function createServiceTickets(world: DemoWorld): Promise<void> {
  const { tx, now, org } = world;
  const cal = await loadWorkCalendar(tx);
  let n = 0;
  const as = (username: string, at: Date) => {
    n += 1;
    return demoCtx(tx, userId(org, username), `demo-service-${n}`, at);
  };
  /** The instant `minutes` working minutes before now (so a clock has used exactly that much). */
  const workingAgo = (minutes: number) => {
    let at = new Date(now.getTime() - minutes * MIN);
    while (cal.workingMsBetween(at, now) < minutes * MIN) at = new Date(at.getTime() - 5 * MIN);
    return at;
  };
  const after = (at: Date, minutes: number) => new Date(at.getTime() + minutes * MIN);

  // Signed delivery lines: equipment with warranty, and consumables without (paid service).
  const lines = (
    await tx.execute<Line>(sql`
      select dl.id, d.customer_id, d.consignee as contact, p.warranty_months
      from delivery_lines dl join deliveries d on d.id = dl.delivery_id join products p on p.id = dl.product_id
      where d.status = 'signed' order by d.signed_date desc, dl.id`)
  ).rows;
  const warranted = lines.filter((l) => l.warranty_months > 0);
  const unwarranted = lines.filter((l) => l.warranty_months === 0);
  if (warranted.length < 5 || unwarranted.length < 1) throw new Error('demo service: not enough signed deliveries');
  const customerOf = (l: Line) => ({ customerId: Number(l.customer_id), contactName: l.contact });
  const base = (l: Line | null, subject: string, extra: Record<string, unknown> = {}) => ({
    type: 'repair' as const,
    source: 'hotline' as const,
    priority: 'normal' as const,
    ...(l ? customerOf(l) : {}),
    contactPhone: '0571-88886666',
    deliveryLineId: l ? Number(l.id) : null,
    subject,
    description: null,
    dueAt: null,
    ...extra,
  });
  const open = async (input: ReturnType<typeof base>, at: Date, engineer = true) => {
    const t = await createTicket(await as('svcmanager', at), input as never);
    if (!engineer) return t;
    return assignTicket(await as('svcmanager', after(at, 5)), t.id, {
      engineerId: userId(org, 'engineer'),
      version: t.version,
    });
  };

  // 1. Running: answered by phone, the repair under way (both clocks well inside their targets).
  let at = workingAgo(60);
  let t = await open(base(warranted[0], '变频器运行中偶发过流报警'), at);
  t = await replyToTicket(await as('engineer', after(at, 20)), t.id, {
    kind: 'staff_reply',
    body: '已电话了解故障现象，明天上午上门检查。',
    version: t.version,
  });

  // 2. Warning: urgent, unanswered, 85 % of the 60-minute response target used.
  at = workingAgo(51);
  await open(base(warranted[1], '生产线机器人急停后无法复位', { priority: 'urgent', source: 'online' }), at);

  // 3. Paused: waiting for the customer to free the machine.
  at = workingAgo(300);
  t = await open(base(warranted[2], '视觉检测系统误判率升高'), at);
  t = await replyToTicket(await as('engineer', after(at, 30)), t.id, {
    kind: 'staff_reply',
    body: '需停机校准光源，已与客户约定停机时间。',
    version: t.version,
  });
  await waitTicket(await as('engineer', after(at, 60)), t.id, { reason: 'customer', version: t.version });

  // 4. Breached: urgent, nobody answered for three working hours → the sweep escalates it.
  at = workingAgo(180);
  await open(base(warranted[3], '触摸屏黑屏，产线停机', { priority: 'urgent' }), at, false);

  // 5. Met and closed, out of warranty: visit, a part from stock, charges, signed report.
  at = workingAgo(1500);
  const paid = unwarranted[0];
  t = await open(base(paid, '设备润滑系统异响', { type: 'onsite' }), at);
  const visitAt = after(at, 90);
  t = await recordVisit(await as('engineer', after(visitAt, 120)), t.id, {
    arrivedAt: visitAt.toISOString(),
    leftAt: after(visitAt, 110).toISOString(),
    workDone: '拆检润滑泵，更换散热风扇组件并加注润滑脂，试机正常。',
    photos: [{ fileName: '现场照片.png', mimeType: 'image/png', contentBase64: SIGNATURE_PNG }],
    version: t.version,
  });
  const [spare] = (
    await tx.execute<{ warehouse_id: number; product_id: number }>(sql`
      select si.warehouse_id, si.product_id from stock_items si join products p on p.id = si.product_id
      where p.code = 'HP-FAN' and si.on_hand - si.reserved >= 1 order by si.warehouse_id limit 1`)
  ).rows;
  if (spare)
    t = await usePart(await as('engineer', after(visitAt, 125)), t.id, {
      warehouseId: Number(spare.warehouse_id),
      productId: Number(spare.product_id),
      batchId: null,
      qty: '1',
      visitId: t.visits[0].id,
      version: t.version,
    });
  t = await addCharge(await as('engineer', after(visitAt, 130)), t.id, {
    description: '上门服务费',
    amount: '300.00',
    version: t.version,
  });
  t = await addCharge(await as('engineer', after(visitAt, 131)), t.id, {
    description: '散热风扇组件',
    amount: '980.00',
    version: t.version,
  });
  t = await resolveTicket(await as('engineer', after(visitAt, 135)), t.id, {
    resolution: '更换散热风扇组件，润滑系统恢复正常。',
    version: t.version,
  });
  t = await signReport(await as('engineer', after(visitAt, 140)), t.id, {
    signerName: '设备部 李明',
    file: { fileName: '服务报告单签字.png', mimeType: 'image/png', contentBase64: SIGNATURE_PNG },
    version: t.version,
  });
  await confirmTicket(await as('svcmanager', after(visitAt, 200)), t.id, t.version);

  // 6. Installation, resolved: training given, the operation manual not handed over yet.
  at = workingAgo(2000);
  t = await open(base(warranted[4], '新购激光打标机安装调试', { type: 'installation', source: 'visit' }), at);
  t = await changeTicketPriority(await as('svcmanager', after(at, 10)), t.id, { priority: 'high', version: t.version });
  const installAt = after(at, 60);
  t = await recordVisit(await as('engineer', after(installAt, 240)), t.id, {
    arrivedAt: installAt.toISOString(),
    leftAt: after(installAt, 230).toISOString(),
    workDone: '设备就位、接线、校准光路，完成打标测试。',
    photos: [],
    version: t.version,
  });
  t = await recordInstallCheck(await as('engineer', after(installAt, 245)), t.id, {
    item: 'training',
    version: t.version,
  });
  await resolveTicket(await as('engineer', after(installAt, 250)), t.id, {
    resolution: '安装调试完成，已对操作工进行培训；操作手册待补寄。',
    version: t.version,
  });

  // The SLA sweep as the scheduler would have run it: warnings and the breach escalation.
  await runSlaSweep(tx as unknown as Db, now);
}
