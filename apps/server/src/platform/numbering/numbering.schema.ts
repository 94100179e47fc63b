import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/** Last number issued per document type and period; incremented inside the business transaction. */
export const docSequences = pgTable(
  'doc_sequences',
  {
    docType: text('doc_type').notNull(),
    period: text('period').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.docType, t.period] })],
);
