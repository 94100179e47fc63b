import type { DemandInput, DemandListQuery } from '@sales/core';
import { and, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ValidationError } from '../../platform/errors/errors.ts';
import { cappedCount, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { customerScope, customers } from '../customers/index.ts';
import { findDemand, ownerScope } from './research.access.ts';
import { productDemands } from './research.schema.ts';
import './research.messages.ts';

const ENTITY = 'product_demand';

/**
 * Registers demand for a product the company does not make (SPEC 2.8, seed 002): who asked, what
 * and how many. A named customer must be one the rep may see.
 */
export async function registerDemand(ctx: Ctx, input: DemandInput) {
  if (input.customerId) {
    const [c] = await ctx.db
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.id, input.customerId), await customerScope(ctx)));
    if (!c) throw ValidationError.field('customerId', 'research.customer_invalid');
  }
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(productDemands)
      .values({
        ...input,
        customerId: input.customerId ?? null,
        ownerId: ctx.principal.userId,
        ownerDeptId: ctx.principal.deptId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    await recordAudit(tx, ctx, {
      entityType: ENTITY,
      entityId: row.id,
      action: 'create',
      changes: [
        { field: 'requester', old: null, new: row.requester },
        { field: 'productDescription', old: null, new: row.productDescription },
        { field: 'quantity', old: null, new: row.quantity },
      ],
    });
    return row;
  });
}

/** Records that the demand was reported to the trading company that sources it (seed 002: 上报 … 贸易分公司). */
export async function reportDemand(
  ctx: Ctx,
  id: number,
  input: { tradingCompany: string; reportedOn: string; version: number },
) {
  return ctx.db.transaction(async (tx) => {
    const d = await findDemand(ctx, id, tx, 'demand.manage', input.version);
    if (d.status !== 'registered') throw new ConflictError('research.demand_not_registered');
    await tx
      .update(productDemands)
      .set({
        status: 'reported',
        tradingCompany: input.tradingCompany,
        reportedOn: input.reportedOn,
        version: d.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(productDemands.id, id));
    await recordAudit(tx, ctx, {
      entityType: ENTITY,
      entityId: id,
      action: 'report',
      changes: [
        { field: 'status', old: 'registered', new: 'reported' },
        { field: 'tradingCompany', old: null, new: input.tradingCompany },
        { field: 'reportedOn', old: null, new: input.reportedOn },
      ],
    });
  });
}

/** Records the outcome the trading company reported back (督促、协调贸易分公司落实): closes the entry. */
export async function recordDemandOutcome(
  ctx: Ctx,
  id: number,
  input: { outcome: string; outcomeNote: string | null; version: number },
) {
  return ctx.db.transaction(async (tx) => {
    const d = await findDemand(ctx, id, tx, 'demand.manage', input.version);
    if (d.status !== 'reported') throw new ConflictError('research.demand_not_reported');
    await tx
      .update(productDemands)
      .set({
        status: 'closed',
        outcome: input.outcome,
        outcomeNote: input.outcomeNote,
        version: d.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(productDemands.id, id));
    await recordAudit(tx, ctx, {
      entityType: ENTITY,
      entityId: id,
      action: 'outcome',
      changes: [
        { field: 'status', old: 'reported', new: 'closed' },
        { field: 'outcome', old: null, new: input.outcome },
      ],
    });
  });
}

const customer = alias(customers, 'demand_customer');
const demandSelect = (ctx: Ctx) =>
  ctx.db
    .select({ d: productDemands, ownerName: users.name, deptName: departments.name, customerName: customer.name })
    .from(productDemands)
    .innerJoin(users, eq(users.id, productDemands.ownerId))
    .innerJoin(departments, eq(departments.id, productDemands.ownerDeptId))
    .leftJoin(customer, eq(customer.id, productDemands.customerId));
type Row = Awaited<ReturnType<ReturnType<typeof demandSelect>['where']>>[number];
const present = ({ d, ...rest }: Row) => ({
  ...d,
  ...rest,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
});

/** Demand entries in scope, latest change first. */
export async function listDemands(ctx: Ctx, q: DemandListQuery) {
  const parts: SQL[] = [await ownerScope(ctx, 'demand.view', productDemands.ownerId, productDemands.ownerDeptId)];
  if (q.status) parts.push(eq(productDemands.status, q.status));
  const where = and(...parts) as SQL;
  const [rows, count] = await Promise.all([
    demandSelect(ctx)
      .where(where)
      .orderBy(...pageOrder(productDemands.updatedAt, 'desc', productDemands.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, productDemands, where),
  ]);
  return pageResult(rows.map(present), count, q);
}

/** One demand entry in scope; `canManage` tells the page whether to offer report / outcome. */
export async function getDemand(ctx: Ctx, id: number) {
  await findDemand(ctx, id);
  let canManage = false;
  if (can(ctx.principal, 'demand.manage'))
    canManage = await findDemand(ctx, id, ctx.db, 'demand.manage').then(
      () => true,
      () => false,
    );
  const [row] = await demandSelect(ctx).where(eq(productDemands.id, id));
  return { ...present(row), canManage };
}
