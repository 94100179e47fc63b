import { amountInWords, documentTotals, lineAmounts, money, toMoneyString } from '@sales/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { createdFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError, ValidationError } from '../../platform/errors/errors.ts';
import { nextDocNumber } from '../../platform/numbering/numbering.service.ts';
import { users } from '../../platform/org/org.schema.ts';
import { companyDate } from '../../platform/time.ts';
import { invoices } from './finance.schema.ts';
import { applyTargetMoney } from './finance.target.ts';
import { insertInvoiceLines, presentInvoice } from './invoices.service.ts';
import './invoices.red.messages.ts';
import { bookFact } from '../analytics/index.ts';
import { syncReceivable } from './receivables.sync.ts';

export interface RedLine {
  productId: number | null;
  productCode: string | null;
  description: string;
  spec: string | null;
  unit: string;
  attributes: Record<string, string>;
  /** Positive: the quantity credited. */
  qty: string;
  listPrice: string | null;
  unitPrice: string;
  discountPercent: string;
  taxRate: string;
}

/**
 * Issues a red-letter invoice (红字发票) crediting an issued original, inside the caller's
 * transaction: negative lines and totals, linked to the original, which is never edited. The
 * credited total may not exceed what the original still carries; the order's invoiced amount and
 * its receivable go down by it (SPEC 4.3: the money side of a return is a red invoice, never an edit).
 */
export async function issueRedInvoiceInTx(
  tx: Tx,
  ctx: Ctx,
  input: { invoiceId: number; externalNo: string; lines: RedLine[]; reason: string },
) {
  const [orig] = await tx.select().from(invoices).where(eq(invoices.id, input.invoiceId)).for('update');
  if (!orig) throw new NotFoundError();
  if (orig.status !== 'issued' || money(orig.totalGross).lte(0))
    throw ValidationError.field('invoiceId', 'invoice.red_original_invalid', { no: orig.no });
  const [done] = await tx
    .select({ v: sql<string>`coalesce(-sum(${invoices.totalGross}), 0)::text` })
    .from(invoices)
    .where(and(eq(invoices.creditsInvoiceId, orig.id), eq(invoices.status, 'issued')));
  const lines = input.lines.map((l, i) => {
    const neg = { ...l, qty: money(l.qty).negated().toString() };
    return { ...neg, lineNo: i + 1, ...lineAmounts(neg) };
  });
  const totals = documentTotals(lines);
  const open = money(orig.totalGross).minus(done.v);
  if (money(totals.totalGross).negated().gt(open))
    throw ValidationError.field('invoiceId', 'invoice.red_exceeds', { no: orig.no, open: toMoneyString(open) });
  const [dup] = await tx.select({ id: invoices.id }).from(invoices).where(eq(invoices.externalNo, input.externalNo));
  if (dup) throw ValidationError.field('externalNo', 'invoice.external_no_taken', { externalNo: input.externalNo });
  const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, ctx.principal.userId));
  const today = companyDate(ctx.now());
  const [row] = await tx
    .insert(invoices)
    .values({
      no: await nextDocNumber(tx, 'invoice', ctx.now()),
      externalNo: input.externalNo,
      customerId: orig.customerId,
      orderId: orig.orderId,
      contractId: orig.contractId,
      ownerId: orig.ownerId,
      ownerDeptId: orig.ownerDeptId,
      kind: orig.kind,
      issueDate: today,
      buyerName: orig.buyerName,
      buyerTaxNo: orig.buyerTaxNo,
      buyerPhone: orig.buyerPhone,
      sellerName: orig.sellerName,
      issuerName: me.name,
      payeeName: orig.payeeName,
      totalNet: totals.totalNet,
      totalTax: totals.totalTax,
      totalGross: totals.totalGross,
      amountInWords: amountInWords(totals.totalGross),
      dueDate: today,
      creditsInvoiceId: orig.id,
      issuedBy: ctx.principal.userId,
    })
    .returning();
  await insertInvoiceLines(tx, row.id, lines);
  await bookFact.invoiceIssued(tx, row.id);
  await applyTargetMoney(tx, ctx, row, { invoiced: totals.totalGross });
  await syncReceivable(tx, row);
  await recordAudit(tx, ctx, {
    entityType: 'invoice',
    entityId: row.id,
    action: 'issue_red',
    changes: createdFields(row, ['no', 'externalNo', 'orderId', 'contractId', 'totalGross', 'creditsInvoiceId']),
    comment: input.reason,
  });
  return presentInvoice(row);
}
