import { money, PLAN_MONTHS, type SalesPlanListQuery, type SalesPlanRowInput, toMoneyString } from '@sales/core';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { cappedCount, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { resolveScope } from '../../platform/permissions/scope.ts';
import { findPlanInScope, planScope, rowEditable } from './plans.access.ts';
import { lastYearActuals } from './plans.actuals.ts';
import { salesPlans } from './plans.schema.ts';
import { loadSplitOrg, planRows } from './plans.service.ts';
import type { SplitOrg } from './plans.split.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Plans in scope, latest year and version first. */
export async function listSalesPlans(ctx: Ctx, q: SalesPlanListQuery) {
  const parts: SQL[] = [await planScope(ctx)];
  if (q.year) parts.push(eq(salesPlans.year, q.year));
  const where = and(...parts) as SQL;
  const [rows, count] = await Promise.all([
    ctx.db
      .select({ p: salesPlans, createdByName: users.name })
      .from(salesPlans)
      .innerJoin(users, eq(users.id, salesPlans.createdBy))
      .where(where)
      .orderBy(...pageOrder(salesPlans.year, 'desc', salesPlans.planVersion))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, salesPlans, where),
  ]);
  const company = await seesCompany(ctx);
  return pageResult(
    rows.map(({ p, createdByName }) => ({
      id: p.id,
      year: p.year,
      planVersion: p.planVersion,
      title: p.title,
      status: p.status,
      // The company's task is the company row's: shown to those who see that row.
      targetAmount: company ? p.targetAmount : null,
      targetCustomers: company ? p.targetCustomers : null,
      createdByName,
      approvedAt: iso(p.approvedAt),
      updatedAt: p.updatedAt.toISOString(),
    })),
    count,
    q,
  );
}

/** Whether the viewer sees the company row (the root department is in their plan scope). */
async function seesCompany(ctx: Ctx, org?: SplitOrg) {
  const scope = await resolveScope(ctx, 'plan.view');
  if (scope.all) return true;
  const rootId = (org ?? (await loadSplitOrg(ctx.db))).rootId;
  return scope.deptIds.includes(rootId);
}

export type PlanRowKind = 'company' | 'department' | 'rep';
export interface PlanRowView extends SalesPlanRowInput {
  key: string;
  name: string;
  kind: PlanRowKind;
  parentKey: string | null;
  depth: number;
  totalAmount: string;
  totalCustomers: number;
  editable: boolean;
}

/** The rows in the viewer's scope, ordered as a tree (company, departments, their reps), with totals. */
export async function visibleRows(
  ctx: Ctx,
  planId: number,
  db: DbOrTx = ctx.db,
): Promise<{ rows: PlanRowView[]; org: SplitOrg }> {
  const all = await planRows(db, planId);
  const org = await loadSplitOrg(db);
  const view = await resolveScope(ctx, 'plan.view');
  const edit = can(ctx.principal, 'plan.edit') ? await resolveScope(ctx, 'plan.edit') : null;
  const inView = (r: SalesPlanRowInput) =>
    view.all || (r.userId !== null && r.userId === view.userId) || view.deptIds.includes(r.deptId);
  const key = (r: SalesPlanRowInput) => (r.userId !== null ? `u${r.userId}` : `d${r.deptId}`);
  const parentKey = (r: SalesPlanRowInput) => {
    if (r.userId !== null) return `d${r.deptId}`;
    const p = org.depts.get(r.deptId)?.parentId;
    return p == null ? null : `d${p}`;
  };
  const byParent = new Map<string | null, SalesPlanRowInput[]>();
  const keys = new Set(all.map(key));
  for (const r of all) {
    const pk = parentKey(r);
    const k = pk && keys.has(pk) ? pk : null;
    byParent.set(k, [...(byParent.get(k) ?? []), r]);
  }
  const out: PlanRowView[] = [];
  const walk = (pk: string | null, depth: number) => {
    // Departments before reps, each in the order written.
    const kids = [...(byParent.get(pk) ?? [])].sort((a, b) => Number(a.userId !== null) - Number(b.userId !== null));
    for (const r of kids) {
      if (inView(r)) {
        out.push({
          ...r,
          key: key(r),
          name: r.userId !== null ? (org.users.get(r.userId)?.name ?? '') : (org.depts.get(r.deptId)?.name ?? ''),
          kind: r.userId !== null ? 'rep' : r.deptId === org.rootId ? 'company' : 'department',
          parentKey: parentKey(r),
          depth,
          totalAmount: toMoneyString(r.amounts.reduce((s, x) => s.plus(money(x)), money(0))),
          totalCustomers: r.customers.reduce((s, x) => s + x, 0),
          editable: edit !== null && rowEditable(edit, ctx.principal.deptId, r),
        });
      }
      // Indented under the rows the viewer sees (a rep alone in view is not indented).
      walk(key(r), inView(r) ? depth + 1 : depth);
    }
  };
  walk(null, 0);
  return { rows: out, org };
}

/** One plan with the rows in scope, the year's versions and what the viewer may do with it. */
export async function getSalesPlan(ctx: Ctx, id: number) {
  const p = await findPlanInScope(ctx, id);
  const [{ rows, org }, versions, [creator]] = await Promise.all([
    visibleRows(ctx, id),
    ctx.db
      .select({
        id: salesPlans.id,
        planVersion: salesPlans.planVersion,
        status: salesPlans.status,
        submittedAt: salesPlans.submittedAt,
        approvedAt: salesPlans.approvedAt,
        supersededAt: salesPlans.supersededAt,
        updatedAt: salesPlans.updatedAt,
      })
      .from(salesPlans)
      .where(and(eq(salesPlans.year, p.year), await planScope(ctx)))
      .orderBy(asc(salesPlans.planVersion)),
    ctx.db.select({ name: users.name }).from(users).where(eq(users.id, p.createdBy)),
  ]);
  const company = await seesCompany(ctx, org);
  const creates = can(ctx.principal, 'plan.create');
  const edits = can(ctx.principal, 'plan.edit');
  // Last year's actuals beside each row, for those who see figures (analytics.view).
  const lastYear = can(ctx.principal, 'analytics.view') ? await lastYearActuals(ctx, p.year, rows) : null;
  const open = versions.some((v) => v.status === 'draft' || v.status === 'submitted');
  return {
    id: p.id,
    year: p.year,
    planVersion: p.planVersion,
    title: p.title,
    status: p.status,
    targetAmount: company ? p.targetAmount : null,
    targetCustomers: company ? p.targetCustomers : null,
    note: p.note,
    basedOnId: p.basedOnId,
    createdByName: creator?.name ?? '',
    submittedAt: iso(p.submittedAt),
    approvedAt: iso(p.approvedAt),
    version: p.version,
    months: PLAN_MONTHS,
    rows,
    lastYear,
    versions: versions.map((v) => ({
      ...v,
      submittedAt: iso(v.submittedAt),
      approvedAt: iso(v.approvedAt),
      supersededAt: iso(v.supersededAt),
      updatedAt: v.updatedAt.toISOString(),
    })),
    actions: {
      edit: p.status === 'draft' && edits && (creates || rows.some((r) => r.editable)),
      editTask: p.status === 'draft' && creates,
      submit: p.status === 'draft' && creates,
      revise: p.status === 'approved' && creates && !open,
    },
  };
}

/** The version of a year in force (approved), if any. */
export async function planInForce(db: DbOrTx, year: number) {
  const [p] = await db
    .select()
    .from(salesPlans)
    .where(and(eq(salesPlans.year, year), eq(salesPlans.status, 'approved')));
  return p ?? null;
}
