import { type InvitationListQuery, type MergeField, maskPhone, renderScript } from '@sales/core';
import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import { cappedCount, pageOffset, pageResult } from '../../platform/lists/index.ts';
import { companyName } from '../../platform/org/company.ts';
import { users } from '../../platform/org/org.schema.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { customerContacts, customers } from '../customers/index.ts';
import { findEventForCheckIn, findEventInScope } from './events.access.ts';
import { productLabels, warehouseNames } from './events.deps.ts';
import { eventBudgetLines, eventInvitations, events } from './events.schema.ts';

type Event = typeof events.$inferSelect;

/** One event with its budget lines, gift and responsible people. */
export async function getEvent(ctx: Ctx, id: number) {
  const ev = await findEventInScope(ctx, id);
  const budget = await ctx.db
    .select()
    .from(eventBudgetLines)
    .where(eq(eventBudgetLines.eventId, id))
    .orderBy(asc(eventBudgetLines.id));
  const people = ev.responsibleIds.length
    ? await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ev.responsibleIds))
    : [];
  const [owner] = await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, ev.ownerId));
  const gift = ev.giftProductId ? (await productLabels(ctx.db, [ev.giftProductId])).get(ev.giftProductId) : undefined;
  const wh = ev.giftWarehouseId
    ? (await warehouseNames(ctx.db, [ev.giftWarehouseId])).get(ev.giftWarehouseId)
    : undefined;
  return {
    ...ev,
    startsAt: ev.startsAt.toISOString(),
    endsAt: ev.endsAt.toISOString(),
    ownerName: owner?.name ?? '',
    giftName: gift ? `${gift.code} ${gift.name}` : null,
    giftWarehouseName: wh ?? null,
    responsible: people,
    budget: budget.map((b) => ({ category: b.category, budget: b.budget, actual: b.actual, note: b.note })),
  };
}

/** The invitations the viewer sees on an event: all for its planners, else those of reps in scope. */
async function visibleInvitationWhere(ctx: Ctx, ev: Event): Promise<SQL> {
  const scope = await resolveScope(ctx, 'event.view');
  if (scope.all) return sql`true`;
  const planner = scope.userId === ev.ownerId || scope.deptIds.includes(ev.ownerDeptId);
  return planner ? sql`true` : scopeWhere(scope, eventInvitations.repId, eventInvitations.repDeptId);
}

// Seed 001 邀约话术示例 says 时间 and 地点 aloud: a Chinese date and time in the company's zone.
const spokenTime = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);

/**
 * The invitation list of an event with each customer's script rendered ([客户姓名] is a person's name,
 * or a company's primary contact; [公司名称] is our company as in seed 001's script; a value that is
 * missing renders as the visible marker and is listed in `missing`).
 */
export async function listInvitations(ctx: Ctx, eventId: number, q: InvitationListQuery) {
  const ev = await findEventInScope(ctx, eventId);
  const parts: SQL[] = [eq(eventInvitations.eventId, eventId), await visibleInvitationWhere(ctx, ev)];
  if (q.result) parts.push(eq(eventInvitations.result, q.result));
  if (q.keyword)
    parts.push(
      sql`exists (select 1 from ${customers} c where c.id = ${eventInvitations.customerId} and c.name like ${`%${q.keyword}%`})`,
    );
  const where = and(...parts) as SQL;
  const rows = await ctx.db
    .select({
      id: eventInvitations.id,
      customerId: eventInvitations.customerId,
      customerName: customers.name,
      customerKind: customers.kind,
      contactName: sql<string | null>`(select cc.name from ${customerContacts} cc where cc.customer_id = ${customers.id}
        and cc.archived_at is null order by cc.is_primary desc, cc.id limit 1)`,
      repId: eventInvitations.repId,
      repName: users.name,
      method: eventInvitations.method,
      result: eventInvitations.result,
      declineReason: eventInvitations.declineReason,
      reasonNote: eventInvitations.reasonNote,
      confirmedAt: eventInvitations.confirmedAt,
      checkedInAt: eventInvitations.checkedInAt,
      seat: eventInvitations.seat,
      giftGivenAt: eventInvitations.giftGivenAt,
      walkIn: eventInvitations.walkIn,
      token: eventInvitations.token,
      version: eventInvitations.version,
    })
    .from(eventInvitations)
    .innerJoin(customers, eq(customers.id, eventInvitations.customerId))
    .innerJoin(users, eq(users.id, eventInvitations.repId))
    .where(where)
    .orderBy(asc(eventInvitations.id))
    .limit(q.pageSize)
    .offset(pageOffset(q));
  const company = await companyName(ctx.db);
  const items = rows.map(({ contactName, customerKind, ...r }) => {
    const values: Partial<Record<MergeField, string | null>> = {
      客户姓名: customerKind === 'individual' ? r.customerName : contactName,
      公司名称: company,
      '产品/服务主题': ev.theme,
      时间: spokenTime(ev.startsAt),
      地点: ev.venue,
      你的姓名: r.repName,
    };
    const script = ev.script ? renderScript(ev.script, values) : null;
    return {
      ...r,
      confirmedAt: r.confirmedAt?.toISOString() ?? null,
      checkedInAt: r.checkedInAt?.toISOString() ?? null,
      giftGivenAt: r.giftGivenAt?.toISOString() ?? null,
      script: script?.text ?? null,
      missing: script?.missing ?? [],
    };
  });
  const count = await cappedCount(ctx.db, eventInvitations, where);
  return pageResult(items, count, q);
}

const guestColumns = {
  id: eventInvitations.id,
  customerName: customers.name,
  mobile: customers.mobile,
  repName: users.name,
  result: eventInvitations.result,
  walkIn: eventInvitations.walkIn,
  checkedInAt: eventInvitations.checkedInAt,
  seat: eventInvitations.seat,
  giftGivenAt: eventInvitations.giftGivenAt,
  version: eventInvitations.version,
};

// The door sees a mobile's ends only (PIPL): enough to tell two guests of one name apart.
const guest = (r: { mobile: string | null; checkedInAt: Date | null; giftGivenAt: Date | null }) => ({
  ...r,
  mobile: maskPhone(r.mobile),
  checkedInAt: r.checkedInAt?.toISOString() ?? null,
  giftGivenAt: r.giftGivenAt?.toISOString() ?? null,
});

/** The front desk's search among an event's guests, by name or full mobile (at most 20). */
export async function searchGuests(ctx: Ctx, eventId: number, keyword: string) {
  const ev = await findEventForCheckIn(ctx, eventId);
  const digits = keyword.replace(/\D/g, '');
  const rows = await ctx.db
    .select(guestColumns)
    .from(eventInvitations)
    .innerJoin(customers, eq(customers.id, eventInvitations.customerId))
    .innerJoin(users, eq(users.id, eventInvitations.repId))
    .where(
      and(
        eq(eventInvitations.eventId, eventId),
        or(
          sql`${customers.name} like ${`%${keyword}%`}`,
          digits.length >= 4 ? sql`${customers.mobileNorm} like ${`%${digits}`}` : sql`false`,
        ),
      ),
    )
    .orderBy(asc(customers.name), asc(eventInvitations.id))
    .limit(20);
  return {
    event: { id: ev.id, theme: ev.theme, status: ev.status, hasGift: ev.giftProductId !== null },
    items: rows.map(guest),
  };
}

/** The guest a scanned QR code names (the front desk's scanner page). */
export async function guestByToken(ctx: Ctx, token: string) {
  const [row] = await ctx.db
    .select({ ...guestColumns, eventId: eventInvitations.eventId })
    .from(eventInvitations)
    .innerJoin(customers, eq(customers.id, eventInvitations.customerId))
    .innerJoin(users, eq(users.id, eventInvitations.repId))
    .where(eq(eventInvitations.token, token));
  if (!row) throw new NotFoundError();
  const ev = await findEventForCheckIn(ctx, row.eventId);
  return { ...guest(row), eventId: ev.id, theme: ev.theme, hasGift: ev.giftProductId !== null };
}

/** The events the door works now: approved, not ended more than a day ago, soonest first (at most 50). */
export async function doorEvents(ctx: Ctx) {
  const since = new Date(ctx.now().getTime() - 86_400_000);
  const rows = await ctx.db
    .select({
      id: events.id,
      theme: events.theme,
      venue: events.venue,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
    })
    .from(events)
    .where(and(eq(events.status, 'approved'), sql`${events.endsAt} >= ${since}`))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(50);
  return { items: rows.map((r) => ({ ...r, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString() })) };
}
