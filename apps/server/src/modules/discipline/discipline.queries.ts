import type { DisciplineLevelQuery, DisciplineListQuery } from '@sales/core';
import { and, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditHistory } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { cappedCount, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { disciplineScope, findRecordInScope, personForRecord } from './discipline.access.ts';
import { computeLevel } from './discipline.level.ts';
import { disciplineRecords } from './discipline.schema.ts';
import { ENTITY } from './discipline.service.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const recorder = alias(users, 'recorder');
const decider = alias(users, 'decider');

function recordSelect(ctx: Ctx) {
  return ctx.db
    .select({
      r: disciplineRecords,
      personName: users.name,
      deptName: departments.name,
      recordedByName: recorder.name,
      decidedByName: decider.name,
    })
    .from(disciplineRecords)
    .innerJoin(users, eq(users.id, disciplineRecords.personId))
    .innerJoin(departments, eq(departments.id, disciplineRecords.personDeptId))
    .innerJoin(recorder, eq(recorder.id, disciplineRecords.recordedBy))
    .leftJoin(decider, eq(decider.id, disciplineRecords.decidedBy));
}
type Row = Awaited<ReturnType<ReturnType<typeof recordSelect>['where']>>[number];
const present = ({ r, ...names }: Row) => ({
  ...r,
  ...names,
  decidedAt: iso(r.decidedAt),
  acknowledgedAt: iso(r.acknowledgedAt),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** Records of the people in scope, latest incident first (a rep sees their own, a manager the department's). */
export async function listDisciplineRecords(ctx: Ctx, q: DisciplineListQuery) {
  const parts: SQL[] = [await disciplineScope(ctx)];
  if (q.personId) parts.push(eq(disciplineRecords.personId, q.personId));
  if (q.kind) parts.push(eq(disciplineRecords.kind, q.kind));
  if (q.level) parts.push(eq(disciplineRecords.level, q.level));
  if (q.status) parts.push(eq(disciplineRecords.status, q.status));
  if (q.from) parts.push(gte(disciplineRecords.occurredOn, q.from));
  if (q.to) parts.push(lte(disciplineRecords.occurredOn, q.to));
  const where = and(...parts) as SQL;
  const [rows, count] = await Promise.all([
    recordSelect(ctx)
      .where(where)
      .orderBy(...pageOrder(disciplineRecords.occurredOn, 'desc', disciplineRecords.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, disciplineRecords, where),
  ]);
  return pageResult(rows.map(present), count, q);
}

/** Whether the viewer may record for (decide, void) this record: in the record scope, and not their own. */
async function mayRecord(ctx: Ctx, id: number, personId: number) {
  if (!can(ctx.principal, 'discipline.record') || personId === ctx.principal.userId) return false;
  return findRecordInScope(ctx, id, 'discipline.record').then(
    () => true,
    () => false,
  );
}

/** One record with its history (the audit trail) and what the viewer may do with it. */
export async function getDisciplineRecord(ctx: Ctx, id: number) {
  await findRecordInScope(ctx, id);
  const [[row], history] = await Promise.all([
    recordSelect(ctx).where(eq(disciplineRecords.id, id)),
    auditHistory(ctx.db, ENTITY, id),
  ]);
  const canRecord = await mayRecord(ctx, id, row.r.personId);
  return {
    ...present(row),
    // What a 一级 loss would add to the 快乐基金 if decided now (the decision form shows it).
    contributionPolicy: await getPolicy(ctx.db, 'discipline.level1Contribution'),
    canRecord,
    canAcknowledge: row.r.personId === ctx.principal.userId && row.r.status === 'decided',
    history: history.map(({ changes: _c, ...h }) => h),
  };
}

/** The level a draft with these facts would get now (the form's preview), for a person in the record scope. */
export async function previewLevel(ctx: Ctx, q: DisciplineLevelQuery) {
  const person = await personForRecord(ctx, ctx.db, q.personId);
  const lv = await computeLevel(ctx.db, { ...q, personId: person.id }, null);
  return { level: lv.level, repeatCount: lv.repeatCount, basis: lv.basis };
}

/** The active people whose records the viewer may write (the person picker), never the viewer. */
export async function recordablePeople(ctx: Ctx) {
  const scope = scopeWhere(await resolveScope(ctx, 'discipline.record'), users.id, users.deptId);
  const rows = await ctx.db
    .select({ id: users.id, name: users.name, deptName: departments.name })
    .from(users)
    .innerJoin(departments, eq(departments.id, users.deptId))
    .where(and(eq(users.active, true), scope, sql`${users.id} <> ${ctx.principal.userId}`))
    .orderBy(departments.name, users.name, users.id)
    .limit(1000);
  return { items: rows };
}
