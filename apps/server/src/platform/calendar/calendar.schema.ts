import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The company's working week and hours (one row; absent = Mon–Fri 9:00–18:00). Times are minutes
 * after midnight in the company time zone.
 */
export const calendarSettings = pgTable(
  'calendar_settings',
  {
    id: smallint('id').primaryKey().default(1),
    weekdays: smallint('weekdays').array().notNull(),
    dayStart: smallint('day_start').notNull(),
    dayEnd: smallint('day_end').notNull(),
    breakStart: smallint('break_start'),
    breakEnd: smallint('break_end'),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('calendar_settings_single', sql`${t.id} = 1`),
    check('calendar_settings_hours', sql`0 <= ${t.dayStart} and ${t.dayStart} < ${t.dayEnd} and ${t.dayEnd} <= 1440`),
    check(
      'calendar_settings_break',
      sql`(${t.breakStart} is null and ${t.breakEnd} is null) or (${t.dayStart} < ${t.breakStart} and ${t.breakStart} < ${t.breakEnd} and ${t.breakEnd} < ${t.dayEnd})`,
    ),
  ],
);

/** A date the company decides itself: a holiday of its own, a working Saturday, or not following a 调休 day. */
export const calendarDays = pgTable(
  'calendar_days',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    day: date('day', { mode: 'string' }).notNull().unique(),
    kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
    name: text('name'),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('calendar_days_kind', sql`${t.kind} in ('holiday', 'workday')`)],
);
