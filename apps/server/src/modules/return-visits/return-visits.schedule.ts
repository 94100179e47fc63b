import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { loadWorkCalendar } from '../../platform/calendar/calendar.service.ts';
import type { WorkCalendar } from '../../platform/calendar/work-calendar.ts';
import type { Ctx } from '../../platform/context.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { users } from '../../platform/org/org.schema.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { upsertTask } from '../../platform/tasks/index.ts';
import { customers } from '../customers/index.ts';
import { onDeliverySigned } from '../deliveries/index.ts';
import { onTicketClosed } from '../service/index.ts';
import { returnVisits } from './return-visits.schema.ts';
import './return-visits.messages.ts';

/**
 * The day a visit is due: `days` calendar days after `from` (seed 003: 产品交付后的[X]天内回访),
 * moved forward to the company's next working day when it falls on a weekend or holiday.
 */
export function visitDueDate(cal: WorkCalendar, from: string, days: number): string {
  const [y, m, d] = from.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
  return cal.addWorkingDays(date, 0);
}

export interface PlannedVisit {
  customerId: number;
  ownerId: number;
  ownerDeptId: number;
  sourceType: 'delivery' | 'ticket' | 'survey' | 'manual';
  sourceId: number | null;
  deliveryId?: number | null;
  ticketId?: number | null;
  surveyId?: number | null;
  productId?: number | null;
  repId?: number | null;
  engineerId?: number | null;
  subject: string;
  script: string;
  dueDate: string;
}

/** Inserts a planned visit (once per source) with its task for the caller-to-be, due that day; audited. */
export async function planVisit(tx: Tx, ctx: Ctx, v: PlannedVisit): Promise<number | null> {
  const [row] = await tx.insert(returnVisits).values(v).onConflictDoNothing().returning({ id: returnVisits.id });
  if (!row) return null;
  const [c] = await tx.select({ name: customers.name }).from(customers).where(eq(customers.id, v.customerId));
  await upsertTask(tx, {
    userId: v.ownerId,
    kind: 'visit.due',
    titleKey: 'task.visit.due',
    params: { customer: c?.name ?? '', subject: v.subject },
    link: `/return-visits/${row.id}`,
    refType: 'return_visit',
    refId: row.id,
    dueDate: v.dueDate,
    dedupeKey: `visit:${row.id}`,
  });
  await recordAudit(tx, ctx, {
    entityType: 'return_visit',
    entityId: row.id,
    action: 'create',
    changes: [
      { field: 'source', old: null, new: `${v.sourceType}:${v.sourceId ?? ''}` },
      { field: 'ownerId', old: null, new: v.ownerId },
      { field: 'dueDate', old: null, new: v.dueDate },
    ],
  });
  return row.id;
}

const defaultScript = () => translate('zh-CN', 'visit.script.default');

/** Who calls a customer back: the customer's owner, else `fallback` (the desk that served them). */
async function callerOf(tx: Tx, customerId: number, fallback: { userId: number; deptId: number }) {
  const [c] = await tx
    .select({ ownerId: customers.ownerId, ownerDeptId: customers.ownerDeptId })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (c?.ownerId && c.ownerDeptId) return { ownerId: c.ownerId, ownerDeptId: c.ownerDeptId, repId: c.ownerId };
  return { ownerId: fallback.userId, ownerDeptId: fallback.deptId, repId: null };
}

// SPEC 4.4: a return visit N days (policy returnVisit.daysAfterDelivery) after every sign-off.
onDeliverySigned(async (tx, ctx, d) => {
  const cal = await loadWorkCalendar(tx);
  const days = await getPolicy(tx, 'returnVisit.daysAfterDelivery');
  const who = await callerOf(tx, d.customerId, { userId: d.ownerId, deptId: d.ownerDeptId });
  await planVisit(tx, ctx, {
    customerId: d.customerId,
    ...who,
    sourceType: 'delivery',
    sourceId: d.id,
    deliveryId: d.id,
    productId: d.lines[0]?.productId ?? null,
    subject: translate('zh-CN', 'visit.subject.delivery', { no: d.no }),
    script: defaultScript(),
    dueDate: visitDueDate(cal, d.signedDate, days),
  });
});

// … and after every closed ticket: called back by the service desk that took it, about its engineer's work.
onTicketClosed(async (tx, ctx, t) => {
  const cal = await loadWorkCalendar(tx);
  const days = await getPolicy(tx, 'returnVisit.daysAfterDelivery');
  const creator = t.createdBy ?? t.ownerId;
  const [u] = await tx.select({ deptId: users.deptId }).from(users).where(eq(users.id, creator));
  const [c] = await tx.select({ ownerId: customers.ownerId }).from(customers).where(eq(customers.id, t.customerId));
  await planVisit(tx, ctx, {
    customerId: t.customerId,
    ownerId: creator,
    ownerDeptId: u?.deptId ?? t.ownerDeptId,
    sourceType: 'ticket',
    sourceId: t.id,
    ticketId: t.id,
    productId: t.productId,
    repId: c?.ownerId ?? null,
    engineerId: t.engineerId,
    subject: translate('zh-CN', 'visit.subject.ticket', { no: t.no }),
    script: defaultScript(),
    dueDate: visitDueDate(cal, cal.dateOf(ctx.now()), days),
  });
});
