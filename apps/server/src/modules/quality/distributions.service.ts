import type { DistributionInput } from '@sales/core';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors/errors.ts';
import { users } from '../../platform/org/org.schema.ts';
import { currentVersion, findDocument } from './quality.access.ts';
import { documentDistributions } from './quality.schema.ts';

const ENTITY = 'controlled_document';

/**
 * Issues one copy of `versionId` to each holder (发放), numbered per document (<code>-001…); a copy
 * of an older version the holder still has is withdrawn in the same step, pointing at its
 * replacement. The caller holds the document row locked, so copy numbers cannot collide.
 */
export async function issueCopies(
  ctx: Ctx,
  tx: Tx,
  doc: { documentId: number; code: string; versionId: number },
  holderIds: number[],
) {
  const now = ctx.now();
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(documentDistributions)
    .where(eq(documentDistributions.documentId, doc.documentId));
  const rows = await tx
    .insert(documentDistributions)
    .values(
      holderIds.map((holderId, i) => ({
        documentId: doc.documentId,
        versionId: doc.versionId,
        holderId,
        copyNo: `${doc.code}-${String(n + i + 1).padStart(3, '0')}`,
        issuedBy: ctx.principal.userId,
        issuedAt: now,
      })),
    )
    .returning({ id: documentDistributions.id, holderId: documentDistributions.holderId });
  for (const r of rows)
    await tx
      .update(documentDistributions)
      .set({ withdrawnAt: now, withdrawnBy: ctx.principal.userId, replacedBy: r.id })
      .where(
        and(
          eq(documentDistributions.documentId, doc.documentId),
          eq(documentDistributions.holderId, r.holderId),
          isNull(documentDistributions.withdrawnAt),
          sql`${documentDistributions.versionId} <> ${doc.versionId}`,
        ),
      );
  const names = await tx
    .select({ name: users.name })
    .from(users)
    .where(inArray(users.id, holderIds))
    .orderBy(users.name);
  await recordAudit(tx, ctx, {
    entityType: ENTITY,
    entityId: doc.documentId,
    action: 'distribute',
    changes: [{ field: 'holders', old: null, new: names.map((u) => u.name) }],
  });
}

/** Issues copies of the current version to people who hold none of it yet. */
export async function distributeDocument(ctx: Ctx, id: number, input: DistributionInput) {
  return ctx.db.transaction(async (tx) => {
    const doc = await findDocument(tx, id, true);
    const cur = await currentVersion(tx, id);
    const ids = [...new Set(input.holderIds)];
    const found = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, ids), eq(users.active, true)));
    if (found.length !== ids.length) throw ValidationError.field('holderIds', 'quality.user_invalid');
    const held = await tx
      .select({ name: users.name })
      .from(documentDistributions)
      .innerJoin(users, eq(users.id, documentDistributions.holderId))
      .where(
        and(
          eq(documentDistributions.versionId, cur.id),
          inArray(documentDistributions.holderId, ids),
          isNull(documentDistributions.withdrawnAt),
        ),
      );
    if (held.length) throw ValidationError.field('holderIds', 'quality.already_held', { name: held[0].name });
    await issueCopies(ctx, tx, { documentId: id, code: doc.code, versionId: cur.id }, ids);
  });
}

/** Withdraws one copy (回收), e.g. when its holder leaves; the record stays in the distribution history. */
export async function withdrawCopy(ctx: Ctx, distributionId: number, reason: string | null) {
  return ctx.db.transaction(async (tx) => {
    const [d] = await tx
      .select()
      .from(documentDistributions)
      .where(eq(documentDistributions.id, distributionId))
      .for('update');
    if (!d) throw new NotFoundError();
    if (d.withdrawnAt) throw new ConflictError('quality.copy_withdrawn');
    await tx
      .update(documentDistributions)
      .set({ withdrawnAt: ctx.now(), withdrawnBy: ctx.principal.userId, withdrawReason: reason })
      .where(eq(documentDistributions.id, distributionId));
    await recordAudit(tx, ctx, {
      entityType: ENTITY,
      entityId: d.documentId,
      action: 'withdraw',
      changes: [{ field: 'copyNo', old: d.copyNo, new: null }],
      comment: reason,
    });
  });
}
