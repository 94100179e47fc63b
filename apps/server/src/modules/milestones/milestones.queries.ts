import type { LateStepQuery, MilestoneListQuery } from '@sales/core';
import { and, asc, eq, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { listAttachments } from '../../platform/files/index.ts';
import { cappedCount, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { companyDate } from '../../platform/time.ts';
import { contracts } from '../contracts/index.ts';
import { customers } from '../customers/index.ts';
import { orders } from '../orders/index.ts';
import { findProcessInScope, processScope } from './milestones.access.ts';
import { isLate } from './milestones.processes.ts';
import { milestoneProcesses, milestoneProcessSteps } from './milestones.schema.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

function dealSelect(ctx: Ctx) {
  return ctx.db
    .select({
      p: milestoneProcesses,
      customerName: customers.name,
      orderNo: orders.no,
      contractNo: contracts.no,
      lateSteps: sql<number>`(select count(*)::int from ${milestoneProcessSteps} s
        where s.process_id = ${milestoneProcesses.id} and s.completed_at is null and s.due_date < ${companyDate(ctx.now())}::date)`,
      doneSteps: sql<number>`(select count(*)::int from ${milestoneProcessSteps} s
        where s.process_id = ${milestoneProcesses.id} and s.completed_at is not null)`,
      totalSteps: sql<number>`(select count(*)::int from ${milestoneProcessSteps} s where s.process_id = ${milestoneProcesses.id})`,
    })
    .from(milestoneProcesses)
    .innerJoin(customers, eq(customers.id, milestoneProcesses.customerId))
    .leftJoin(orders, eq(orders.id, milestoneProcesses.orderId))
    .leftJoin(contracts, eq(contracts.id, milestoneProcesses.contractId));
}
type Row = Awaited<ReturnType<ReturnType<typeof dealSelect>['where']>>[number];
const present = ({ p, ...rest }: Row) => ({
  ...p,
  ...rest,
  completedAt: iso(p.completedAt),
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

/** Processes in scope (optionally of one order or contract), latest change first, with late-step counts. */
export async function listMilestoneProcesses(ctx: Ctx, q: MilestoneListQuery) {
  const parts: SQL[] = [await processScope(ctx)];
  if (q.orderId) parts.push(eq(milestoneProcesses.orderId, q.orderId));
  if (q.contractId) parts.push(eq(milestoneProcesses.contractId, q.contractId));
  if (q.status) parts.push(eq(milestoneProcesses.status, q.status));
  const where = and(...parts) as SQL;
  const [rows, count] = await Promise.all([
    dealSelect(ctx)
      .where(where)
      .orderBy(...pageOrder(milestoneProcesses.updatedAt, 'desc', milestoneProcesses.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, milestoneProcesses, where),
  ]);
  return pageResult(rows.map(present), count, q);
}

/** One process in scope with its steps (due, late, done by whom) and the documents filed. */
export async function getMilestoneProcess(ctx: Ctx, id: number) {
  await findProcessInScope(ctx, id);
  const [[row], steps, files] = await Promise.all([
    dealSelect(ctx).where(eq(milestoneProcesses.id, id)),
    ctx.db
      .select({
        s: milestoneProcessSteps,
        departmentName: departments.name,
        completedByName: users.name,
      })
      .from(milestoneProcessSteps)
      .leftJoin(departments, eq(departments.id, milestoneProcessSteps.departmentId))
      .leftJoin(users, eq(users.id, milestoneProcessSteps.completedBy))
      .where(eq(milestoneProcessSteps.processId, id))
      .orderBy(asc(milestoneProcessSteps.seq)),
    listAttachments(ctx.db, 'milestone_process', id),
  ]);
  const now = ctx.now();
  return {
    ...present(row),
    steps: steps.map(({ s, departmentName, completedByName }) => ({
      id: s.id,
      seq: s.seq,
      name: s.name,
      departmentId: s.departmentId,
      departmentName,
      dueDate: s.dueDate,
      requiredDocuments: s.requiredDocuments,
      note: s.note,
      completedAt: iso(s.completedAt),
      completedByName,
      completionNote: s.completionNote,
      late: isLate(s, now),
      documents: files
        .filter((f) => f.purpose.startsWith(`step:${s.id}:`))
        .map((f) => ({ id: f.id, name: f.purpose.slice(`step:${s.id}:`.length), fileName: f.fileName })),
    })),
  };
}

/** The late steps of processes in scope (SPEC 4.5: lateness is reported), oldest due first. */
export async function listLateSteps(ctx: Ctx, q: LateStepQuery) {
  const where = and(
    await processScope(ctx),
    isNull(milestoneProcessSteps.completedAt),
    lt(milestoneProcessSteps.dueDate, companyDate(ctx.now())),
  ) as SQL;
  const base = ctx.db
    .select({
      id: milestoneProcessSteps.id,
      processId: milestoneProcesses.id,
      processNo: milestoneProcesses.no,
      templateName: milestoneProcesses.templateName,
      customerName: customers.name,
      orderNo: orders.no,
      contractNo: contracts.no,
      seq: milestoneProcessSteps.seq,
      name: milestoneProcessSteps.name,
      departmentName: departments.name,
      dueDate: milestoneProcessSteps.dueDate,
      ownerName: users.name,
    })
    .from(milestoneProcessSteps)
    .innerJoin(milestoneProcesses, eq(milestoneProcesses.id, milestoneProcessSteps.processId))
    .innerJoin(customers, eq(customers.id, milestoneProcesses.customerId))
    .innerJoin(users, eq(users.id, milestoneProcesses.ownerId))
    .leftJoin(orders, eq(orders.id, milestoneProcesses.orderId))
    .leftJoin(contracts, eq(contracts.id, milestoneProcesses.contractId))
    .leftJoin(departments, eq(departments.id, milestoneProcessSteps.departmentId));
  const [items, [{ n }]] = await Promise.all([
    base
      .where(where)
      .orderBy(asc(milestoneProcessSteps.dueDate), asc(milestoneProcessSteps.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(milestoneProcessSteps)
      .innerJoin(milestoneProcesses, eq(milestoneProcesses.id, milestoneProcessSteps.processId))
      .where(where),
  ]);
  return pageResult(items, { total: n, capped: false }, q);
}
