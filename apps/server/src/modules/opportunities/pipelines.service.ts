import type { PipelineInput, PipelineUpdateInput, StageKind } from '@sales/core';
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { opportunities, pipelineStages, pipelines } from './opportunities.schema.ts';
import { normalizeStages, type StageDef } from './opportunities.state.ts';

/** The live stages of a pipeline in order, as the state rules read them. */
export async function loadStages(db: DbOrTx, pipelineId: number): Promise<StageDef[]> {
  const rows = await db
    .select()
    .from(pipelineStages)
    .where(and(eq(pipelineStages.pipelineId, pipelineId), isNull(pipelineStages.deletedAt)))
    .orderBy(asc(pipelineStages.position));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    position: r.position,
    kind: r.kind as StageKind,
    probability: r.probability,
    checklist: r.checklist,
  }));
}

/** An active pipeline by id, or the default one when no id is given. */
export async function findActivePipeline(db: DbOrTx, id: number | null | undefined) {
  const [row] = await db
    .select()
    .from(pipelines)
    .where(and(id ? eq(pipelines.id, id) : eq(pipelines.isDefault, true), eq(pipelines.active, true)))
    .orderBy(asc(pipelines.id))
    .limit(1);
  return row ?? null;
}

/** Every pipeline with its stages (inactive ones too when asked, for the settings page). */
export async function listPipelines(ctx: Ctx, includeInactive = false) {
  const rows = await ctx.db
    .select()
    .from(pipelines)
    .where(includeInactive ? undefined : eq(pipelines.active, true))
    .orderBy(sql`${pipelines.isDefault} desc`, asc(pipelines.id));
  const stages = rows.length
    ? await ctx.db
        .select()
        .from(pipelineStages)
        .where(
          and(
            inArray(
              pipelineStages.pipelineId,
              rows.map((r) => r.id),
            ),
            isNull(pipelineStages.deletedAt),
          ),
        )
        .orderBy(asc(pipelineStages.position))
    : [];
  return rows.map((p) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    isDefault: p.isDefault,
    active: p.active,
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
    stages: stages
      .filter((s) => s.pipelineId === p.id)
      .map((s) => ({
        id: s.id,
        name: s.name,
        position: s.position,
        probability: s.probability,
        kind: s.kind as StageKind,
        checklist: s.checklist,
      })),
  }));
}

function checkStages(input: PipelineInput) {
  const n = normalizeStages(input.stages);
  if (!n.ok) throw ValidationError.field('stages', n.code, n.params);
  return n.stages;
}

/** A compact, comparable picture of the stages for the audit trail. */
const stageSummary = (stages: { name: string; probability: number; kind: string; checklist: { label: string }[] }[]) =>
  stages.map(
    (s) =>
      `${s.name}(${s.probability}%${s.kind === 'open' ? '' : `,${s.kind}`})${s.checklist.length ? `[${s.checklist.map((c) => c.label).join('、')}]` : ''}`,
  );

async function clearOtherDefaults(tx: Tx, keepId: number) {
  await tx
    .update(pipelines)
    .set({ isDefault: false, updatedAt: sql`now()` })
    .where(and(eq(pipelines.isDefault, true), ne(pipelines.id, keepId)));
}

/** Adds a pipeline with its stages (admin, pipeline.manage). */
export async function createPipeline(ctx: Ctx, input: PipelineInput) {
  const stages = checkStages(input);
  if (input.isDefault && !input.active) throw ValidationError.field('active', 'pipeline.default_inactive');
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pipelines)
      .values({ name: input.name, active: input.active, isDefault: input.isDefault })
      .returning({ id: pipelines.id });
    if (input.isDefault) await clearOtherDefaults(tx, row.id);
    await tx.insert(pipelineStages).values(
      stages.map((s) => ({
        pipelineId: row.id,
        name: s.name,
        position: s.position,
        probability: s.probability,
        kind: s.kind,
        checklist: s.checklist,
      })),
    );
    await recordAudit(tx, ctx, {
      entityType: 'pipeline',
      entityId: row.id,
      action: 'create',
      changes: diffFields(
        {},
        { name: input.name, active: input.active, isDefault: input.isDefault, stages: stageSummary(stages) },
        ['name', 'active', 'isDefault', 'stages'],
      ),
    });
    return row.id;
  });
  return (await listPipelines(ctx, true)).find((p) => p.id === id);
}

/**
 * Changes a pipeline and its stages (versioned): stages with an id are updated, new ones added,
 * missing ones removed — refused while opportunities are in them, as is changing such a stage's kind.
 */
export async function updatePipeline(ctx: Ctx, id: number, input: PipelineUpdateInput) {
  const stages = checkStages(input);
  await ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(pipelines).where(eq(pipelines.id, id)).for('update');
    if (!cur) throw new NotFoundError();
    if (cur.version !== input.version) throw new StaleVersionError();
    // There is always one default pipeline: it changes by making another one the default.
    if ((input.isDefault || cur.isDefault) && !input.active)
      throw ValidationError.field('active', 'pipeline.default_inactive');
    const before = await loadStages(tx, id);
    const byId = new Map(before.map((s) => [s.id, s]));
    for (const s of stages)
      if (s.id !== null && !byId.has(s.id)) throw ValidationError.field('stages', 'pipeline.stage.unknown');
    const inUse = new Set(
      (
        await tx
          .selectDistinct({ stageId: opportunities.stageId })
          .from(opportunities)
          .where(and(eq(opportunities.pipelineId, id), isNull(opportunities.deletedAt)))
      ).map((r) => r.stageId),
    );
    const kept = new Set(stages.map((s) => s.id).filter((x): x is number => x !== null));
    for (const old of before) {
      if (!kept.has(old.id) && inUse.has(old.id)) throw new ConflictError('pipeline.stage.in_use', { stage: old.name });
    }
    for (const s of stages) {
      const old = s.id !== null ? byId.get(s.id) : undefined;
      if (old && old.kind !== s.kind && inUse.has(old.id))
        throw new ConflictError('pipeline.stage.kind_in_use', { stage: old.name });
    }
    const removed = before.filter((s) => !kept.has(s.id)).map((s) => s.id);
    if (removed.length)
      await tx.update(pipelineStages).set({ deletedAt: sql`now()` }).where(inArray(pipelineStages.id, removed));
    for (const s of stages) {
      const values = {
        name: s.name,
        position: s.position,
        probability: s.probability,
        kind: s.kind,
        checklist: s.checklist,
      };
      if (s.id !== null) await tx.update(pipelineStages).set(values).where(eq(pipelineStages.id, s.id));
      else await tx.insert(pipelineStages).values({ ...values, pipelineId: id });
    }
    await tx
      .update(pipelines)
      .set({
        name: input.name,
        active: input.active,
        isDefault: input.isDefault || cur.isDefault,
        version: cur.version + 1,
        updatedAt: sql`now()`,
      })
      .where(eq(pipelines.id, id));
    if (input.isDefault) await clearOtherDefaults(tx, id);
    const changes = diffFields(
      { name: cur.name, active: cur.active, isDefault: cur.isDefault, stages: stageSummary(before) },
      {
        name: input.name,
        active: input.active,
        isDefault: input.isDefault || cur.isDefault,
        stages: stageSummary(stages),
      },
      ['name', 'active', 'isDefault', 'stages'],
    );
    await recordAudit(tx, ctx, { entityType: 'pipeline', entityId: id, action: 'update', changes });
  });
  return (await listPipelines(ctx, true)).find((p) => p.id === id);
}
