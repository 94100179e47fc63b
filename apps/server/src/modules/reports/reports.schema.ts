import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { departments, users } from '../../platform/org/org.schema.ts';

/**
 * The written part of the half-year analysis (SPEC 5.1: advertising-theme review, suggestions for
 * the next launch): one text per calendar half and department, written by its manager. Every
 * figure beside it is generated; this is the only stored part of the reports.
 */
export const reportReviews = pgTable(
  'report_reviews',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    // '2026-H1'
    period: text('period').notNull(),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    themeReview: text('theme_review').notNull().default(''),
    suggestions: text('suggestions').notNull().default(''),
    updatedBy: integer('updated_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('report_reviews_period_dept_uq').on(t.period, t.departmentId),
    check('report_reviews_period_ck', sql`${t.period} ~ '^[0-9]{4}-H[12]$'`),
  ],
);
