import type { FollowUpInput } from '@sales/core';
import { and, asc, desc, eq, gt, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { createdFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ForbiddenError, ValidationError } from '../../platform/errors/errors.ts';
import { users } from '../../platform/org/org.schema.ts';
import { companyDate } from '../../platform/time.ts';
import { bookFact } from '../analytics/index.ts';
import { customerScope, findCustomerInScope } from './customers.access.ts';
import { customerContacts, customers, followUps } from './customers.schema.ts';

const FIELDS = [
  'type',
  'content',
  'outcome',
  'contactId',
  'nextAction',
  'nextActionDate',
  'latitude',
  'longitude',
  'accuracy',
] as const;

function followUpSelect(ctx: Ctx) {
  return ctx.db
    .select({
      id: followUps.id,
      customerId: followUps.customerId,
      type: followUps.type,
      content: followUps.content,
      outcome: followUps.outcome,
      contactId: followUps.contactId,
      contactName: customerContacts.name,
      nextAction: followUps.nextAction,
      nextActionDate: followUps.nextActionDate,
      latitude: followUps.latitude,
      longitude: followUps.longitude,
      locationAccuracy: followUps.locationAccuracy,
      doneAt: followUps.doneAt,
      createdAt: followUps.createdAt,
      createdById: followUps.createdBy,
      createdByName: users.name,
      customerName: customers.name,
      customerNo: customers.no,
    })
    .from(followUps)
    .innerJoin(customers, eq(customers.id, followUps.customerId))
    .innerJoin(users, eq(users.id, followUps.createdBy))
    .leftJoin(customerContacts, eq(customerContacts.id, followUps.contactId));
}

type Row = Awaited<ReturnType<ReturnType<typeof followUpSelect>['where']>>[number];
const view = (r: Row) => ({ ...r, createdAt: r.createdAt.toISOString(), doneAt: r.doneAt?.toISOString() ?? null });

/** Records a follow-up (call, visit…) on a customer; it closes the earlier open next actions. */
export async function createFollowUp(ctx: Ctx, customerId: number, input: FollowUpInput) {
  await findCustomerInScope(ctx, customerId);
  await findCustomerInScope(ctx, customerId, 'followup.create').catch(() => {
    throw new ForbiddenError();
  });
  const id = await ctx.db.transaction(async (tx) => {
    if (input.contactId !== null) {
      const [c] = await tx
        .select({ id: customerContacts.id })
        .from(customerContacts)
        .where(
          and(
            eq(customerContacts.id, input.contactId),
            eq(customerContacts.customerId, customerId),
            isNull(customerContacts.deletedAt),
          ),
        );
      if (!c) throw ValidationError.field('contactId', 'customer.contact.not_in_customer');
    }
    await tx
      .update(followUps)
      .set({ doneAt: sql`now()` })
      .where(and(eq(followUps.customerId, customerId), isNull(followUps.doneAt), isNotNull(followUps.nextActionDate)));
    const { location, ...fields } = input;
    const [row] = await tx
      .insert(followUps)
      .values({
        ...fields,
        latitude: location?.latitude ?? null,
        longitude: location?.longitude ?? null,
        locationAccuracy: location?.accuracy ?? null,
        customerId,
        createdBy: ctx.principal.userId,
      })
      .returning({ id: followUps.id, createdAt: followUps.createdAt });
    await tx.update(customers).set({ lastFollowUpAt: row.createdAt }).where(eq(customers.id, customerId));
    await bookFact.followUpLogged(tx, ctx, row.id);
    await recordAudit(tx, ctx, {
      entityType: 'follow_up',
      entityId: row.id,
      action: 'create',
      changes: createdFields({ ...input, ...input.location }, FIELDS),
    });
    return row.id;
  });
  const [row] = await followUpSelect(ctx).where(eq(followUps.id, id));
  return view(row);
}

/** Follow-ups of one customer, newest first. */
export async function listFollowUps(ctx: Ctx, customerId: number) {
  await findCustomerInScope(ctx, customerId);
  const rows = await followUpSelect(ctx)
    .where(eq(followUps.customerId, customerId))
    .orderBy(desc(followUps.createdAt))
    .limit(500);
  return rows.map(view);
}

/** "My follow-ups": open next actions due today, overdue, or upcoming, on customers still in scope. */
export async function myFollowUps(
  ctx: Ctx,
  q: { status: 'due' | 'overdue' | 'upcoming'; page: number; pageSize: number },
) {
  const today = companyDate(ctx.now());
  const due =
    q.status === 'due'
      ? eq(followUps.nextActionDate, today)
      : q.status === 'overdue'
        ? lt(followUps.nextActionDate, today)
        : gt(followUps.nextActionDate, today);
  const where = and(
    eq(followUps.createdBy, ctx.principal.userId),
    isNull(followUps.doneAt),
    isNotNull(followUps.nextActionDate),
    due,
    await customerScope(ctx),
  );
  const [rows, [{ n }]] = await Promise.all([
    followUpSelect(ctx)
      .where(where)
      .orderBy(asc(followUps.nextActionDate), asc(followUps.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(followUps)
      .innerJoin(customers, eq(customers.id, followUps.customerId))
      .where(where),
  ]);
  return { items: rows.map(view), total: n, totalCapped: false, page: q.page, pageSize: q.pageSize };
}
