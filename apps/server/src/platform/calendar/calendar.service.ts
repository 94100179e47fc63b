import { and, asc, between, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Ctx } from '../context.ts';
import { ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from '../errors/errors.ts';
import { can } from '../permissions/principal.ts';
import { calendarDays, calendarSettings } from './calendar.schema.ts';
import {
  type CalendarSettings,
  type CompanyDay,
  type DayKind,
  DEFAULT_CALENDAR,
  OFFICIAL_LAST_YEAR,
  WorkCalendar,
} from './work-calendar.ts';

/** The company calendar as it is now: its settings and every date it decided itself (a few a year). */
export async function loadWorkCalendar(db: DbOrTx): Promise<WorkCalendar> {
  const [[s], days] = await Promise.all([
    db.select().from(calendarSettings).where(eq(calendarSettings.id, 1)),
    db.select({ day: calendarDays.day, kind: calendarDays.kind, name: calendarDays.name }).from(calendarDays),
  ]);
  return new WorkCalendar(
    s ? { ...DEFAULT_CALENDAR, ...pick(s) } : DEFAULT_CALENDAR,
    new Map<string, CompanyDay>(days.map((d) => [d.day, { kind: d.kind, name: d.name }])),
  );
}

const pick = (s: typeof calendarSettings.$inferSelect) => ({
  weekdays: [...s.weekdays].sort(),
  dayStart: s.dayStart,
  dayEnd: s.dayEnd,
  breakStart: s.breakStart,
  breakEnd: s.breakEnd,
});

const hhmm = (m: number | null) =>
  m === null ? null : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const minutes = (t: string | null) => (t === null ? null : Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5)));

export interface SettingsInput {
  weekdays: number[];
  dayStart: string;
  dayEnd: string;
  breakStart: string | null;
  breakEnd: string | null;
  version: number;
}

/** Working week and hours as the settings page shows them ("09:00"), with the official data's reach. */
export async function getCalendarSettings(ctx: Ctx) {
  const [s] = await ctx.db.select().from(calendarSettings).where(eq(calendarSettings.id, 1));
  const v = s ? pick(s) : DEFAULT_CALENDAR;
  return {
    timeZone: DEFAULT_CALENDAR.timeZone,
    weekdays: v.weekdays,
    dayStart: hhmm(v.dayStart),
    dayEnd: hhmm(v.dayEnd),
    breakStart: hhmm(v.breakStart),
    breakEnd: hhmm(v.breakEnd),
    version: s?.version ?? 0,
    officialLastYear: OFFICIAL_LAST_YEAR,
  };
}

function checkSettings(i: SettingsInput): Omit<CalendarSettings, 'timeZone'> {
  const v = {
    weekdays: [...new Set(i.weekdays)].sort(),
    dayStart: minutes(i.dayStart) as number,
    dayEnd: minutes(i.dayEnd) as number,
    breakStart: minutes(i.breakStart),
    breakEnd: minutes(i.breakEnd),
  };
  if (v.dayEnd <= v.dayStart) throw ValidationError.field('dayEnd', 'calendar.dayEndBeforeStart');
  if ((v.breakStart === null) !== (v.breakEnd === null))
    throw ValidationError.field('breakEnd', 'calendar.breakIncomplete');
  if (v.breakStart !== null && v.breakEnd !== null) {
    if (v.breakEnd <= v.breakStart) throw ValidationError.field('breakEnd', 'calendar.breakEndBeforeStart');
    if (v.breakStart <= v.dayStart || v.breakEnd >= v.dayEnd)
      throw ValidationError.field('breakStart', 'calendar.breakOutsideDay');
  }
  return v;
}

/** Changes the working week and hours (optimistic version, audited). */
export async function updateCalendarSettings(ctx: Ctx, input: SettingsInput) {
  if (!can(ctx.principal, 'calendar.manage')) throw new ForbiddenError();
  const next = checkSettings(input);
  await ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(calendarSettings).where(eq(calendarSettings.id, 1)).for('update');
    if ((cur?.version ?? 0) !== input.version) throw new StaleVersionError();
    const old = cur ? pick(cur) : DEFAULT_CALENDAR;
    const values = {
      ...next,
      version: (cur?.version ?? 0) + 1,
      updatedBy: ctx.principal.userId,
      updatedAt: sql`now()`,
    };
    // A concurrent first save of the settings hits the primary key and fails: no lost update.
    if (cur) await tx.update(calendarSettings).set(values).where(eq(calendarSettings.id, 1));
    else await tx.insert(calendarSettings).values({ id: 1, ...values });
    const changes = (['weekdays', 'dayStart', 'dayEnd', 'breakStart', 'breakEnd'] as const)
      .filter((f) => JSON.stringify(old[f]) !== JSON.stringify(next[f]))
      .map((f) => ({
        field: f,
        old: f === 'weekdays' ? old[f] : hhmm(old[f] as number | null),
        new: f === 'weekdays' ? next[f] : hhmm(next[f] as number | null),
      }));
    await recordAudit(tx, ctx, { entityType: 'calendar_settings', entityId: 1, action: 'update', changes });
  });
  return getCalendarSettings(ctx);
}

/** Every date of a range with whether it is worked and why (the calendar page; any signed-in user). */
export async function calendarRange(ctx: Ctx, from: string, to: string) {
  const cal = await loadWorkCalendar(ctx.db);
  const own = await ctx.db
    .select({ id: calendarDays.id, day: calendarDays.day })
    .from(calendarDays)
    .where(between(calendarDays.day, from, to))
    .orderBy(asc(calendarDays.day));
  const ids = new Map(own.map((d) => [d.day, d.id]));
  const days = [];
  for (let d = from; d <= to; d = nextDate(d)) days.push({ ...cal.day(d), companyDayId: ids.get(d) ?? null });
  return { items: days, officialLastYear: OFFICIAL_LAST_YEAR };
}

const nextDate = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Sets (or replaces) the company's own decision for a date. */
export async function setCompanyDay(ctx: Ctx, day: string, input: { kind: DayKind; name: string | null }) {
  if (!can(ctx.principal, 'calendar.manage')) throw new ForbiddenError();
  return ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(calendarDays).where(eq(calendarDays.day, day)).for('update');
    if (cur) {
      await tx.update(calendarDays).set({ kind: input.kind, name: input.name }).where(eq(calendarDays.id, cur.id));
      await recordAudit(tx, ctx, {
        entityType: 'calendar_day',
        entityId: cur.id,
        action: 'update',
        changes: (['kind', 'name'] as const)
          .filter((f) => cur[f] !== input[f])
          .map((f) => ({ field: f, old: cur[f], new: input[f] })),
      });
      return { id: cur.id, day, ...input };
    }
    const [row] = await tx
      .insert(calendarDays)
      .values({ day, kind: input.kind, name: input.name, createdBy: ctx.principal.userId })
      .returning({ id: calendarDays.id });
    await recordAudit(tx, ctx, {
      entityType: 'calendar_day',
      entityId: row.id,
      action: 'create',
      changes: [
        { field: 'day', old: null, new: day },
        { field: 'kind', old: null, new: input.kind },
        ...(input.name ? [{ field: 'name', old: null, new: input.name }] : []),
      ],
    });
    return { id: row.id, day, ...input };
  });
}

/** Drops the company's decision for a date: the official schedule and the working week apply again. */
export async function removeCompanyDay(ctx: Ctx, day: string) {
  if (!can(ctx.principal, 'calendar.manage')) throw new ForbiddenError();
  await ctx.db.transaction(async (tx) => {
    const [cur] = await tx
      .delete(calendarDays)
      .where(and(eq(calendarDays.day, day)))
      .returning();
    if (!cur) throw new NotFoundError();
    await recordAudit(tx, ctx, {
      entityType: 'calendar_day',
      entityId: cur.id,
      action: 'delete',
      changes: [
        { field: 'day', old: day, new: null },
        { field: 'kind', old: cur.kind, new: null },
      ],
    });
  });
}
