import type { CapaListQuery } from '@sales/core';
import { and, eq, lt, ne, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditHistory } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { cappedCount, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { companyDate } from '../../platform/time.ts';
import { CAPA_ENTITY } from './capa.service.ts';
import { isOverdue } from './capa.sweep.ts';
import { capaScope, findCapaInScope } from './quality.access.ts';
import { auditFindings, capas, internalAudits } from './quality.schema.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const verifier = alias(users, 'verifier');

function capaSelect(ctx: Ctx) {
  return ctx.db
    .select({
      c: capas,
      ownerName: users.name,
      deptName: departments.name,
      verifierName: verifier.name,
      auditNo: internalAudits.no,
      auditTitle: internalAudits.title,
      findingSeq: auditFindings.seq,
      findingText: auditFindings.description,
      findingSeverity: auditFindings.severity,
      findingClause: auditFindings.clause,
    })
    .from(capas)
    .innerJoin(users, eq(users.id, capas.ownerId))
    .innerJoin(departments, eq(departments.id, capas.ownerDeptId))
    .innerJoin(internalAudits, eq(internalAudits.id, capas.auditId))
    .innerJoin(auditFindings, eq(auditFindings.id, capas.findingId))
    .leftJoin(verifier, eq(verifier.id, capas.verifierId));
}
type Row = Awaited<ReturnType<ReturnType<typeof capaSelect>['where']>>[number];
const present =
  (today: string) =>
  ({ c, ...rest }: Row) => ({
    ...c,
    ...rest,
    overdue: isOverdue(c, today),
    implementedAt: iso(c.implementedAt),
    closedAt: iso(c.closedAt),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  });

/** Corrective/preventive actions in scope, latest due date first; `overdue` lists those past due and not closed. */
export async function listCapas(ctx: Ctx, q: CapaListQuery) {
  const today = companyDate(ctx.now());
  const parts: SQL[] = [await capaScope(ctx)];
  if (q.status) parts.push(eq(capas.status, q.status));
  if (q.ownerId) parts.push(eq(capas.ownerId, q.ownerId));
  if (q.overdue) parts.push(ne(capas.status, 'closed'), lt(capas.dueDate, today));
  const where = and(...parts) as SQL;
  const [rows, count] = await Promise.all([
    capaSelect(ctx)
      .where(where)
      .orderBy(...pageOrder(capas.dueDate, 'desc', capas.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, capas, where),
  ]);
  return pageResult(rows.map(present(today)), count, q);
}

/** One action with its finding and audit, the history, and what the viewer may do with it. */
export async function getCapa(ctx: Ctx, id: number) {
  await findCapaInScope(ctx, id);
  const [[row], history] = await Promise.all([
    capaSelect(ctx).where(eq(capas.id, id)),
    auditHistory(ctx.db, CAPA_ENTITY, id),
  ]);
  const manage = can(ctx.principal, 'quality.manage');
  const mine = row.c.ownerId === ctx.principal.userId;
  return {
    ...present(companyDate(ctx.now()))(row),
    canImplement: row.c.status === 'open' && (mine || manage),
    // The owner never verifies their own action (SPEC 1.4).
    canVerify: row.c.status === 'implemented' && manage && !mine,
    canChangeDue: row.c.status !== 'closed' && manage,
    history: history.map(({ changes: _c, ...h }) => h),
  };
}
