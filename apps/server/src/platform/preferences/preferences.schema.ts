import { integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../org/org.schema.ts';

/**
 * A user's own settings that follow them across browsers (issue 11 item 4: 列设置 per table),
 * one row per user and key (`table.customers`); the value's shape is checked per key kind
 * (PREFERENCE_KINDS in @sales/core) and its size capped before it is stored.
 */
export const userPreferences = pgTable(
  'user_preferences',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('user_preferences_user_key_uq').on(t.userId, t.key)],
);
