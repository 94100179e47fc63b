import { desc, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { recordAccess } from '../../platform/audit/audit.service.ts';
import { referenceNamer } from '../../platform/audit/reference-names.ts';
import type { Ctx } from '../../platform/context.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { users } from '../../platform/org/org.schema.ts';
import { findCustomerInScope, maskValue, PERSONAL_FIELDS, unmaskPolicy } from './customers.access.ts';

import { listFollowUps } from './follow-ups.service.ts';
import { timelineDocuments } from './timeline.sources.ts';

const PERSONAL = new Set<string>(PERSONAL_FIELDS);
/** Newest documents of each kind whose history the timeline shows. */
const DOCUMENTS_PER_KIND = 100;

/**
 * Comments that hold machine values rather than a person's words, rendered in the reader's
 * language: the front desk's `<kind>:<routeReason>` and the `front_desk` channel marker.
 */
function commentText(ctx: Ctx, action: string, comment: string | null): string | null {
  if (comment === null) return null;
  if (action === 'frontdesk_route') {
    const [kind, reason] = comment.split(':');
    return translate(ctx.locale, 'timeline.frontdesk_route', { kind, reason });
  }
  if (comment === 'front_desk') return translate(ctx.locale, 'timeline.via_front_desk');
  return comment;
}

/**
 * One customer's history in one view (SPEC 2.4): its audit trail, its contacts' and follow-ups',
 * and the creation and status changes of its quotes, orders, delivery notes, payments and invoices
 * that the viewer may see (each through its module's scope), newest first. Personal values in
 * old/new are masked like the record itself.
 */
export async function customerTimeline(ctx: Ctx, customerId: number) {
  const customer = await findCustomerInScope(ctx, customerId);
  const clear = (await unmaskPolicy(ctx))(customer);
  const kinds = await timelineDocuments(ctx, customerId, DOCUMENTS_PER_KIND);
  const docs = new Map<string, { type: string; id: number; no: string; amount: string | null; status: string }>();
  for (const k of kinds) for (const d of k.documents) docs.set(`${k.entityType}:${d.id}`, { type: k.entityType, ...d });
  // A document's creation and its status changes; edits of its lines or money bookings stay on
  // the document's own history.
  const documentRows = kinds
    .filter((k) => k.documents.length > 0)
    .map(
      (
        k,
      ) => sql`(${auditLog.entityType} = ${k.entityType} and ${auditLog.entityId} = any(${sql.param(k.documents.map((d) => d.id))}::bigint[])
        and (${auditLog.action} = any(${sql.param(k.createActions)}::text[]) or ${auditLog.changes} @> '[{"field":"status"}]'::jsonb))`,
    );
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
      sql`(${auditLog.entityType} = 'customer' and ${auditLog.entityId} = ${customerId})
       or (${auditLog.entityType} = 'customer_contact' and ${auditLog.entityId} in (select id from customer_contacts where customer_id = ${customerId}))
       or (${auditLog.entityType} = 'follow_up' and ${auditLog.entityId} in (select id from follow_ups where customer_id = ${customerId}))
       ${sql.join(
         documentRows.map((d) => sql` or ${d}`),
         sql``,
       )}`,
    )
    .orderBy(desc(auditLog.id))
    .limit(300);
  const followUps = new Map((await listFollowUps(ctx, customerId)).map((f) => [f.id, f]));
  const names = await referenceNamer(
    ctx.db,
    rows.flatMap((r) => r.changes),
  );
  if (clear) {
    const personal = new Set(
      rows
        .filter((r) => r.entityType === 'customer' || r.entityType === 'customer_contact')
        .flatMap((r) => r.changes.map((c) => c.field))
        .filter((f) => PERSONAL.has(f)),
    );
    await recordAccess(ctx.db, ctx, 'customer', [customerId], [...personal], 'customer.timeline');
  }
  return rows.map((r) => {
    const followUp = r.entityType === 'follow_up' ? followUps.get(r.entityId) : undefined;
    const doc = docs.get(`${r.entityType}:${r.entityId}`);
    if (doc) {
      const status = r.changes.find((c) => c.field === 'status');
      return {
        id: r.id,
        at: r.at.toISOString(),
        kind: 'document' as const,
        entityType: r.entityType,
        action: r.action,
        actorName: r.actorName,
        changes: [],
        comment: r.comment,
        // Its number, amount and current status; the status it moved from and to in this entry.
        document: {
          ...doc,
          statusFrom: typeof status?.old === 'string' ? status.old : null,
          statusTo: typeof status?.new === 'string' ? status.new : null,
        },
      };
    }
    return {
      id: r.id,
      at: r.at.toISOString(),
      kind: followUp ? ('followup' as const) : ('audit' as const),
      entityType: r.entityType,
      action: followUp ? 'followup' : r.action,
      actorName: r.actorName,
      changes: followUp
        ? []
        : r.changes.map((c) => {
            const show = (v: unknown) => names(c.field, clear ? v : maskValue(c.field, v));
            return { field: c.field, old: show(c.old), new: show(c.new) };
          }),
      comment: commentText(ctx, r.action, r.comment),
      followUp,
    };
  });
}
