import type { MilestoneTemplateInput, MilestoneTemplateUpdate } from '@sales/core';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { departments } from '../../platform/org/org.schema.ts';
import { milestoneTemplateSteps, milestoneTemplates } from './milestones.schema.ts';
import './milestones.messages.ts';

async function checkDepartments(tx: Tx, input: MilestoneTemplateInput) {
  const ids = [...new Set(input.steps.flatMap((s) => (s.departmentId ? [s.departmentId] : [])))];
  if (!ids.length) return;
  const found = new Set(
    (await tx.select({ id: departments.id }).from(departments).where(inArray(departments.id, ids))).map((d) => d.id),
  );
  input.steps.forEach((s, i) => {
    if (s.departmentId && !found.has(s.departmentId))
      throw ValidationError.field(`steps.${i}.departmentId`, 'milestone.department_invalid');
  });
}

async function writeSteps(tx: Tx, templateId: number, input: MilestoneTemplateInput) {
  await tx.delete(milestoneTemplateSteps).where(eq(milestoneTemplateSteps.templateId, templateId));
  await tx.insert(milestoneTemplateSteps).values(input.steps.map((s, i) => ({ ...s, templateId, seq: i + 1 })));
}

/** Adds a post-sale process template (SPEC 4.5): ordered steps with department, offset and documents. */
export async function createMilestoneTemplate(ctx: Ctx, input: MilestoneTemplateInput) {
  return ctx.db.transaction(async (tx) => {
    await checkDepartments(tx, input);
    const [row] = await tx
      .insert(milestoneTemplates)
      .values({ name: input.name, description: input.description, active: input.active })
      .returning({ id: milestoneTemplates.id });
    await writeSteps(tx, row.id, input);
    await recordAudit(tx, ctx, {
      entityType: 'milestone_template',
      entityId: row.id,
      action: 'create',
      changes: [
        { field: 'name', old: null, new: input.name },
        { field: 'steps', old: null, new: input.steps.map((s) => s.name) },
      ],
    });
    return { id: row.id };
  });
}

/** Changes a template (versioned); running processes keep the steps they started with. */
export async function updateMilestoneTemplate(ctx: Ctx, id: number, input: MilestoneTemplateUpdate) {
  return ctx.db.transaction(async (tx) => {
    const [t] = await tx.select().from(milestoneTemplates).where(eq(milestoneTemplates.id, id)).for('update');
    if (!t) throw new NotFoundError();
    if (t.version !== input.version) throw new StaleVersionError();
    await checkDepartments(tx, input);
    const old = await tx
      .select({ name: milestoneTemplateSteps.name })
      .from(milestoneTemplateSteps)
      .where(eq(milestoneTemplateSteps.templateId, id))
      .orderBy(asc(milestoneTemplateSteps.seq));
    await tx
      .update(milestoneTemplates)
      .set({
        name: input.name,
        description: input.description,
        active: input.active,
        version: t.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(milestoneTemplates.id, id));
    await writeSteps(tx, id, input);
    await recordAudit(tx, ctx, {
      entityType: 'milestone_template',
      entityId: id,
      action: 'update',
      changes: [
        { field: 'name', old: t.name, new: input.name },
        { field: 'active', old: t.active, new: input.active },
        { field: 'steps', old: old.map((s) => s.name), new: input.steps.map((s) => s.name) },
      ],
    });
    return { id };
  });
}

/** Every template with its steps (few rows: a company has a handful). */
export async function listMilestoneTemplates(ctx: Ctx) {
  const [tpls, steps] = await Promise.all([
    ctx.db.select().from(milestoneTemplates).orderBy(asc(milestoneTemplates.id)),
    ctx.db
      .select({
        id: milestoneTemplateSteps.id,
        templateId: milestoneTemplateSteps.templateId,
        seq: milestoneTemplateSteps.seq,
        name: milestoneTemplateSteps.name,
        departmentId: milestoneTemplateSteps.departmentId,
        departmentName: departments.name,
        offsetDays: milestoneTemplateSteps.offsetDays,
        requiredDocuments: milestoneTemplateSteps.requiredDocuments,
        note: milestoneTemplateSteps.note,
      })
      .from(milestoneTemplateSteps)
      .leftJoin(departments, eq(departments.id, milestoneTemplateSteps.departmentId))
      .orderBy(asc(milestoneTemplateSteps.templateId), asc(milestoneTemplateSteps.seq)),
  ]);
  return {
    items: tpls.map((t) => ({
      ...t,
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
      steps: steps.filter((s) => s.templateId === t.id),
    })),
  };
}
