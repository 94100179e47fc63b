/**
 * Conference marketing of the demo company (会销, SPEC 2.7; seed 001): a past product launch with its
 * invitations answered, guests checked in (gifts out of stock), a walk-in, two deals attributed and
 * its actual costs booked — so its report has a funnel and an ROI — and an upcoming event whose
 * invitations are in every state (pending, accepted and confirmed, declined with reasons, undecided).
 */
import { sql } from 'drizzle-orm';
import { checkInInvitation, registerWalkIn } from '../../../apps/server/src/modules/events/checkin.service.ts';
import { attributeOrder } from '../../../apps/server/src/modules/events/deals.service.ts';
import { createEvent, submitEvent, updateEvent } from '../../../apps/server/src/modules/events/events.service.ts';
// Registers the event plan's approval type (and its default chain) before the loader seeds the rules.
import '../../../apps/server/src/modules/events/index.ts';
import {
  confirmInvitation,
  inviteCustomers,
  recordInvitationResult,
} from '../../../apps/server/src/modules/events/invitations.service.ts';
import { actOnApproval } from '../../../apps/server/src/platform/approvals/approvals.service.ts';
import type { Ctx } from '../../../apps/server/src/platform/context.ts';
import { demoCtx } from './ctx.ts';
import { addDays } from './rng.ts';
import { type DemoWorld, userId } from './world.ts';

const shanghai = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
const SCRIPT =
  '您好，[客户姓名]，我是[公司名称]的销售[你的姓名]。我们公司近期将举办一场关于[产品/服务主题]的会议，届时会有行业专家分享经验，还有现场优惠。时间是[时间]，地点在[地点]。您看您有时间过来吗？';

type Row = Record<string, unknown>;

async function invitationIds(world: DemoWorld, eventId: number): Promise<Map<number, number>> {
  const r = await world.tx.execute<Row>(sql`select id, customer_id from event_invitations where event_id = ${eventId}`);
  return new Map(r.rows.map((x) => [Number(x.customer_id), Number(x.id)]));
}

async function plannedEvent(planner: Ctx, approver: Ctx, input: Parameters<typeof createEvent>[1]): Promise<number> {
  const { id } = await createEvent(planner, input);
  const { instanceId } = await submitEvent(planner, id, 1);
  await actOnApproval(approver, instanceId, 'approve', { comment: '同意，按预算执行' });
  return id;
}

export async function createEvents(world: DemoWorld): Promise<void> {
  const { tx, now, org } = world;
  const today = shanghai(now);
  const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);
  const ago = (days: number, time = '10:00') =>
    new Date(Math.min(now.getTime() - 60_000, at(addDays(today, -days), time).getTime()));
  const director = userId(org, 'director');
  const gm = userId(org, 'gm');
  const front = userId(org, 'frontdesk');
  // The gift: a product not batch-tracked with stock to spare.
  const [gift] = (
    await tx.execute<Row>(sql`select s.product_id, s.warehouse_id from stock_items s join products p on p.id = s.product_id
      where p.tracking = 'none' and s.on_hand - s.reserved >= 20 order by s.product_id limit 1`)
  ).rows;
  // Deals: two orders of owned customers; their customers come to the past event.
  const deals = (
    await tx.execute<Row>(sql`select o.id, o.customer_id from orders o join customers c on c.id = o.customer_id
      where o.status not in ('draft', 'cancelled') and c.owner_id is not null and c.archived_at is null
      order by o.id limit 2`)
  ).rows.map((r) => ({ orderId: Number(r.id), customerId: Number(r.customer_id) }));
  const dealCustomers = new Set(deals.map((d) => d.customerId));
  const owned = world.customers.filter((c) => c.ownerId !== null && c.poolId === null && !dealCustomers.has(c.id));
  const past = [...deals.map((d) => d.customerId), ...owned.slice(0, 6).map((c) => c.id)];
  const coming = owned.slice(6, 14).map((c) => c.id);

  // The past launch: 20 days ago, 14:00–17:00.
  const pastDay = addDays(today, -20);
  const p0 = await demoCtx(tx, director, 'demo-events-1', ago(35));
  const pastId = await plannedEvent(p0, await demoCtx(tx, gm, 'demo-events-2', ago(34)), {
    theme: '智能制造新品发布暨客户答谢会',
    agenda: '13:30 签到入场\n14:00 公司致辞\n14:20 新品发布与演示\n15:30 行业专家分享\n16:20 现场优惠洽谈',
    speakers: '技术总监 陈立；行业专家 王教授',
    venue: '上海浦东香格里拉大酒店 三楼宴会厅',
    startsAt: at(pastDay, '14:00').toISOString(),
    endsAt: at(pastDay, '17:00').toISOString(),
    capacity: 60,
    materials: '产品手册 80 份、易拉宝 4 个、演示样机 2 台',
    giftProductId: gift ? Number(gift.product_id) : null,
    giftWarehouseId: gift ? Number(gift.warehouse_id) : null,
    responsibleIds: [userId(org, 'manager1'), userId(org, 'manager2')],
    script: SCRIPT,
    budget: [
      { category: 'venue', budget: '12000.00', actual: '0', note: null },
      { category: 'catering', budget: '6000.00', actual: '0', note: null },
      { category: 'gifts', budget: '3000.00', actual: '0', note: null },
      { category: 'materials', budget: '2000.00', actual: '0', note: null },
    ],
  });
  const d1 = await demoCtx(tx, director, 'demo-events-3', ago(30));
  await inviteCustomers(d1, pastId, { customerIds: past, method: 'phone' });
  const pastInv = await invitationIds(world, pastId);
  const answer = async (c: number, result: 'accepted' | 'declined' | 'undecided', reason?: string, note?: string) =>
    recordInvitationResult(await demoCtx(tx, director, `demo-events-r${c}`, ago(25)), pastInv.get(c) as number, {
      result,
      reason: reason as never,
      reasonNote: note ?? null,
      version: 1,
    });
  for (const c of past.slice(0, 6)) await answer(c, 'accepted');
  await answer(past[6], 'declined', 'schedule', '当天在外地出差');
  if (past[7]) await answer(past[7], 'declined', 'no_budget');
  for (const c of past.slice(0, 5))
    await confirmInvitation(
      await demoCtx(tx, director, `demo-events-c${c}`, ago(21, '16:00')),
      pastInv.get(c) as number,
      2,
    );
  // On the day: five guests signed in (four take the gift), one walk-in.
  for (const [i, c] of past.slice(0, 5).entries()) {
    const ctx = await demoCtx(tx, front, `demo-events-in${c}`, ago(20, `13:${String(30 + i * 4).padStart(2, '0')}`));
    await checkInInvitation(ctx, pastInv.get(c) as number, {
      seat: `A-${String(i + 1).padStart(2, '0')}`,
      giveGift: Boolean(gift) && i < 4,
    });
  }
  await registerWalkIn(await demoCtx(tx, front, 'demo-events-walkin', ago(20, '13:55')), pastId, {
    name: '钱思远',
    mobile: '13817706655',
    seat: 'B-01',
    giveGift: false,
  });
  for (const d of deals)
    await attributeOrder(await demoCtx(tx, director, `demo-events-deal${d.orderId}`, ago(19)), pastId, d.orderId);
  const [ev] = (await tx.execute<Row>(sql`select version from events where id = ${pastId}`)).rows;
  await updateEvent(await demoCtx(tx, director, 'demo-events-cost', ago(18)), pastId, {
    theme: '智能制造新品发布暨客户答谢会',
    startsAt: at(pastDay, '14:00').toISOString(),
    endsAt: at(pastDay, '17:00').toISOString(),
    capacity: 60,
    responsibleIds: [],
    budget: [
      { category: 'venue', budget: '12000.00', actual: '11800.00', note: null },
      { category: 'catering', budget: '6000.00', actual: '5420.00', note: null },
      { category: 'gifts', budget: '3000.00', actual: '2760.00', note: null },
      { category: 'materials', budget: '2000.00', actual: '1650.00', note: null },
    ],
    version: Number(ev.version),
  });

  // The coming seminar: in 6 days; invitations in every state.
  const nextDay = addDays(today, 6);
  const n0 = await demoCtx(tx, userId(org, 'manager1'), 'demo-events-5', ago(4));
  const nextId = await plannedEvent(n0, await demoCtx(tx, gm, 'demo-events-6', ago(3)), {
    theme: '数字化仓储解决方案研讨会',
    agenda: '09:00 签到\n09:30 方案介绍\n10:30 客户案例分享\n11:30 交流答疑',
    speakers: '解决方案经理 刘洋',
    venue: null,
    startsAt: at(nextDay, '09:30').toISOString(),
    endsAt: at(nextDay, '12:00').toISOString(),
    capacity: 30,
    materials: '方案白皮书 40 份',
    giftProductId: gift ? Number(gift.product_id) : null,
    giftWarehouseId: gift ? Number(gift.warehouse_id) : null,
    responsibleIds: [userId(org, 'supervisor1')],
    script: SCRIPT,
    budget: [
      { category: 'venue', budget: '5000.00', actual: '0', note: null },
      { category: 'gifts', budget: '1500.00', actual: '0', note: null },
    ],
  });
  await inviteCustomers(await demoCtx(tx, director, 'demo-events-7', ago(2)), nextId, {
    customerIds: coming,
    method: 'phone',
  });
  const nextInv = await invitationIds(world, nextId);
  const plan: [string, string?, string?][] = [
    ['accepted'],
    ['accepted'],
    ['accepted'],
    ['declined', 'distance', '公司在苏州，往返不便'],
    ['declined', 'no_interest'],
    ['undecided'],
  ];
  for (const [i, [result, reason, note]] of plan.entries()) {
    const c = coming[i];
    if (!c) break;
    await recordInvitationResult(await demoCtx(tx, director, `demo-events-n${c}`, ago(1)), nextInv.get(c) as number, {
      result: result as 'accepted',
      reason: (reason ?? null) as never,
      reasonNote: note ?? null,
      version: 1,
    });
  }
  if (coming[0])
    await confirmInvitation(
      await demoCtx(tx, director, 'demo-events-n-c', ago(0, '09:00')),
      nextInv.get(coming[0]) as number,
      2,
    );
}
