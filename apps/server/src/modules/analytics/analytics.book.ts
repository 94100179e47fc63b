import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { companyDate } from '../../platform/time.ts';
import {
  bookCustomers,
  bookFollowUps,
  bookInvoices,
  bookInvoiceVoid,
  bookLeadDeals,
  bookLeads,
  bookOrderCancel,
  bookOrders,
  bookPayments,
  bookQuotes,
  bookReturns,
  bookStageEntry,
} from './analytics.facts.ts';

/**
 * Booking hooks: the modules that book an event call these INSIDE the event's transaction, so a
 * fact exists exactly when its event committed (SPEC 5.1: credited to the rep and department at
 * the time it was booked).
 */
export const bookFact = {
  /** An order passed review (confirmed sale): its lines, and the lead deal if it is one. */
  async orderApproved(tx: Tx, orderId: number) {
    await bookOrders(tx, sql`o.id = ${orderId}`);
    await bookLeadDeals(tx, sql`o.id = ${orderId}`);
  },
  /** An order cancelled: its booked facts (if it had passed review) reversed today. */
  orderCancelled(tx: Tx, ctx: Pick<Ctx, 'now'>, orderId: number) {
    return bookOrderCancel(tx, orderId, companyDate(ctx.now()));
  },
  /** A sales return completed: its lines deducted from the sale they reverse. */
  returnCompleted(tx: Tx, returnId: number) {
    return bookReturns(tx, sql`r.id = ${returnId}`);
  },
  /** An invoice (or red-letter invoice) issued. */
  invoiceIssued(tx: Tx, invoiceId: number) {
    return bookInvoices(tx, sql`i.id = ${invoiceId}`);
  },
  invoiceVoided(tx: Tx, ctx: Pick<Ctx, 'now'>, invoiceId: number) {
    return bookInvoiceVoid(tx, invoiceId, companyDate(ctx.now()));
  },
  /** A payment counted by finance (no-op when not counted yet or already booked). */
  paymentCounted(tx: Tx, paymentId: number) {
    return bookPayments(tx, sql`p.id = ${paymentId}`);
  },
  customerCreated(tx: Tx, ctx: Pick<Ctx, 'now'>, customerId: number) {
    return bookCustomers(tx, sql`c.id = ${customerId}`, companyDate(ctx.now()));
  },
  /** Many customers created at once (an import): one statement. */
  customersCreated(tx: Tx, ctx: Pick<Ctx, 'now'>, customerIds: number[]) {
    return bookCustomers(tx, sql`c.id = any(${sql.param(customerIds)}::bigint[])`, companyDate(ctx.now()));
  },
  registrationCreated(tx: Tx, registrationId: number) {
    return bookLeads(tx, sql`r.id = ${registrationId}`);
  },
  quoteCreated(tx: Tx, ctx: Pick<Ctx, 'now'>, quoteId: number) {
    return bookQuotes(tx, sql`q.id = ${quoteId}`, companyDate(ctx.now()));
  },
  followUpLogged(tx: Tx, ctx: Pick<Ctx, 'now'>, followUpId: number) {
    return bookFollowUps(tx, sql`f.id = ${followUpId}`, companyDate(ctx.now()));
  },
  stageEntered(tx: Tx, ctx: Pick<Ctx, 'now'>, opportunityId: number, stageId: number) {
    return bookStageEntry(tx, opportunityId, stageId, companyDate(ctx.now()));
  },
};
