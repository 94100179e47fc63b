import { type ClaimInput, type ClaimLineInput, type ClaimUpdateInput, money, toMoneyString } from '@sales/core';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ValidationError } from '../../platform/errors/errors.ts';
import { attachments } from '../../platform/files/files.schema.ts';
import { saveAttachment } from '../../platform/files/index.ts';
import { nextDocNumber } from '../../platform/numbering/numbering.service.ts';
import { users } from '../../platform/org/org.schema.ts';
import { companyDate } from '../../platform/time.ts';
import { findClaimForApplicant } from './expenses.access.ts';
import { events } from './expenses.deps.ts';
import { CLAIM_DOC } from './expenses.doc.ts';
import { expenseClaimLines, expenseClaims } from './expenses.schema.ts';

/** Invoices attached to a claim (the files its finance review reads). */
export const INVOICE_PURPOSE = 'invoice';

/** An event a claim may be charged to: one that exists and was not cancelled. */
async function validate(tx: Tx, ctx: Ctx, input: { eventId?: number | null; lines: ClaimLineInput[] }) {
  if (input.eventId) {
    const [ev] = await tx.select({ status: events.status }).from(events).where(eq(events.id, input.eventId));
    if (!ev || ev.status === 'cancelled') throw ValidationError.field('eventId', 'expenses.event_invalid');
  }
  // Seed 001 费用报销 1: 注明时间 — an expense is claimed after it was spent, never for a day to come.
  const today = companyDate(ctx.now());
  input.lines.forEach((l, i) => {
    if (l.spentOn > today) throw ValidationError.field(`lines.${i}.spentOn`, 'expenses.future_date');
  });
}

const total = (lines: ClaimLineInput[]) => toMoneyString(lines.reduce((s, l) => s.plus(l.amount), money(0)));

async function writeLines(tx: Tx, claimId: number, lines: ClaimLineInput[]) {
  await tx.delete(expenseClaimLines).where(eq(expenseClaimLines.claimId, claimId));
  await tx.insert(expenseClaimLines).values(
    lines.map((l, i) => ({
      claimId,
      lineNo: i + 1,
      category: l.category,
      amount: toMoneyString(l.amount),
      spentOn: l.spentOn,
      description: l.description,
    })),
  );
}

/** Files a draft claim of the signed-in user with its lines and invoices, numbered BX-…, in one transaction. */
export async function createClaim(ctx: Ctx, input: ClaimInput) {
  return ctx.db.transaction(async (tx) => {
    await validate(tx, ctx, input);
    const [me] = await tx.select({ deptId: users.deptId }).from(users).where(eq(users.id, ctx.principal.userId));
    const no = await nextDocNumber(tx, 'expenseClaim', ctx.now());
    const [row] = await tx
      .insert(expenseClaims)
      .values({
        no,
        title: input.title,
        claimantId: ctx.principal.userId,
        claimantDeptId: me.deptId,
        eventId: input.eventId ?? null,
        total: total(input.lines),
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning({ id: expenseClaims.id, total: expenseClaims.total });
    await writeLines(tx, row.id, input.lines);
    for (const file of input.attachments) await saveAttachment(tx, ctx, CLAIM_DOC, row.id, INVOICE_PURPOSE, file);
    await recordAudit(tx, ctx, {
      entityType: CLAIM_DOC,
      entityId: row.id,
      action: 'create',
      changes: [
        { field: 'no', old: null, new: no },
        { field: 'title', old: null, new: input.title },
        { field: 'total', old: null, new: row.total },
        ...input.attachments.map((f) => ({ field: 'attachment', old: null, new: f.fileName })),
      ],
    });
    return { id: row.id };
  });
}

/** Changes a draft or rejected claim (its applicant only): title, event and the lines as a whole. */
export async function updateClaim(ctx: Ctx, id: number, input: ClaimUpdateInput) {
  return ctx.db.transaction(async (tx) => {
    const claim = await findClaimForApplicant(ctx, id, tx, 'edit', input.version);
    await validate(tx, ctx, input);
    const next = { title: input.title, eventId: input.eventId ?? null, total: total(input.lines) };
    const changes: { field: string; old: unknown; new: unknown }[] = (['title', 'eventId', 'total'] as const)
      .filter((k) => claim[k] !== next[k])
      .map((k) => ({ field: k, old: claim[k], new: next[k] }));
    await tx
      .update(expenseClaims)
      .set({ ...next, version: claim.version + 1, updatedAt: ctx.now() })
      .where(eq(expenseClaims.id, id));
    await writeLines(tx, id, input.lines);
    changes.push({ field: 'lines', old: null, new: input.lines.length });
    await recordAudit(tx, ctx, { entityType: CLAIM_DOC, entityId: id, action: 'update', changes });
  });
}

/** Deletes a draft claim that never went to approval (its applicant only); its invoices go with it. */
export async function deleteClaim(ctx: Ctx, id: number, version: number) {
  return ctx.db.transaction(async (tx) => {
    const claim = await findClaimForApplicant(ctx, id, tx, 'delete', version);
    if (claim.submittedAt !== null) throw new ConflictError('expenses.delete_submitted');
    await tx.delete(expenseClaims).where(eq(expenseClaims.id, id));
    // The invoices belong to the claim alone (no other record refers to them).
    await tx.delete(attachments).where(and(eq(attachments.entityType, CLAIM_DOC), eq(attachments.entityId, id)));
    await recordAudit(tx, ctx, {
      entityType: CLAIM_DOC,
      entityId: id,
      action: 'delete',
      changes: [{ field: 'no', old: claim.no, new: null }],
    });
  });
}
