import { toMoneyString } from '@sales/core';
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { defineWebhookEvent } from '../../platform/webhooks/index.ts';
import { invoices } from './finance.schema.ts';
import { ledgerFor } from './receivables.ts';

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

/** Issued invoices of an order or contract whose receivable is fully collected. */
export async function settledInvoicesOf(tx: Tx, doc: { orderId: number | null; contractId: number | null }) {
  const where = doc.orderId ? eq(invoices.orderId, doc.orderId) : eq(invoices.contractId, doc.contractId as number);
  // Applied as of the far future: a counted payment counts now, whatever its received date.
  const { rows } = await ledgerFor(tx, [where], '9999-12-31');
  return rows.filter((r) => r.outstanding === '0.00').map((r) => r.invoiceId);
}
