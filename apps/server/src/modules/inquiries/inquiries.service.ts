import type { InquiryAnswerInput, InquiryInput } from '@sales/core';
import { eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { loadWorkCalendar } from '../../platform/calendar/calendar.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { products } from '../products/products.schema.ts';
import { findInquiryInScope } from './inquiries.access.ts';
import { isLate, replyDueAt } from './inquiries.clock.ts';
import { inquiries, inquiryProducts } from './inquiries.schema.ts';
import './inquiries.messages.ts';

/** An active user who may handle inquiries (holds inquiry.handle); the department they are in. */
async function handlerOf(db: DbOrTx, userId: number) {
  const r = await db.execute<{ id: number; dept_id: number }>(sql`
    select u.id, u.dept_id from users u where u.id = ${userId} and u.active
      and exists (select 1 from user_roles ur join role_grants g on g.role_id = ur.role_id
                  where ur.user_id = u.id and g.permission = 'inquiry.handle')`);
  const row = r.rows[0];
  if (!row) throw ValidationError.field('handlerId', 'inquiry.handler_invalid');
  return { id: Number(row.id), deptId: Number(row.dept_id) };
}

/**
 * Records an inquiry (SPEC 2.9) received now, handled by `handlerId` (default the recorder). An
 * online one gets its reply deadline: policy inquiries.onlineReplyMinutes working minutes of the
 * company calendar after it was received.
 */
export async function recordInquiry(ctx: Ctx, input: InquiryInput) {
  const productIds = [...new Set(input.productIds)];
  return ctx.db.transaction(async (tx) => {
    const handler = await handlerOf(tx, input.handlerId ?? ctx.principal.userId);
    if (productIds.length) {
      const found = await tx.select({ id: products.id }).from(products).where(inArray(products.id, productIds));
      if (found.length !== productIds.length) throw ValidationError.field('productIds', 'inquiry.product_invalid');
    }
    const now = ctx.now();
    let due: Date | null = null;
    if (input.channel === 'online') {
      const minutes = await getPolicy(tx, 'inquiries.onlineReplyMinutes');
      due = replyDueAt(await loadWorkCalendar(tx), now, minutes);
    }
    const values = {
      channel: input.channel,
      contactName: input.contactName,
      company: input.company,
      mobile: input.mobile,
      email: input.email,
      topic: input.topic,
      question: input.question,
      handlerId: handler.id,
      deptId: handler.deptId,
      createdBy: ctx.principal.userId,
      receivedAt: now,
      replyDueAt: due,
    };
    const [row] = await tx.insert(inquiries).values(values).returning({ id: inquiries.id });
    if (productIds.length)
      await tx.insert(inquiryProducts).values(productIds.map((productId) => ({ inquiryId: row.id, productId })));
    await recordAudit(tx, ctx, {
      entityType: 'inquiry',
      entityId: row.id,
      action: 'create',
      changes: [
        ...(['channel', 'contactName', 'company', 'mobile', 'email', 'topic', 'question', 'handlerId'] as const).map(
          (f) => ({ field: f, old: null, new: values[f] }),
        ),
        { field: 'productIds', old: null, new: productIds },
      ],
    });
    return row.id;
  });
}

/**
 * Answers an inquiry in the handle scope. An online answer after the due time records the breach
 * (reply_breached_at = the due time), so the sweep alerts it once like an unanswered one.
 */
export async function answerInquiry(ctx: Ctx, id: number, input: InquiryAnswerInput) {
  return ctx.db.transaction(async (tx) => {
    const q = await findInquiryInScope(ctx, id, 'inquiry.handle', tx);
    if (q.version !== input.version) throw new StaleVersionError();
    if (q.status === 'answered') throw new ConflictError('inquiry.already_answered');
    const now = ctx.now();
    const breached = q.replyBreachedAt ?? (isLate(q.replyDueAt, now) ? q.replyDueAt : null);
    await tx
      .update(inquiries)
      .set({
        answer: input.answer,
        status: 'answered',
        answeredAt: now,
        answeredBy: ctx.principal.userId,
        replyBreachedAt: breached,
        version: q.version + 1,
        updatedAt: now,
      })
      .where(eq(inquiries.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'inquiry',
      entityId: id,
      action: 'answer',
      changes: [
        { field: 'answer', old: null, new: input.answer },
        { field: 'status', old: q.status, new: 'answered' },
      ],
    });
  });
}
