import type { DisciplineInput, DisciplineUpdateInput } from '@sales/core';
import { money } from '@sales/core';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { createdFields, diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors/errors.ts';
import { nextDocNumber } from '../../platform/numbering/numbering.service.ts';
import { companyDate } from '../../platform/time.ts';
import { findRecordForChange, personForRecord } from './discipline.access.ts';
import { computeLevel } from './discipline.level.ts';
import { disciplineRecords } from './discipline.schema.ts';

export const ENTITY = 'discipline_record';
const AUDITED = [
  'kind',
  'personId',
  'occurredOn',
  'rule',
  'description',
  'lossAmount',
  'level',
  'repeatCount',
] as const;

/** The facts and, for an incident, its level from the policies and the person's repeat count. */
async function facts(ctx: Ctx, tx: Tx, input: DisciplineInput, id: number | null) {
  if (input.occurredOn > companyDate(ctx.now())) throw ValidationError.field('occurredOn', 'discipline.future_date');
  const person = await personForRecord(ctx, tx, input.personId);
  const incident = input.kind === 'incident';
  // A reward carries no loss (the form hides the field; a stray value is refused, not dropped).
  if (!incident && !money(input.lossAmount).isZero())
    throw ValidationError.field('lossAmount', 'discipline.reward_loss');
  const lossAmount = money(input.lossAmount).toFixed(2);
  const lv = incident ? await computeLevel(tx, { ...input, lossAmount }, id) : null;
  return {
    person,
    values: {
      kind: input.kind,
      personId: person.id,
      personDeptId: person.deptId,
      occurredOn: input.occurredOn,
      rule: input.rule,
      description: input.description,
      lossAmount,
      level: lv?.level ?? null,
      repeatCount: lv?.repeatCount ?? null,
      levelBasis: lv?.basis ?? null,
    },
  };
}

/** Records an incident or a reward as a draft, its level computed (seed 000 错误的划分标准). */
export async function createDisciplineRecord(ctx: Ctx, input: DisciplineInput) {
  return ctx.db.transaction(async (tx) => {
    const { values } = await facts(ctx, tx, input, null);
    const no = await nextDocNumber(tx, 'disciplineRecord', ctx.now());
    const [row] = await tx
      .insert(disciplineRecords)
      .values({ ...values, no, recordedBy: ctx.principal.userId, createdAt: ctx.now(), updatedAt: ctx.now() })
      .returning({ id: disciplineRecords.id });
    await recordAudit(tx, ctx, {
      entityType: ENTITY,
      entityId: row.id,
      action: 'create',
      changes: createdFields(values, AUDITED),
    });
    return { id: row.id };
  });
}

/** Changes a draft's facts; the level is computed again. The person's own draft is not theirs to edit. */
export async function updateDisciplineRecord(ctx: Ctx, id: number, input: DisciplineUpdateInput) {
  return ctx.db.transaction(async (tx) => {
    const row = await findRecordForChange(ctx, id, tx, input.version, 'discipline.record');
    if (row.personId === ctx.principal.userId) throw new ForbiddenError('discipline.self');
    if (row.status !== 'draft') throw new ConflictError('discipline.not_draft');
    const { values } = await facts(ctx, tx, input, id);
    await tx
      .update(disciplineRecords)
      .set({ ...values, version: row.version + 1, updatedAt: ctx.now() })
      .where(eq(disciplineRecords.id, id));
    await recordAudit(tx, ctx, {
      entityType: ENTITY,
      entityId: id,
      action: 'update',
      changes: diffFields({ ...row, lossAmount: money(row.lossAmount).toFixed(2) }, values, AUDITED),
    });
  });
}
