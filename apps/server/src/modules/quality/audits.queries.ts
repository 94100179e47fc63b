import type { AuditListQuery } from '@sales/core';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditHistory } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { cappedCount, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { companyDate } from '../../platform/time.ts';
import { AUDIT_ENTITY } from './audits.service.ts';
import { isOverdue } from './capa.sweep.ts';
import { auditScope, findAuditInScope } from './quality.access.ts';
import { auditFindings, capas, internalAudits } from './quality.schema.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const owner = alias(users, 'capa_owner');

function auditSelect(ctx: Ctx) {
  return ctx.db
    .select({
      a: internalAudits,
      deptName: departments.name,
      leadAuditorName: users.name,
      findings: sql<number>`(select count(*)::int from ${auditFindings} f where f.audit_id = ${internalAudits.id})`,
      openCapas: sql<number>`(select count(*)::int from ${capas} c where c.audit_id = ${internalAudits.id} and c.status <> 'closed')`,
    })
    .from(internalAudits)
    .innerJoin(departments, eq(departments.id, internalAudits.auditedDeptId))
    .innerJoin(users, eq(users.id, internalAudits.leadAuditorId));
}
type Row = Awaited<ReturnType<ReturnType<typeof auditSelect>['where']>>[number];
const present = ({ a, ...rest }: Row) => ({
  ...a,
  ...rest,
  reportedAt: iso(a.reportedAt),
  closedAt: iso(a.closedAt),
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

/** Internal audits in scope, latest audit date first. */
export async function listAudits(ctx: Ctx, q: AuditListQuery) {
  const parts: SQL[] = [await auditScope(ctx)];
  if (q.status) parts.push(eq(internalAudits.status, q.status));
  const where = and(...parts) as SQL;
  const [rows, count] = await Promise.all([
    auditSelect(ctx)
      .where(where)
      .orderBy(...pageOrder(internalAudits.auditDate, 'desc', internalAudits.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, internalAudits, where),
  ]);
  return pageResult(rows.map(present), count, q);
}

/** One audit with its findings, each finding's actions (with the overdue flag), and the history. */
export async function getAudit(ctx: Ctx, id: number) {
  await findAuditInScope(ctx, id);
  const today = companyDate(ctx.now());
  const [[row], findings, actions, history] = await Promise.all([
    auditSelect(ctx).where(eq(internalAudits.id, id)),
    ctx.db.select().from(auditFindings).where(eq(auditFindings.auditId, id)).orderBy(asc(auditFindings.seq)),
    ctx.db
      .select({
        id: capas.id,
        no: capas.no,
        findingId: capas.findingId,
        kind: capas.kind,
        action: capas.action,
        ownerName: owner.name,
        dueDate: capas.dueDate,
        status: capas.status,
      })
      .from(capas)
      .innerJoin(owner, eq(owner.id, capas.ownerId))
      .where(eq(capas.auditId, id))
      .orderBy(asc(capas.id)),
    auditHistory(ctx.db, AUDIT_ENTITY, id),
  ]);
  return {
    ...present(row),
    canManage: can(ctx.principal, 'quality.manage'),
    findings: findings.map((f) => ({
      id: f.id,
      seq: f.seq,
      clause: f.clause,
      description: f.description,
      severity: f.severity,
      capas: actions.filter((c) => c.findingId === f.id).map((c) => ({ ...c, overdue: isOverdue(c, today) })),
    })),
    history: history.map(({ changes: _c, ...h }) => h),
  };
}
