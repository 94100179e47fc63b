import { PLAN_MONTHS, type SalesPlanCreateInput, type SalesPlanRowInput, type SalesPlanUpdateInput } from '@sales/core';
import { asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { submitForApproval } from '../../platform/approvals/approvals.service.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ValidationError } from '../../platform/errors/errors.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { resolveScope } from '../../platform/permissions/scope.ts';
import { findPlanForChange, rowEditable } from './plans.access.ts';
import { PLAN_DOC } from './plans.doc.ts';
import { salesPlanCells, salesPlans } from './plans.schema.ts';
import { checkSplit, type SplitOrg } from './plans.split.ts';

/** The department tree and the active users, for the split check (small tables). */
export async function loadSplitOrg(db: DbOrTx): Promise<SplitOrg> {
  // One query at a time: `db` may be a transaction's single client.
  const ds = await db
    .select({ id: departments.id, name: departments.name, parentId: departments.parentId })
    .from(departments);
  const us = await db
    .select({ id: users.id, name: users.name, deptId: users.deptId })
    .from(users)
    .where(eq(users.active, true));
  const [root] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(isNull(departments.parentId))
    .orderBy(asc(departments.id))
    .limit(1);
  return {
    rootId: root.id,
    depts: new Map(ds.map((d) => [d.id, { name: d.name, parentId: d.parentId }])),
    users: new Map(us.map((u) => [u.id, { name: u.name, deptId: u.deptId }])),
  };
}

/** The rows of a plan as the grid holds them (12 months each), in insertion order. */
export async function planRows(db: DbOrTx, planId: number): Promise<SalesPlanRowInput[]> {
  const cells = await db
    .select()
    .from(salesPlanCells)
    .where(eq(salesPlanCells.planId, planId))
    .orderBy(asc(salesPlanCells.id));
  const rows = new Map<string, SalesPlanRowInput>();
  for (const c of cells) {
    const k = `${c.deptId}:${c.userId ?? 0}`;
    let r = rows.get(k);
    if (!r) {
      r = {
        deptId: c.deptId,
        userId: c.userId,
        amounts: Array(PLAN_MONTHS).fill('0.00'),
        customers: Array(PLAN_MONTHS).fill(0),
      };
      rows.set(k, r);
    }
    r.amounts[c.month - 1] = c.amount;
    r.customers[c.month - 1] = c.customers;
  }
  return [...rows.values()];
}

async function writeRows(tx: Tx, planId: number, rows: SalesPlanRowInput[]) {
  await tx.delete(salesPlanCells).where(eq(salesPlanCells.planId, planId));
  const values = rows.flatMap((r) =>
    r.amounts.map((amount, m) => ({
      planId,
      deptId: r.deptId,
      userId: r.userId,
      month: m + 1,
      amount,
      customers: r.customers[m],
    })),
  );
  for (let i = 0; i < values.length; i += 1000) await tx.insert(salesPlanCells).values(values.slice(i, i + 1000));
}

async function assertSplit(tx: Tx, plan: { targetAmount: string; targetCustomers: number; rows: SalesPlanRowInput[] }) {
  const issues = checkSplit(await loadSplitOrg(tx), plan);
  if (issues.length) throw new ValidationError(issues);
}

const sameRow = (a: SalesPlanRowInput, b: SalesPlanRowInput) =>
  a.amounts.every((x, i) => Number(x) === Number(b.amounts[i])) && a.customers.every((x, i) => x === b.customers[i]);

/** Creates version 1 of a year's plan as a draft (the director; a later change is a new version). */
export async function createSalesPlan(ctx: Ctx, input: SalesPlanCreateInput) {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727013, ${input.year})`);
    const [exists] = await tx
      .select({ id: salesPlans.id })
      .from(salesPlans)
      .where(eq(salesPlans.year, input.year))
      .limit(1);
    if (exists) throw ValidationError.field('year', 'plans.year_exists', { year: input.year });
    if (input.rows.length) await assertSplit(tx, input);
    const [plan] = await tx
      .insert(salesPlans)
      .values({
        year: input.year,
        planVersion: 1,
        title: input.title,
        targetAmount: input.targetAmount,
        targetCustomers: input.targetCustomers,
        note: input.note,
        createdBy: ctx.principal.userId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    await writeRows(tx, plan.id, input.rows);
    await recordAudit(tx, ctx, {
      entityType: 'sales_plan',
      entityId: plan.id,
      action: 'create',
      changes: [
        { field: 'year', old: null, new: plan.year },
        { field: 'targetAmount', old: null, new: plan.targetAmount },
        { field: 'targetCustomers', old: null, new: plan.targetCustomers },
      ],
    });
    return { id: plan.id };
  });
}

/**
 * Saves a draft version's grid. The director (plan.create) sets the task and every row; a manager
 * writes the rows below their own department only (rowEditable), the other rows are kept as they
 * are. The whole plan must still sum afterwards.
 */
export async function updateSalesPlan(ctx: Ctx, id: number, input: SalesPlanUpdateInput) {
  return ctx.db.transaction(async (tx) => {
    const plan = await findPlanForChange(ctx, id, input.version, tx, 'plan.edit');
    if (plan.status !== 'draft') throw new ConflictError('plans.not_draft');
    const head = can(ctx.principal, 'plan.create')
      ? {
          title: input.title,
          targetAmount: input.targetAmount,
          targetCustomers: input.targetCustomers,
          note: input.note,
        }
      : { title: plan.title, targetAmount: plan.targetAmount, targetCustomers: plan.targetCustomers, note: plan.note };
    const scope = await resolveScope(ctx, 'plan.edit');
    const editable = (r: SalesPlanRowInput) => rowEditable(scope, ctx.principal.deptId, r);
    const before = await planRows(tx, id);
    const key = (r: SalesPlanRowInput) => `${r.deptId}:${r.userId ?? 0}`;
    const old = new Map(before.map((r) => [key(r), r]));
    const issues = input.rows.flatMap((r, i) => {
      if (editable(r)) return [];
      const was = old.get(key(r));
      return was && sameRow(was, r) ? [] : [{ field: `rows.${i}`, code: 'plans.row_not_editable' }];
    });
    if (issues.length) throw new ValidationError(issues);
    const sent = new Set(input.rows.map(key));
    // Rows the user may not write stay as stored; the user's writable rows are exactly those sent.
    const rows = [
      ...before.filter((r) => !editable(r) && !sent.has(key(r))),
      ...input.rows.map((r) => (editable(r) ? r : (old.get(key(r)) as SalesPlanRowInput))),
    ];
    const rowsOut = rows.filter((r, i) => rows.findIndex((x) => key(x) === key(r)) === i);
    if (rowsOut.length) await assertSplit(tx, { ...head, rows: rowsOut });
    await tx
      .update(salesPlans)
      .set({ ...head, version: plan.version + 1, updatedAt: ctx.now() })
      .where(eq(salesPlans.id, id));
    await writeRows(tx, id, rowsOut);
    await recordAudit(tx, ctx, {
      entityType: 'sales_plan',
      entityId: id,
      action: 'update',
      changes: [
        ...(['title', 'targetAmount', 'targetCustomers', 'note'] as const)
          .filter((f) => String(plan[f] ?? '') !== String(head[f] ?? ''))
          .map((f) => ({ field: f, old: plan[f], new: head[f] })),
        { field: 'rows', old: before.length, new: rowsOut.length },
      ],
    });
  });
}

/** Submits a draft version for approval (SPEC 2.1: plans go through approval); the split must sum. */
export async function submitSalesPlan(ctx: Ctx, id: number, version: number) {
  return ctx.db.transaction(async (tx) => {
    const plan = await findPlanForChange(ctx, id, version, tx, 'plan.create');
    if (plan.status !== 'draft') throw new ConflictError('plans.not_draft');
    const rows = await planRows(tx, id);
    if (!rows.length) throw ValidationError.field('rows', 'plans.company_row_missing');
    await assertSplit(tx, { targetAmount: plan.targetAmount, targetCustomers: plan.targetCustomers, rows });
    await tx
      .update(salesPlans)
      .set({ status: 'submitted', submittedAt: ctx.now(), version: plan.version + 1, updatedAt: ctx.now() })
      .where(eq(salesPlans.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'sales_plan',
      entityId: id,
      action: 'submit',
      changes: [{ field: 'status', old: 'draft', new: 'submitted' }],
    });
    return submitForApproval(tx, ctx, PLAN_DOC, id);
  });
}

/**
 * Starts a new version of the plan in force (SPEC 2.1: a changed plan is approved again): a draft
 * copy of its rows. The version in force stays in force until the new one is approved.
 */
export async function reviseSalesPlan(ctx: Ctx, id: number, version: number) {
  return ctx.db.transaction(async (tx) => {
    const plan = await findPlanForChange(ctx, id, version, tx, 'plan.create');
    if (plan.status !== 'approved') throw new ConflictError('plans.not_in_force');
    await tx.execute(sql`select pg_advisory_xact_lock(727013, ${plan.year})`);
    const [{ open, last }] = await tx
      .select({
        open: sql<number>`count(*) filter (where ${salesPlans.status} in ('draft','submitted'))::int`,
        last: sql<number>`max(${salesPlans.planVersion})::int`,
      })
      .from(salesPlans)
      .where(eq(salesPlans.year, plan.year));
    if (open > 0) throw new ConflictError('plans.open_version_exists');
    const [next] = await tx
      .insert(salesPlans)
      .values({
        year: plan.year,
        planVersion: last + 1,
        title: plan.title,
        targetAmount: plan.targetAmount,
        targetCustomers: plan.targetCustomers,
        note: plan.note,
        basedOnId: plan.id,
        createdBy: ctx.principal.userId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    await writeRows(tx, next.id, await planRows(tx, plan.id));
    await recordAudit(
      tx,
      ctx,
      {
        entityType: 'sales_plan',
        entityId: next.id,
        action: 'create',
        changes: [{ field: 'planVersion', old: plan.planVersion, new: next.planVersion }],
      },
      {
        entityType: 'sales_plan',
        entityId: plan.id,
        action: 'revise',
        changes: [{ field: 'nextVersionId', old: null, new: next.id }],
      },
    );
    return { id: next.id };
  });
}
