import type { HalfYearReviewBody } from '@sales/core';
import { and, eq, sql } from 'drizzle-orm';
import { diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError } from '../../platform/errors/errors.ts';
import { reviewOf } from './reports.half.ts';
import { reportReviews } from './reports.schema.ts';
import { departmentsInScope } from './reports.scope.ts';

const FIELDS = ['themeReview', 'suggestions'] as const;

/**
 * Saves the 广告主题回顾 / 建议 of a half-year analysis (SPEC 5.1) for a department in the author's
 * report scope (else 404, like any record out of scope), with its audit row, in one transaction.
 * The version read must still be current (409 otherwise), so two managers never overwrite each other.
 */
export async function saveHalfYearReview(ctx: Ctx, body: HalfYearReviewBody) {
  const depts = await departmentsInScope(ctx);
  if (!depts.some((d) => d.id === body.departmentId)) throw new NotFoundError();
  await ctx.db.transaction(async (tx) => {
    const [cur] = await tx
      .select()
      .from(reportReviews)
      .where(and(eq(reportReviews.period, body.period), eq(reportReviews.departmentId, body.departmentId)))
      .for('update');
    if (!cur) {
      if (body.version !== undefined) throw new ConflictError('stale_version');
      const [row] = await tx
        .insert(reportReviews)
        .values({
          period: body.period,
          departmentId: body.departmentId,
          themeReview: body.themeReview,
          suggestions: body.suggestions,
          updatedBy: ctx.principal.userId,
        })
        .onConflictDoNothing()
        .returning({ id: reportReviews.id });
      // A concurrent first save won: this one read no version, so it is stale.
      if (!row) throw new ConflictError('stale_version');
      await recordAudit(tx, ctx, {
        entityType: 'report_review',
        entityId: row.id,
        action: 'create',
        changes: diffFields({}, body, FIELDS),
        comment: body.period,
      });
      return;
    }
    if (body.version !== cur.version) throw new ConflictError('stale_version');
    await tx
      .update(reportReviews)
      .set({
        themeReview: body.themeReview,
        suggestions: body.suggestions,
        updatedBy: ctx.principal.userId,
        version: sql`${reportReviews.version} + 1`,
        updatedAt: ctx.now(),
      })
      .where(eq(reportReviews.id, cur.id));
    await recordAudit(tx, ctx, {
      entityType: 'report_review',
      entityId: cur.id,
      action: 'update',
      changes: diffFields(cur, body, FIELDS),
      comment: body.period,
    });
  });
  return reviewOf(ctx, body.period, body.departmentId);
}
