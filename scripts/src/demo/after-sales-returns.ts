/**
 * Sales returns in the demo (SPEC 4.3, seed 000 医药公司销后退回管理规定): one return per reason and
 * state — finished in time with a red-letter invoice, finished late with the storage fee charged,
 * inside the deadline, past it and still in the chain, goods not in yet, returned for change,
 * rejected, and an exchange with its replacement delivery — all through the real services, each
 * step by the user who would take it, on a clock set back to when it happened.
 */
import type { ReturnKind, ReturnReason } from '@sales/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../apps/server/src/db/client.ts';
import { runReturnOverdueSweep } from '../../../apps/server/src/modules/returns/index.ts';
import { creditReturn, recordReturnArrival } from '../../../apps/server/src/modules/returns/returns.actions.ts';
import { createReturn } from '../../../apps/server/src/modules/returns/returns.create.ts';
import { createWarehouse } from '../../../apps/server/src/modules/stock/stock.service.ts';
import { actOnApproval } from '../../../apps/server/src/platform/approvals/approvals.service.ts';
import { demoCtx } from './ctx.ts';
import { addDays, shanghaiDate } from './rng.ts';
import type { DemoWorld } from './world.ts';

const CHAIN = ['invoicing', 'purchasing', 'qa', 'operations', 'receiver'] as const;

interface Story {
  reason: ReturnReason;
  kind?: ReturnKind;
  text: string;
  createdDaysAgo: number;
  /** Days ago the goods reached the warehouse (undefined: not yet). */
  arrivedDaysAgo?: number;
  /** How many chain steps approved, and when (days ago) each. */
  approvals: number[];
  /** rejected / returned for change at that step, that day. */
  stop?: { step: number; action: 'reject' | 'return'; daysAgo: number; comment: string };
  /** Days ago finance issued the red-letter invoice. */
  creditDaysAgo?: number;
  quarantine?: boolean;
}

const STORIES: Story[] = [
  {
    reason: 'quality',
    text: '客户反映部分产品外包装受潮、标签脱落，按质量问题退回',
    createdDaysAgo: 21,
    arrivedDaysAgo: 20,
    approvals: [20, 19, 19, 18, 18],
    creditDaysAgo: 16,
    quarantine: true,
  },
  {
    reason: 'wrong_sale',
    text: '转销售时开错规格，客户拒收，退回重新配货',
    createdDaysAgo: 30,
    arrivedDaysAgo: 29,
    approvals: [28, 27, 26, 24, 22],
  },
  {
    reason: 'policy',
    text: '厂家政策调整，客户按协议退回未拆封货品',
    createdDaysAgo: 3,
    arrivedDaysAgo: 1,
    approvals: [2, 1],
  },
  {
    reason: 'breakage',
    text: '运输途中外箱挤压，两件破损',
    createdDaysAgo: 13,
    arrivedDaysAgo: 12,
    approvals: [12, 11, 10, 9],
  },
  {
    reason: 'wrong_purchase',
    text: '采购下错批次型号，客户要求退回',
    createdDaysAgo: 2,
    approvals: [1],
  },
  {
    reason: 'customer_error',
    text: '客户报错计划，多订一件，申请退回',
    createdDaysAgo: 7,
    approvals: [6],
    stop: { step: 1, action: 'return', daysAgo: 5, comment: '请补充客户书面退货说明后重新提交' },
  },
  {
    reason: 'quality',
    text: '客户称设备异响，要求退货',
    createdDaysAgo: 9,
    approvals: [8, 8],
    stop: { step: 2, action: 'reject', daysAgo: 7, comment: '质管复检合格，异响系安装不当，不予退货，转售后上门调试' },
  },
  {
    reason: 'quality',
    kind: 'exchange',
    text: '个别产品显示屏坏点，客户要求换货',
    createdDaysAgo: 11,
    arrivedDaysAgo: 10,
    approvals: [10, 9, 9, 8, 8],
    quarantine: true,
  },
];

type Line = { deliveryId: number; lineId: number; ownerId: number; orderId: number; free: number; signed: string };

export async function createReturns(world: DemoWorld): Promise<void> {
  const { tx, now } = world;
  const today = shanghaiDate(now);
  let n = 0;
  const as = (userId: number, daysAgo: number) => {
    n += 1;
    // 10:00 in Shanghai on that day, never later than now.
    const at = new Date(Math.min(now.getTime() - 60_000, Date.parse(`${addDays(today, -daysAgo)}T10:00:00+08:00`)));
    return demoCtx(tx, userId, `demo-returns-${n}`, at);
  };
  const uid = (u: string) => {
    const x = world.org.users.get(u);
    if (!x) throw new Error(`unknown demo user ${u}`);
    return x.id;
  };
  const quarantine = (
    await createWarehouse(await as(uid('warehouse'), 40), { code: 'WH-QZ', name: '退货待验区', address: null })
  ).id;
  const main = Number(
    (await tx.execute<{ id: number }>(sql`select id from warehouses where id <> ${quarantine} order by id limit 1`))
      .rows[0].id,
  );
  const lines: Line[] = (
    await tx.execute<{
      delivery_id: number;
      line_id: number;
      owner_id: number;
      order_id: number;
      qty: string;
      signed: string;
    }>(sql`
      select d.id as delivery_id, l.id as line_id, d.owner_id, d.order_id, coalesce(l.received_qty, l.qty)::text as qty,
        d.signed_date::text as signed
      from deliveries d join delivery_lines l on l.delivery_id = d.id
      where d.status = 'signed' and d.replacement_of is null order by d.signed_date, l.id`)
  ).rows.map((r) => ({
    deliveryId: Number(r.delivery_id),
    lineId: Number(r.line_id),
    ownerId: Number(r.owner_id),
    orderId: Number(r.order_id),
    free: Math.floor(Number(r.qty)),
    signed: r.signed,
  }));
  const decide = async (
    step: number,
    inst: number,
    daysAgo: number,
    action: 'approve' | 'reject' | 'return',
    comment: string,
  ) => actOnApproval(await as(uid(CHAIN[step]), daysAgo), inst, action, { comment });
  const version = async (id: number) =>
    Number((await tx.execute<{ v: number }>(sql`select version as v from sales_returns where id = ${id}`)).rows[0].v);

  const used = new Set<number>();
  for (const s of STORIES) {
    // Spread the stories over different deliveries where there are enough.
    const fits = (l: Line) => l.free >= 1 && l.signed < addDays(today, -s.createdDaysAgo);
    const line = lines.find((l) => fits(l) && !used.has(l.deliveryId)) ?? lines.find(fits);
    if (!line) throw new Error(`demo returns: no signed delivery before ${s.createdDaysAgo} days ago`);
    line.free -= 1;
    used.add(line.deliveryId);
    const id = await createReturn(await as(line.ownerId, s.createdDaysAgo), {
      deliveryId: line.deliveryId,
      kind: s.kind ?? 'return',
      reason: s.reason,
      description: s.text,
      responsibleUserId: null,
      lines: [{ deliveryLineId: line.lineId, qty: '1' }],
    });
    const inst = Number(
      (
        await tx.execute<{ id: number }>(
          sql`select max(id) as id from approval_instances where doc_type = 'sales_return' and doc_id = ${id}`,
        )
      ).rows[0].id,
    );
    if (s.arrivedDaysAgo !== undefined) {
      const ctx = await as(uid('warehouse'), s.arrivedDaysAgo);
      await recordReturnArrival(ctx, id, {
        arrivedAt: ctx.now().toISOString(),
        warehouseId: s.quarantine ? quarantine : main,
        version: await version(id),
      });
    }
    for (const [step, daysAgo] of s.approvals.entries()) await decide(step, inst, daysAgo, 'approve', '同意');
    if (s.stop) await decide(s.stop.step, inst, s.stop.daysAgo, s.stop.action, s.stop.comment);
    if (s.creditDaysAgo !== undefined) {
      const inv = (
        await tx.execute<{ id: number }>(sql`
          select id from invoices where order_id = ${line.orderId} and status = 'issued' and total_gross > 0
            and credits_invoice_id is null order by id limit 1`)
      ).rows[0];
      if (inv)
        await creditReturn(await as(uid('finance'), s.creditDaysAgo), id, {
          invoiceId: Number(inv.id),
          externalNo: `04400${String(id).padStart(5, '0')}`,
          version: await version(id),
        });
    }
  }
  // What the scheduler would have done by now: the overdue return escalated once.
  await runReturnOverdueSweep(tx as unknown as Db, now);
}
