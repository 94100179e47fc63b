import { and, desc, eq } from 'drizzle-orm';
import { registerTimelineSource } from '../customers/index.ts';
import { invoiceScope, paymentScope } from './finance.access.ts';
import { invoices, payments } from './finance.schema.ts';

// A customer's payments and invoices on its timeline (SPEC 2.4), within the viewer's scopes.
registerTimelineSource({
  entityType: 'payment',
  documents: async (ctx, customerId, limit) =>
    ctx.db
      .select({ id: payments.id, no: payments.no, amount: payments.amount, status: payments.status })
      .from(payments)
      .where(and(eq(payments.customerId, customerId), await paymentScope(ctx)))
      .orderBy(desc(payments.id))
      .limit(limit),
});
registerTimelineSource({
  entityType: 'invoice',
  // An invoice is created by issuing it (开票), reissuing a voided one, or as a red-letter credit (红字).
  createActions: ['issue', 'reissue', 'issue_red'],
  documents: async (ctx, customerId, limit) =>
    ctx.db
      .select({ id: invoices.id, no: invoices.no, amount: invoices.totalGross, status: invoices.status })
      .from(invoices)
      .where(and(eq(invoices.customerId, customerId), await invoiceScope(ctx)))
      .orderBy(desc(invoices.id))
      .limit(limit),
});
