import { sql } from 'drizzle-orm';
import { registerRelatedSource, relatedSelect } from '../customers/index.ts';
import { invoiceScope, paymentScope } from './finance.access.ts';
import { invoices, payments } from './finance.schema.ts';

// A customer's invoices and payments in its 360 (issue 11 item 3), within the viewer's scopes.
registerRelatedSource({
  type: 'invoice',
  select: async (ctx, customerId) =>
    relatedSelect(
      invoices,
      { id: invoices.id, no: invoices.no, name: invoices.externalNo, status: invoices.status },
      invoices.totalGross,
      invoices.issueDate,
      sql`${invoices.customerId} = ${customerId} and ${await invoiceScope(ctx)}`,
    ),
});
registerRelatedSource({
  type: 'payment',
  select: async (ctx, customerId) =>
    relatedSelect(
      payments,
      { id: payments.id, no: payments.no, name: sql`null::text`, status: payments.status },
      payments.amount,
      payments.receivedDate,
      sql`${payments.customerId} = ${customerId} and ${await paymentScope(ctx)}`,
    ),
});
