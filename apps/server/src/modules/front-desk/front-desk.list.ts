import {
  type ConflictStatus,
  maskPhone,
  normalizePhone,
  type RegistrationQuery,
  type RegistrationStatsQuery,
  SOURCE_CHANNELS,
} from '@sales/core';
import { and, eq, gte, isNotNull, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAccess } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError, ValidationError } from '../../platform/errors/errors.ts';
import { COUNT_CAP, pageOrder } from '../../platform/lists/index.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { companyDate } from '../../platform/time.ts';
import { customers, unmaskPolicy } from '../customers/index.ts';
import { dutyGroups, frontDeskRegistrations as r, replacementGrants } from './front-desk.schema.ts';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The data scope of registrations (the single scoped-query entry point): frontdesk.view over the
 * rep a registration was routed to and that rep's department then.
 */
export async function registrationScope(ctx: Ctx): Promise<SQL> {
  return scopeWhere(await resolveScope(ctx, 'frontdesk.view'), r.routedTo, r.routedDeptId);
}

const routed = alias(users, 'routed');
const registrar = alias(users, 'registrar');
const claimed = alias(users, 'claimed');
const surveyRep = alias(users, 'survey_rep');
const flagger = alias(users, 'flagger');
const grantee = alias(users, 'grantee');
const grantor = alias(users, 'grantor');
const conflictRep = alias(users, 'conflict_rep');
const resolver = alias(users, 'conflict_resolver');

function select(ctx: Ctx) {
  return ctx.db
    .select({
      reg: r,
      routedToName: routed.name,
      routedDeptName: departments.name,
      registeredByName: registrar.name,
      repClaimedName: claimed.name,
      dutyGroupName: dutyGroups.name,
      customerNo: customers.no,
      customerName: customers.name,
      surveyRepName: surveyRep.name,
      surveyFlaggedByName: flagger.name,
      grant: replacementGrants,
      grantUserName: grantee.name,
      grantedByName: grantor.name,
      conflictRepName: conflictRep.name,
      conflictResolvedByName: resolver.name,
    })
    .from(r)
    .innerJoin(routed, eq(routed.id, r.routedTo))
    .innerJoin(departments, eq(departments.id, r.routedDeptId))
    .innerJoin(registrar, eq(registrar.id, r.registeredBy))
    .leftJoin(claimed, eq(claimed.id, r.repClaimedUserId))
    .leftJoin(dutyGroups, eq(dutyGroups.id, r.dutyGroupId))
    .leftJoin(customers, eq(customers.id, r.customerId))
    .leftJoin(surveyRep, eq(surveyRep.id, r.surveyRepId))
    .leftJoin(flagger, eq(flagger.id, r.surveyFlaggedBy))
    .leftJoin(replacementGrants, eq(replacementGrants.registrationId, r.id))
    .leftJoin(grantee, eq(grantee.id, replacementGrants.userId))
    .leftJoin(grantor, eq(grantor.id, replacementGrants.grantedBy))
    .leftJoin(conflictRep, eq(conflictRep.id, r.conflictRepId))
    .leftJoin(resolver, eq(resolver.id, r.conflictResolvedBy));
}

type Row = Awaited<ReturnType<ReturnType<typeof select>['where']>>[number];

/**
 * Registrations as the desk and managers see them. The phone is in clear for the front desk, the
 * registrar, and the routed rep or those above them (SPEC 1.2); clear views are access-logged.
 */
async function present(ctx: Ctx, rows: Row[], purpose: string) {
  const desk = can(ctx.principal, 'frontdesk.register');
  const clearFor = await unmaskPolicy(ctx);
  const shown: number[] = [];
  const items = rows.map(({ reg, grant, ...x }) => {
    const clear =
      desk ||
      reg.registeredBy === ctx.principal.userId ||
      clearFor({ ownerId: reg.routedTo, ownerDeptId: reg.routedDeptId });
    if (clear && reg.phone) shown.push(reg.id);
    return {
      id: reg.id,
      kind: reg.kind,
      visitorName: reg.visitorName,
      phone: clear ? reg.phone : maskPhone(reg.phone),
      companyName: reg.companyName,
      channel: reg.channel,
      intent: reg.intent,
      budget: reg.budget,
      notes: reg.notes,
      repClaimedUserId: reg.repClaimedUserId,
      repClaimedName: x.repClaimedName,
      repClaimedText: reg.repClaimedText,
      dutyGroupId: reg.dutyGroupId,
      dutyGroupName: x.dutyGroupName,
      regDate: reg.regDate,
      registeredAt: reg.registeredAt.toISOString(),
      registeredById: reg.registeredBy,
      registeredByName: x.registeredByName,
      routedToId: reg.routedTo,
      routedToName: x.routedToName,
      routedDeptId: reg.routedDeptId,
      routedDeptName: x.routedDeptName,
      routeReason: reg.routeReason,
      matchedCustomerId: reg.matchedCustomerId,
      matchedInPool: reg.matchedInPool,
      isNewCustomer: reg.isNewCustomer,
      customerId: reg.customerId,
      customerNo: x.customerNo,
      customerName: x.customerName,
      survey: reg.surveyFlaggedAt
        ? {
            flaggedAt: reg.surveyFlaggedAt.toISOString(),
            flaggedByName: x.surveyFlaggedByName,
            repId: reg.surveyRepId,
            repName: x.surveyRepName,
            visitorConfirmed: reg.surveyVisitorConfirmed === true,
            note: reg.surveyNote,
          }
        : null,
      replacement: grant
        ? {
            id: grant.id,
            userId: grant.userId,
            userName: x.grantUserName,
            grantedByName: x.grantedByName,
            grantedAt: grant.grantedAt.toISOString(),
            note: grant.note,
            consumedAt: grant.consumedAt?.toISOString() ?? null,
            consumedRegistrationId: grant.consumedRegistrationId,
          }
        : null,
      // 归属冲突: the visitor named another rep than the owner; open until the manager settles it.
      conflict: reg.conflictStatus
        ? {
            status: reg.conflictStatus as ConflictStatus,
            repId: reg.conflictRepId,
            repName: x.conflictRepName,
            resolvedByName: x.conflictResolvedByName,
            resolvedAt: reg.conflictResolvedAt?.toISOString() ?? null,
            note: reg.conflictNote,
          }
        : null,
      masked: !clear,
      version: reg.version,
    };
  });
  await recordAccess(ctx.db, ctx, 'frontdesk_registration', shown, ['phone'], purpose);
  return items;
}

/** One registration as its registrar just saved it (no scope: the desk registers for everybody). */
export async function registrationView(ctx: Ctx, id: number) {
  const rows = await select(ctx).where(eq(r.id, id));
  if (!rows[0]) throw new NotFoundError();
  return (await present(ctx, rows, 'frontdesk.detail'))[0];
}

/** One registration within the user's frontdesk.view scope, else 404. */
export async function getRegistration(ctx: Ctx, id: number) {
  const rows = await select(ctx).where(and(eq(r.id, id), await registrationScope(ctx)));
  if (!rows[0]) throw new NotFoundError();
  return (await present(ctx, rows, 'frontdesk.detail'))[0];
}

async function listWhere(ctx: Ctx, q: RegistrationQuery): Promise<SQL> {
  const parts: (SQL | undefined)[] = [await registrationScope(ctx)];
  if (q.from) parts.push(gte(r.regDate, q.from));
  if (q.to) parts.push(lte(r.regDate, q.to));
  if (q.kind) parts.push(eq(r.kind, q.kind));
  if (q.channel) parts.push(eq(r.channel, q.channel));
  if (q.routeReason) parts.push(eq(r.routeReason, q.routeReason));
  if (q.routedToId) parts.push(eq(r.routedTo, q.routedToId));
  if (q.survey) parts.push(isNotNull(r.surveyFlaggedAt));
  if (q.conflict === 'open') parts.push(eq(r.conflictStatus, 'open'));
  if (q.conflict === 'any') parts.push(isNotNull(r.conflictStatus));
  if (q.survey === 'pending')
    parts.push(sql`not exists (select 1 from ${replacementGrants} g where g.registration_id = ${r.id})`);
  if (q.keyword) {
    const kw = `%${q.keyword.replace(/[\\%_]/g, '\\$&')}%`;
    const phone = normalizePhone(q.keyword);
    parts.push(
      sql`(${r.visitorName} ilike ${kw} or ${r.companyName} ilike ${kw}${/^\d{3,}$/.test(phone) ? sql` or ${r.phoneNorm} like ${`%${phone}%`}` : sql``})`,
    );
  }
  return and(...parts) as SQL;
}

/** Registrations within scope, newest first, filtered, with a capped total. */
export async function listRegistrations(ctx: Ctx, q: RegistrationQuery) {
  const where = await listWhere(ctx, q);
  const [rows, counted] = await Promise.all([
    select(ctx)
      .where(where)
      .orderBy(...pageOrder(r.registeredAt, 'desc', r.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from (select 1 from ${r} where ${where} limit ${COUNT_CAP + 1}) t`,
    ),
  ]);
  const n = Number(counted.rows[0].n);
  return {
    items: await present(ctx, rows, 'frontdesk.list'),
    total: Math.min(n, COUNT_CAP),
    totalCapped: n > COUNT_CAP,
    page: q.page,
    pageSize: q.pageSize,
  };
}

type Counts = { visits: number; calls: number; newCustomers: number };
const zero = (): Counts => ({ visits: 0, calls: 0, newCustomers: 0 });

/**
 * The desk's daily counts (seed 000: 上门客户总量、新客户量、电话接听量) per day and channel within
 * scope, for a date range (default today, at most 366 days): they feed the channel report.
 */
export async function registrationStats(ctx: Ctx, q: RegistrationStatsQuery) {
  const today = companyDate(ctx.now());
  const from = q.from ?? q.to ?? today;
  const to = q.to ?? (q.from ? today : from);
  if (to < from || to > addDays(from, 365)) throw ValidationError.field('to', 'frontdesk.range_invalid');
  const rows = await ctx.db
    .select({
      date: r.regDate,
      kind: r.kind,
      channel: r.channel,
      n: sql<number>`count(*)::int`,
      fresh: sql<number>`count(*) filter (where ${r.isNewCustomer})::int`,
    })
    .from(r)
    .where(and(await registrationScope(ctx), gte(r.regDate, from), lte(r.regDate, to)))
    .groupBy(r.regDate, r.kind, r.channel);
  const add = (c: Counts, row: (typeof rows)[number]) => {
    if (row.kind === 'visit') c.visits += row.n;
    else c.calls += row.n;
    c.newCustomers += row.fresh;
  };
  const totals = {
    ...zero(),
    byChannel: Object.fromEntries(SOURCE_CHANNELS.map((ch) => [ch, zero()])) as Record<string, Counts>,
  };
  const days: (Counts & { date: string; byChannel: Record<string, Counts> })[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push({ date: d, ...zero(), byChannel: {} });
  const byDate = new Map(days.map((d) => [d.date, d]));
  for (const row of rows) {
    const day = byDate.get(row.date) as (typeof days)[number];
    const channel = (into: Record<string, Counts>) => {
      into[row.channel] = into[row.channel] ?? zero();
      return into[row.channel];
    };
    add(day, row);
    add(channel(day.byChannel), row);
    add(totals, row);
    add(channel(totals.byChannel), row);
  }
  return { from, to, total: totals.visits + totals.calls, totals, days };
}
