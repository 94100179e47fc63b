import type { EventFunnelFigures, EventListQuery } from '@sales/core';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { cappedCount, pageOffset, pageResult } from '../../platform/lists/index.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { eventScope } from './events.access.ts';
import { events } from './events.schema.ts';

/**
 * Which invitations of an event row `e` the viewer's figures count: all of them for whoever sees the
 * event as its planner or the planner's department (or company-wide); otherwise only those of the
 * reps in the viewer's scope — a rep's report is their own funnel (SPEC 1.2).
 */
async function visibleInvitations(ctx: Pick<Ctx, 'db' | 'principal'>): Promise<SQL> {
  const scope = await resolveScope(ctx, 'event.view');
  if (scope.all) return sql`true`;
  return sql`(${scopeWhere(scope, sql`e.owner_id`, sql`e.owner_dept_id`)} or ${scopeWhere(scope, sql`i.rep_id`, sql`i.rep_dept_id`)})`;
}

export type EventFigures = EventFunnelFigures;

/**
 * The funnel and money of events (SPEC 2.7 event report), all in SQL: invited (walk-ins excluded),
 * accepted, confirmed, attended, deals and revenue (sum of the attributed, not cancelled orders'
 * gross totals), cost (budget actuals), cost per attendee and ROI = (revenue − cost) / cost in percent,
 * rounded half up to cents; null where the divisor is 0.
 */
function figuresSql(inv: SQL, where: SQL) {
  return sql`
    select e.id, e.theme, e.venue, e.starts_at as "startsAt", e.ends_at as "endsAt", e.status, e.capacity,
      f.invited, f.accepted, f.declined, f.undecided, f.pending, f.confirmed, f.attended,
      f.walk_ins as "walkIns", f.gifts as "giftsGiven", d.deals,
      d.revenue::numeric(18,2)::text as revenue, c.budget::numeric(18,2)::text as budget, c.cost::numeric(18,2)::text as cost,
      case when f.attended > 0 then round(c.cost / f.attended, 2)::text end as "costPerAttendee",
      case when c.cost > 0 then round((d.revenue - c.cost) * 100 / c.cost, 2)::text end as roi
    from events e
    cross join lateral (
      select count(*) filter (where not i.walk_in)::int as invited,
        count(*) filter (where not i.walk_in and i.result = 'accepted')::int as accepted,
        count(*) filter (where i.result = 'declined')::int as declined,
        count(*) filter (where i.result = 'undecided')::int as undecided,
        count(*) filter (where i.result = 'pending')::int as pending,
        count(*) filter (where i.confirmed_at is not null)::int as confirmed,
        count(*) filter (where i.checked_in_at is not null)::int as attended,
        count(*) filter (where i.walk_in)::int as walk_ins,
        count(*) filter (where i.gift_given_at is not null)::int as gifts
      from event_invitations i where i.event_id = e.id and ${inv}
    ) f
    cross join lateral (
      select count(*)::int as deals, coalesce(sum(o.total_gross), 0) as revenue
      from event_orders eo join orders o on o.id = eo.order_id and o.status <> 'cancelled'
      where eo.event_id = e.id and exists (
        select 1 from event_invitations i where i.event_id = e.id and i.customer_id = o.customer_id and ${inv})
    ) d
    cross join lateral (
      select coalesce(sum(b.budget), 0) as budget, coalesce(sum(b.actual), 0) as cost
      from event_budget_lines b where b.event_id = e.id
    ) c
    where ${where}`;
}

type FigureRow = EventFigures & {
  id: number;
  theme: string;
  venue: string | null;
  startsAt: string;
  endsAt: string;
  status: string;
  capacity: number;
};

const asRow = (r: Record<string, unknown>) =>
  ({
    ...r,
    id: Number(r.id),
    startsAt: new Date(r.startsAt as string).toISOString(),
    endsAt: new Date(r.endsAt as string).toISOString(),
  }) as FigureRow;

/** The events list with each event's figures (the cross-event report), newest first, paginated. */
export async function listEvents(ctx: Ctx, q: EventListQuery) {
  const scope = await eventScope(ctx);
  const parts: SQL[] = [scope];
  if (q.status) parts.push(sql`${events.status} = ${q.status}`);
  if (q.from) parts.push(sql`${events.startsAt} >= (${q.from}::date)::timestamp at time zone 'Asia/Shanghai'`);
  const where = sql.join(parts, sql` and `);
  const inv = await visibleInvitations(ctx);
  // The page is chosen on events alone (index events_list_idx); the figures of its rows follow.
  const page = await ctx.db
    .select({ id: events.id })
    .from(events)
    .where(where)
    // NULLS LAST as the index events_list_idx is built (drizzle's desc()), so the index serves the order.
    .orderBy(sql`${events.startsAt} desc nulls last`, sql`${events.id} desc nulls last`)
    .limit(q.pageSize)
    .offset(pageOffset(q));
  const ids = page.map((p) => p.id);
  const res = ids.length
    ? await ctx.db.execute(figuresSql(inv, sql`e.id = any(${sql.param(ids)}::bigint[])`))
    : { rows: [] };
  const byId = new Map(res.rows.map((r) => [Number(r.id), asRow(r)]));
  return pageResult(
    ids.flatMap((id) => byId.get(id) ?? []),
    await cappedCount(ctx.db, events, where),
    q,
  );
}

/** One event's figures, decline reasons and per-rep rows (the event report). */
export async function eventReport(ctx: Ctx, eventId: number, db: DbOrTx = ctx.db) {
  const inv = await visibleInvitations(ctx);
  const [total] = (await db.execute(figuresSql(inv, sql`e.id = ${eventId}`))).rows.map(asRow);
  const reps = await db.execute(sql`
    select i.rep_id as "repId", u.name as "repName",
      count(*) filter (where not i.walk_in)::int as invited,
      count(*) filter (where not i.walk_in and i.result = 'accepted')::int as accepted,
      count(*) filter (where i.confirmed_at is not null)::int as confirmed,
      count(*) filter (where i.checked_in_at is not null)::int as attended,
      coalesce(sum(d.deals), 0)::int as deals,
      coalesce(sum(d.revenue), 0)::numeric(18,2)::text as revenue
    from events e
    join event_invitations i on i.event_id = e.id
    join users u on u.id = i.rep_id
    left join lateral (
      select count(*) as deals, sum(o.total_gross) as revenue
      from event_orders eo join orders o on o.id = eo.order_id and o.status <> 'cancelled'
      where eo.event_id = e.id and o.customer_id = i.customer_id
    ) d on true
    where e.id = ${eventId} and ${inv}
    group by i.rep_id, u.name
    order by revenue desc, invited desc, i.rep_id`);
  // Seed 001 邀约流程 4: 拒绝理由，总结分析原因 — counts per reason, most frequent first.
  const reasons = await db.execute(sql`
    select i.decline_reason as reason, count(*)::int as count
    from events e join event_invitations i on i.event_id = e.id
    where e.id = ${eventId} and i.result = 'declined' and ${inv}
    group by i.decline_reason order by count desc, reason`);
  const deals = await db.execute(sql`
    select o.id, o.no, o.status, o.total_gross::text as amount, c.name as customer, u.name as "ownerName"
    from events e join event_orders eo on eo.event_id = e.id
    join orders o on o.id = eo.order_id
    join customers c on c.id = o.customer_id
    join users u on u.id = o.owner_id
    where e.id = ${eventId} and exists (
      select 1 from event_invitations i where i.event_id = e.id and i.customer_id = o.customer_id and ${inv})
    order by o.id`);
  return {
    figures: total,
    reps: reps.rows.map((r) => ({ ...r, repId: Number(r.repId) })),
    declineReasons: reasons.rows,
    deals: deals.rows.map((r) => ({ ...r, id: Number(r.id) })),
  };
}
