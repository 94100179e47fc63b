import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

/** Append-only audit trail; a trigger (migration 0001) rejects UPDATE, DELETE and TRUNCATE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id'),
    requestId: text('request_id'),
    entityType: text('entity_type').notNull(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    action: text('action').notNull(),
    changes: jsonb('changes').$type<FieldChange[]>().notNull().default([]),
    comment: text('comment'),
  },
  (t) => [index('audit_log_entity_idx').on(t.entityType, t.entityId, t.id)],
);

/** PIPL access log: every unmasked view of personal data. */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id').notNull(),
    requestId: text('request_id'),
    entityType: text('entity_type').notNull(),
    entityIds: bigint('entity_ids', { mode: 'number' }).array().notNull(),
    fields: text('fields').array().notNull(),
    purpose: text('purpose').notNull(),
  },
  // One index per filter of the access-log page: user, record, period.
  (t) => [
    index('access_log_user_idx').on(t.userId, t.at),
    index('access_log_at_idx').on(t.at.desc(), t.id.desc()),
    index('access_log_entity_idx').using('gin', t.entityIds),
  ],
);
