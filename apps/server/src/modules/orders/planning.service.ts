import { money, type ProductionTaskInput, type ProductionTaskUpdateInput } from '@sales/core';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  StaleVersionError,
  ValidationError,
} from '../../platform/errors/errors.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { nextDocNumber } from '../../platform/numbering/numbering.service.ts';
import { companyName } from '../../platform/org/company.ts';
import { renderPdf } from '../../platform/printing/index.ts';
import { customers } from '../customers/index.ts';
import { products } from '../products/products.schema.ts';
import { findOrderInScope, orderLinesOf } from './orders.access.ts';
import { orders, productionTasks } from './orders.schema.ts';

// Orders the planner works on (SPEC 3.4 planner view).
const PLANNED_STATUSES = ['approved', 'in_preparation', 'partially_delivered'];
// A task moves forward only; done and cancelled are final.
const TASK_TRANSITIONS: Record<string, string[]> = {
  planned: ['planned', 'in_progress', 'done', 'cancelled'],
  in_progress: ['in_progress', 'done', 'cancelled'],
  done: ['done'],
  cancelled: ['cancelled'],
};

/**
 * Creates 销售任务单 lines (stock or production) for an approved order's lines; the open quantity
 * of a line (ordered − delivered − already tasked) bounds each task. One number per task.
 */
export async function createProductionTasks(ctx: Ctx, orderId: number, input: ProductionTaskInput) {
  await findOrderInScope(ctx, orderId);
  if (!ctx.principal.grants.has('order.plan')) throw new ForbiddenError();
  return ctx.db.transaction(async (tx) => {
    const o = await findOrderInScope(ctx, orderId, 'order.view', tx, true);
    if (!PLANNED_STATUSES.includes(o.status)) {
      throw new ConflictError('order.transition', {
        status: translate(ctx.locale, `order.status.${o.status}`),
        action: translate(ctx.locale, 'order.action.prepare'),
      });
    }
    const lines = new Map((await orderLinesOf(tx, orderId)).map((l) => [l.id, l]));
    const tasked = await tx
      .select({ lineId: productionTasks.orderLineId, qty: sql<string>`sum(${productionTasks.qty})::text` })
      .from(productionTasks)
      .where(and(eq(productionTasks.orderId, orderId), sql`${productionTasks.status} <> 'cancelled'`))
      .groupBy(productionTasks.orderLineId);
    const used = new Map(tasked.map((t) => [t.lineId, money(t.qty)]));
    const out: { id: number; no: string }[] = [];
    for (const [i, t] of input.lines.entries()) {
      const l = lines.get(t.orderLineId);
      if (!l || l.productId === null) throw ValidationError.field(`lines.${i}.orderLineId`, 'order.line_unknown');
      const open = money(l.qty)
        .minus(l.deliveredQty)
        .minus(used.get(l.id) ?? 0);
      if (money(t.qty).gt(open))
        throw ValidationError.field(`lines.${i}.qty`, 'order.task_qty', { open: open.toString() });
      used.set(l.id, (used.get(l.id) ?? money(0)).plus(t.qty));
      const no = await nextDocNumber(tx, 'productionTask', ctx.now());
      const [row] = await tx
        .insert(productionTasks)
        .values({
          no,
          orderId,
          orderLineId: l.id,
          productId: l.productId,
          kind: t.kind,
          qty: t.qty,
          dueDate: t.dueDate,
          plannerId: ctx.principal.userId,
        })
        .returning();
      await recordAudit(tx, ctx, {
        entityType: 'production_task',
        entityId: row.id,
        action: 'create',
        changes: [
          { field: 'no', old: null, new: no },
          { field: 'orderId', old: null, new: orderId },
          { field: 'kind', old: null, new: t.kind },
          { field: 'qty', old: null, new: row.qty },
          { field: 'dueDate', old: null, new: t.dueDate },
        ],
      });
      out.push({ id: row.id, no });
    }
    return { items: out };
  });
}

/** Records a task's progress (status, done quantity, note, due date), versioned. */
export async function updateProductionTask(ctx: Ctx, id: number, input: ProductionTaskUpdateInput) {
  return ctx.db.transaction(async (tx) => {
    const [t] = await tx.select().from(productionTasks).where(eq(productionTasks.id, id)).for('update');
    if (!t) throw new NotFoundError();
    if (t.version !== input.version) throw new StaleVersionError();
    if (!TASK_TRANSITIONS[t.status].includes(input.status))
      throw new ConflictError('order.task_status', { from: t.status, to: input.status });
    if (money(input.doneQty).gt(t.qty))
      throw ValidationError.field('doneQty', 'order.task_done_qty', { qty: money(t.qty).toString() });
    const [after] = await tx
      .update(productionTasks)
      .set({
        status: input.status,
        doneQty: input.doneQty,
        progressNote: input.progressNote,
        dueDate: input.dueDate,
        version: t.version + 1,
        updatedAt: sql`now()`,
      })
      .where(eq(productionTasks.id, id))
      .returning();
    const changes = diffFields(t, after, ['status', 'doneQty', 'progressNote', 'dueDate']);
    await recordAudit(tx, ctx, { entityType: 'production_task', entityId: id, action: 'update', changes });
    return after;
  });
}

function taskSelect(ctx: Ctx) {
  return ctx.db
    .select({
      id: productionTasks.id,
      no: productionTasks.no,
      orderId: productionTasks.orderId,
      orderNo: orders.no,
      customerName: customers.name,
      orderLineId: productionTasks.orderLineId,
      productId: productionTasks.productId,
      productCode: products.code,
      productName: products.name,
      spec: products.spec,
      unit: products.unit,
      kind: productionTasks.kind,
      qty: productionTasks.qty,
      doneQty: productionTasks.doneQty,
      dueDate: productionTasks.dueDate,
      promisedDate: orders.promisedDate,
      status: productionTasks.status,
      progressNote: productionTasks.progressNote,
      version: productionTasks.version,
    })
    .from(productionTasks)
    .innerJoin(orders, eq(orders.id, productionTasks.orderId))
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .innerJoin(products, eq(products.id, productionTasks.productId));
}

/** Production tasks by status / order, due date first (at most 500). */
export async function listProductionTasks(ctx: Ctx, q: { status?: string; orderId?: number }) {
  const where: SQL[] = [];
  if (q.status) where.push(eq(productionTasks.status, q.status));
  if (q.orderId) where.push(eq(productionTasks.orderId, q.orderId));
  const rows = await taskSelect(ctx)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(productionTasks.dueDate), asc(productionTasks.id))
    .limit(500);
  return { items: rows };
}

/** The 销售任务单 as PDF, two copies: kept by sales (留存联) and sent to production (生产联). */
export async function printProductionTasks(ctx: Ctx, ids: number[]) {
  const rows = await taskSelect(ctx).where(inArray(productionTasks.id, ids)).orderBy(asc(productionTasks.id));
  if (rows.length === 0) throw new NotFoundError();
  const company = await companyName(ctx.db);
  return renderPdf({
    title: '销售任务单',
    companyName: company,
    documentNo: rows.length === 1 ? rows[0].no : `${rows[0].no} 等 ${rows.length} 项`,
    documentNoLabel: '任务单号',
    copies: ['留存联', '生产联'],
    headerFields: [{ label: '打印日期', value: new Date(ctx.now()).toISOString().slice(0, 10) }],
    table: {
      columns: [
        { header: '任务单号', width: 3.6 },
        { header: '订单号', width: 3.6 },
        { header: '客户', width: 3.4 },
        { header: '产品', width: 3.4 },
        { header: '规格', width: 2 },
        { header: '类型', width: 1.5 },
        { header: '数量', width: 1.5, align: 'right' },
        { header: '交期', width: 2.2 },
      ],
      rows: rows.map((r) => [
        r.no,
        r.orderNo,
        r.customerName,
        `${r.productCode} ${r.productName}`,
        r.spec ?? '',
        r.kind === 'production' ? '排产' : '备货',
        `${money(r.qty).toString()} ${r.unit}`,
        r.dueDate,
      ]),
    },
    footerFields: [
      { label: '计划员', value: '' },
      { label: '生产负责人', value: '' },
      { label: '日期', value: '' },
    ],
  });
}
