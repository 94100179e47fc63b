import { desc, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type LinkedType, registerLinkEdge, registerLinkedKind, scopeOrNone } from '../../platform/links/index.ts';
import { invoiceScope, paymentScope } from './finance.access.ts';
import { invoices, payments } from './finance.schema.ts';

// Invoices and payments in the sales chain's links (issue 11 item 3), visible within the viewer's
// invoice / payment scope. An invoice is named by its tax invoice number.
registerLinkedKind({
  type: 'invoice',
  describe: async (ctx, ids) =>
    ctx.db
      .select({
        id: invoices.id,
        no: invoices.no,
        name: invoices.externalNo,
        status: invoices.status,
        visible: sql<boolean>`${await scopeOrNone(invoiceScope(ctx))}`,
      })
      .from(invoices)
      .where(sql`${invoices.id} = any(${sql.param(ids)}::bigint[])`),
});
registerLinkedKind({
  type: 'payment',
  describe: async (ctx, ids) =>
    ctx.db
      .select({
        id: payments.id,
        no: payments.no,
        name: sql<string | null>`null`,
        status: payments.status,
        visible: sql<boolean>`${await scopeOrNone(paymentScope(ctx))}`,
      })
      .from(payments)
      .where(sql`${payments.id} = any(${sql.param(ids)}::bigint[])`),
});

/** Invoices or payments against an order or a contract, by their reference column. */
function documentEdge(
  from: LinkedType,
  to: 'invoice' | 'payment',
  table: typeof invoices | typeof payments,
  ref: AnyPgColumn,
) {
  registerLinkEdge({
    from,
    to,
    followUps: async (db, id, limit) =>
      (await db.select({ id: table.id }).from(table).where(eq(ref, id)).orderBy(desc(table.id)).limit(limit)).map(
        (r) => r.id,
      ),
    sources: async (db, id) =>
      (
        await db
          .select({ id: sql<number | null>`${ref}` })
          .from(table)
          .where(eq(table.id, id))
      ).flatMap((r) => (r.id === null ? [] : [Number(r.id)])),
  });
}
documentEdge('order', 'invoice', invoices, invoices.orderId);
documentEdge('contract', 'invoice', invoices, invoices.contractId);
documentEdge('order', 'payment', payments, payments.orderId);
documentEdge('contract', 'payment', payments, payments.contractId);

// Payments settle the invoices of their order or contract (credits applied first in, first out,
// SPEC 3.6), so a payment's invoices are those of its document and an invoice's payments likewise.
const sameDocument = (i: typeof invoices, p: typeof payments): SQL =>
  sql`((${i.orderId} is not null and ${p.orderId} = ${i.orderId}) or (${i.contractId} is not null and ${p.contractId} = ${i.contractId}))`;
registerLinkEdge({
  from: 'invoice',
  to: 'payment',
  followUps: async (db, id, limit) =>
    (
      await db
        .select({ id: payments.id })
        .from(payments)
        .innerJoin(invoices, sameDocument(invoices, payments))
        .where(eq(invoices.id, id))
        .orderBy(desc(payments.id))
        .limit(limit)
    ).map((r) => r.id),
  sources: async (db, id, limit) =>
    (
      await db
        .select({ id: invoices.id })
        .from(invoices)
        .innerJoin(payments, sameDocument(invoices, payments))
        .where(eq(payments.id, id))
        .orderBy(desc(invoices.id))
        .limit(limit)
    ).map((r) => r.id),
});
