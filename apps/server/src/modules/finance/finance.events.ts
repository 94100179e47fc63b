import { toMoneyString } from '@sales/core';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { defineWebhookEvent } from '../../platform/webhooks/index.ts';
import { invoices } from './finance.schema.ts';
import { docKeyOf } from './receivables.ledger.ts';
import { receivableInvoices } from './receivables.schema.ts';

/** `invoice.paid` (SPEC 1.11): the invoice's receivable is fully collected (outstanding 0). */
export type InvoicePaidData = {
  invoiceId: number;
  invoiceNo: string;
  externalNo: string;
  customerId: number;
  orderId: number | null;
  contractId: number | null;
  status: 'paid';
  currency: 'CNY';
  totalGross: string;
  issueDate: string;
  dueDate: string;
};

export const invoicePaid = defineWebhookEvent<InvoicePaidData>('invoice.paid');

/**
 * Emits `invoice.paid` for invoices found settled. A settled invoice stays settled (counted
 * payments are final), and each is emitted once (dedupe key), however often it is found again.
 */
export async function emitInvoicesPaid(tx: Tx, invoiceIds: number[]) {
  if (invoiceIds.length === 0) return;
  const rows = await tx.select().from(invoices).where(inArray(invoices.id, invoiceIds));
  for (const i of rows) {
    await invoicePaid.emit(
      tx,
      {
        invoiceId: i.id,
        invoiceNo: i.no,
        externalNo: i.externalNo,
        customerId: i.customerId,
        orderId: i.orderId,
        contractId: i.contractId,
        status: 'paid',
        currency: 'CNY',
        totalGross: toMoneyString(i.totalGross),
        issueDate: i.issueDate,
        dueDate: i.dueDate,
      },
      { dedupeKey: `invoice.paid:${i.id}` },
    );
  }
}

/**
 * Issued invoices of an order or contract whose receivable is fully collected, from the maintained
 * balances (synced first by the caller): a counted payment counts now, whatever its received date.
 */
export async function settledInvoicesOf(tx: Tx, doc: { orderId: number | null; contractId: number | null }) {
  const rows = await tx
    .select({ id: receivableInvoices.invoiceId })
    .from(receivableInvoices)
    .where(and(eq(receivableInvoices.docKey, docKeyOf(doc)), eq(receivableInvoices.outstanding, '0')));
  return rows.map((r) => r.id);
}
