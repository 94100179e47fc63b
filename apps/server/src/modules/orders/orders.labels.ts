import { LABEL_CHECK_STATUSES, type OrderLabelCheckInput } from '@sales/core';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { findOrderForChange, orderLinesOf } from './orders.access.ts';
import './orders.messages.ts';
import { orderLines, orders } from './orders.schema.ts';
import { assertVersion } from './orders.state.ts';

type Line = Pick<typeof orderLines.$inferSelect, 'lineNo' | 'description' | 'requiresChineseLabel' | 'labelCheckedAt'>;

/**
 * 所经营的医疗器械必须具备中文标识 (seed 000 4.4.3 c): an order with a line of a product that needs
 * Chinese labelling is confirmed (its review passes) only once that line's label check is recorded.
 * The refusal names every such line.
 */
export function assertLabelsChecked(ctx: Pick<Ctx, 'locale'>, lines: Line[]) {
  const open = lines.filter((l) => l.requiresChineseLabel && l.labelCheckedAt === null);
  if (open.length === 0) return;
  const sep = ctx.locale === 'en-US' ? ', ' : '、';
  throw new ConflictError(
    'order.label_unchecked',
    {
      lines: open
        .map((l) => translate(ctx.locale, 'order.label_line', { lineNo: l.lineNo, product: l.description }))
        .join(sep),
    },
    { lineNos: open.map((l) => l.lineNo) },
  );
}

/**
 * Records (or clears) the Chinese-labelling check of one order line (中文标识核对): the order reviewer
 * (order.review in scope) or a planner (order.plan), until the review has passed.
 */
export async function checkOrderLabel(ctx: Ctx, id: number, input: OrderLabelCheckInput) {
  // A planner works on every order it sees; otherwise order.review (404 out of view scope, then 403).
  const permission = ctx.principal.grants.has('order.plan') ? 'order.view' : 'order.review';
  return ctx.db.transaction(async (tx) => {
    const o = await findOrderForChange(ctx, id, permission, tx);
    if (!(LABEL_CHECK_STATUSES as readonly string[]).includes(o.status)) {
      throw new ConflictError('order.transition', {
        status: translate(ctx.locale, `order.status.${o.status}`),
        action: translate(ctx.locale, 'order.action.label_check'),
      });
    }
    assertVersion(o, input.version);
    const line = (await orderLinesOf(tx, id)).find((l) => l.id === input.lineId);
    if (!line) throw ValidationError.field('lineId', 'order.line_unknown');
    if (!line.requiresChineseLabel) throw new ConflictError('order.label_not_required', { lineNo: line.lineNo });
    const checkedAt = input.checked ? (line.labelCheckedAt ?? ctx.now()) : null;
    await tx
      .update(orderLines)
      .set({ labelCheckedAt: checkedAt, labelCheckedBy: input.checked ? ctx.principal.userId : null })
      .where(eq(orderLines.id, line.id));
    const [after] = await tx
      .update(orders)
      .set({ version: o.version + 1, updatedAt: sql`now()` })
      .where(and(eq(orders.id, id), eq(orders.version, input.version)))
      .returning({ version: orders.version });
    if (!after) throw new StaleVersionError();
    await recordAudit(tx, ctx, {
      entityType: 'order',
      entityId: id,
      action: 'label_check',
      changes: [{ field: `line:${line.lineNo}.labelChecked`, old: line.labelCheckedAt !== null, new: input.checked }],
    });
    return { id, version: after.version, lineId: line.id, labelCheckedAt: checkedAt?.toISOString() ?? null };
  });
}
