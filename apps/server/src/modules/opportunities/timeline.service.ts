import { desc, eq, inArray, sql } from 'drizzle-orm';
import { auditLog, type FieldChange } from '../../platform/audit/audit.schema.ts';
import type { Ctx } from '../../platform/context.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { customers } from '../customers/index.ts';
import { findOpportunityInScope } from './opportunities.access.ts';
import { pipelineStages, pipelines } from './opportunities.schema.ts';

type Lookup = { table: 'user' | 'dept' | 'stage' | 'pipeline' | 'customer' };
const REFERENCES: Record<string, Lookup['table']> = {
  ownerId: 'user',
  ownerDeptId: 'dept',
  stageId: 'stage',
  lastOpenStageId: 'stage',
  pipelineId: 'pipeline',
  customerId: 'customer',
};

/** Shows the ids in changes (owner, department, stage, pipeline, customer) as names. */
async function referenceNames(ctx: Ctx, changes: FieldChange[]) {
  const ids: Record<Lookup['table'], Set<number>> = {
    user: new Set(),
    dept: new Set(),
    stage: new Set(),
    pipeline: new Set(),
    customer: new Set(),
  };
  for (const c of changes) {
    const t = REFERENCES[c.field];
    for (const v of [c.old, c.new]) if (t && typeof v === 'number') ids[t].add(v);
  }
  const q = async (t: Lookup['table']) => {
    const list = [...ids[t]];
    if (!list.length) return [] as { id: number; name: string }[];
    const table = { user: users, dept: departments, stage: pipelineStages, pipeline: pipelines, customer: customers }[
      t
    ];
    return ctx.db.select({ id: table.id, name: table.name }).from(table).where(inArray(table.id, list));
  };
  const maps = Object.fromEntries(
    await Promise.all(
      (Object.keys(ids) as Lookup['table'][]).map(async (t) => [
        t,
        new Map((await q(t)).map((r) => [Number(r.id), r.name])),
      ]),
    ),
  ) as Record<Lookup['table'], Map<number, string>>;
  return (field: string, v: unknown) => {
    const t = REFERENCES[field];
    return t && typeof v === 'number' ? (maps[t].get(v) ?? v) : v;
  };
}

/** One opportunity's history from the audit trail: its own changes and its proposals', newest first. */
export async function opportunityTimeline(ctx: Ctx, id: number) {
  await findOpportunityInScope(ctx, id);
  const rows = await ctx.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      action: auditLog.action,
      changes: auditLog.changes,
      comment: auditLog.comment,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      sql`(${auditLog.entityType} = 'opportunity' and ${auditLog.entityId} = ${id})
       or (${auditLog.entityType} = 'opportunity_proposal' and ${auditLog.entityId} in (select id from opportunity_proposals where opportunity_id = ${id}))`,
    )
    .orderBy(desc(auditLog.id))
    .limit(300);
  const names = await referenceNames(
    ctx,
    rows.flatMap((r) => r.changes),
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    entityType: r.entityType,
    entityId: r.entityId,
    action: r.action,
    actorName: r.actorName,
    changes: r.changes.map((c) => ({ field: c.field, old: names(c.field, c.old), new: names(c.field, c.new) })),
    comment: r.comment,
  }));
}
