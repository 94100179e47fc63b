import {
  addDays,
  amountInWords,
  documentTotals,
  type InvoiceInput,
  type InvoiceKind,
  type InvoiceReissueInput,
  type InvoiceStatus,
  type InvoiceVoidInput,
  lineAmounts,
  nextInvoiceStatus,
  toMoneyString,
} from '@sales/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { createdFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { nextDocNumber } from '../../platform/numbering/numbering.service.ts';
import { companyName } from '../../platform/org/company.ts';
import { users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { cancelTasksByRef } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { contractLinesOf } from '../contracts/index.ts';
import { customers } from '../customers/index.ts';
import { orderLinesOf } from '../orders/index.ts';
import { findInvoiceInScope } from './finance.access.ts';
import { emitInvoicesPaid, settledInvoicesOf } from './finance.events.ts';
import { invoiceLines, invoices } from './finance.schema.ts';
import { applyTargetMoney, assertInvoiceable, assertNotOverInvoiced, loadTarget } from './finance.target.ts';
import { syncReceivable } from './receivables.sync.ts';
import './finance.messages.ts';
import { bookFact } from '../analytics/index.ts';

type InvoiceRow = typeof invoices.$inferSelect;
type Fields = InvoiceReissueInput;

/** Default payment terms when the customer has none (SPEC 3.6: due date = issue date + terms). */
export const DEFAULT_TERMS_DAYS = 30;

export function presentInvoice(i: InvoiceRow) {
  return {
    ...i,
    kind: i.kind as InvoiceKind,
    status: i.status as InvoiceStatus,
    totalNet: toMoneyString(i.totalNet),
    totalTax: toMoneyString(i.totalTax),
    totalGross: toMoneyString(i.totalGross),
    voidedAt: i.voidedAt?.toISOString() ?? null,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

const AUDITED = [
  'no',
  'externalNo',
  'orderId',
  'contractId',
  'kind',
  'issueDate',
  'isLate',
  'buyerName',
  'buyerTaxNo',
  'buyerPhone',
  'totalNet',
  'totalTax',
  'totalGross',
  'amountInWords',
  'dueDate',
  'replacesInvoiceId',
] as const;

/** Lines to invoice: the given ones, or the order's / contract's own lines, priced with lineAmounts. */
async function invoiceLinesFor(tx: Tx, target: { kind: 'order' | 'contract'; id: number }, given: Fields['lines']) {
  const source = given
    ? given.map((l) => ({ ...l, productId: l.productId ?? null, productCode: null, attributes: {}, listPrice: null }))
    : (target.kind === 'order' ? await orderLinesOf(tx, target.id) : await contractLinesOf(tx, target.id)).map((l) => ({
        productId: l.productId,
        productCode: l.productCode,
        description: l.description,
        spec: l.spec,
        unit: l.unit,
        attributes: l.attributes,
        qty: l.qty,
        listPrice: l.listPrice,
        unitPrice: l.unitPrice,
        discountPercent: l.discountPercent,
        taxRate: l.taxRate,
      }));
  if (source.length === 0) throw ValidationError.field('lines', 'invoice.lines_required');
  return source.map((l, i) => ({ ...l, lineNo: i + 1, ...lineAmounts(l) }));
}

const isUniqueViolation = (e: unknown): boolean => {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23505' || err?.cause?.code === '23505';
};

/** Issues an invoice inside `tx` (shared by issue and reissue); never edited afterwards. */
async function issueInTx(
  tx: Tx,
  ctx: Ctx,
  t: { orderId?: number | null; contractId?: number | null },
  f: Fields,
  replacesInvoiceId: number | null,
) {
  const target = await loadTarget(ctx, t, tx, true);
  assertInvoiceable(target);
  const today = companyDate(ctx.now());
  const issueDate = f.issueDate ?? today;
  if (issueDate > today) throw ValidationError.field('issueDate', 'invoice.issue_date_future');
  const lines = await invoiceLinesFor(tx, target, f.lines);
  const { totalNet, totalTax, totalGross } = documentTotals(lines);
  const words = amountInWords(totalGross);
  // 金额大小写必须一致: a capitals line typed by the issuer must agree with the figures.
  if (f.amountInWords && f.amountInWords !== words)
    throw ValidationError.field('amountInWords', 'invoice.words_mismatch', { expected: words });
  assertNotOverInvoiced(target, totalGross);
  const [dup] = await tx.select({ id: invoices.id }).from(invoices).where(eq(invoices.externalNo, f.externalNo));
  if (dup) throw ValidationError.field('externalNo', 'invoice.external_no_taken', { externalNo: f.externalNo });
  const [c] = await tx.select().from(customers).where(eq(customers.id, target.customerId));
  const company = await companyName(tx);
  const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, ctx.principal.userId));
  const values = {
    no: await nextDocNumber(tx, 'invoice', ctx.now()),
    externalNo: f.externalNo,
    customerId: target.customerId,
    orderId: target.kind === 'order' ? target.id : null,
    contractId: target.kind === 'contract' ? target.id : null,
    ownerId: target.ownerId,
    ownerDeptId: target.ownerDeptId,
    kind: f.kind,
    issueDate,
    // 补开: ticked by the issuer, or implied when the invoice is dated in an earlier month.
    isLate: f.isLate || issueDate.slice(0, 7) < today.slice(0, 7),
    buyerName: f.buyerName ?? c.name,
    buyerTaxNo: f.buyerTaxNo ?? c.creditCode,
    // 顾客名称及地址处，填写顾客全名及联系电话 (retail seed 5.2.7.1): as given, else the customer's.
    buyerPhone: f.buyerPhone ?? c.phone ?? c.mobile ?? null,
    sellerName: company,
    issuerName: f.issuerName ?? me.name,
    payeeName: f.payeeName ?? me.name,
    totalNet,
    totalTax,
    totalGross,
    amountInWords: words,
    dueDate: addDays(issueDate, c.paymentTermsDays ?? DEFAULT_TERMS_DAYS),
    replacesInvoiceId,
    issuedBy: ctx.principal.userId,
  };
  let row: InvoiceRow;
  try {
    [row] = await tx.insert(invoices).values(values).returning();
  } catch (e) {
    if (isUniqueViolation(e))
      throw ValidationError.field('externalNo', 'invoice.external_no_taken', { externalNo: f.externalNo });
    throw e;
  }
  await insertInvoiceLines(tx, row.id, lines);
  await bookFact.invoiceIssued(tx, row.id);
  await applyTargetMoney(tx, ctx, row, { invoiced: totalGross });
  await syncReceivable(tx, row);
  // Issued against money already collected: paid from the start (SPEC 1.11 invoice.paid).
  await emitInvoicesPaid(tx, await settledInvoicesOf(tx, row));
  await recordAudit(tx, ctx, {
    entityType: 'invoice',
    entityId: row.id,
    action: replacesInvoiceId ? 'reissue' : 'issue',
    changes: createdFields(row, AUDITED),
  });
  return presentInvoice(row);
}

/** Issues an invoice (开票) against an order or signed contract; the invoiced total may not exceed its amount. */
export async function issueInvoice(ctx: Ctx, input: InvoiceInput) {
  return ctx.db.transaction((tx) => issueInTx(tx, ctx, input, input, null));
}

/** Voids (作废) an issued invoice with a reason; the order/contract's invoiced amount goes down by its gross. */
export async function voidInvoice(ctx: Ctx, id: number, input: InvoiceVoidInput) {
  // Invisible → 404 before the permission → 403 (no existence leak).
  await findInvoiceInScope(ctx, id);
  if (!can(ctx.principal, 'invoice.issue')) throw new ForbiddenError();
  return ctx.db.transaction(async (tx) => {
    const inv = await findInvoiceInScope(ctx, id, 'invoice.issue', tx, true);
    if (inv.version !== input.version) throw new StaleVersionError();
    const next = nextInvoiceStatus(inv.status as InvoiceStatus, 'void');
    if (!next) throw new ConflictError('invoice.transition', { status: inv.status, action: 'void' });
    const [row] = await tx
      .update(invoices)
      .set({
        status: next,
        voidReason: input.reason,
        voidedAt: ctx.now(),
        voidedBy: ctx.principal.userId,
        version: inv.version + 1,
        updatedAt: sql`now()`,
      })
      .where(and(eq(invoices.id, id), eq(invoices.version, inv.version)))
      .returning();
    if (!row) throw new StaleVersionError();
    await applyTargetMoney(tx, ctx, inv, { invoiced: toMoneyString(`-${inv.totalGross}`) });
    await bookFact.invoiceVoided(tx, ctx, id);
    // The document's credit moves to its other invoices (FIFO, SPEC 3.6) in this same transaction (ADR 0003).
    await syncReceivable(tx, inv);
    // A voided invoice is owed no more: its open collection task goes too.
    await cancelTasksByRef(tx, 'invoice', id, ctx.now());
    await recordAudit(tx, ctx, {
      entityType: 'invoice',
      entityId: id,
      action: 'void',
      changes: [{ field: 'status', old: inv.status, new: next }],
      comment: input.reason,
    });
    return presentInvoice(row);
  });
}

/** Reissues (重开) a voided invoice: a new invoice for the same order/contract pointing back to it. */
export async function reissueInvoice(ctx: Ctx, id: number, input: InvoiceReissueInput) {
  // Invisible → 404 before the permission → 403 (no existence leak).
  await findInvoiceInScope(ctx, id);
  if (!can(ctx.principal, 'invoice.issue')) throw new ForbiddenError();
  return ctx.db.transaction(async (tx) => {
    const old = await findInvoiceInScope(ctx, id, 'invoice.issue', tx, true);
    if (old.status !== 'void') throw new ConflictError('invoice.reissue_not_void', { no: old.no });
    const [again] = await tx.select({ no: invoices.no }).from(invoices).where(eq(invoices.replacesInvoiceId, id));
    if (again) throw new ConflictError('invoice.already_reissued', { no: old.no, by: again.no });
    return issueInTx(tx, ctx, old, input, id);
  });
}

type InvoiceLineRow = Omit<typeof invoiceLines.$inferInsert, 'invoiceId' | 'id'>;

/** Writes an invoice's lines (an issued or a red-letter invoice); never changed afterwards. */
export async function insertInvoiceLines(tx: Tx, invoiceId: number, lines: InvoiceLineRow[]) {
  await tx.insert(invoiceLines).values(
    lines.map((l) => ({
      invoiceId,
      lineNo: l.lineNo,
      productId: l.productId,
      productCode: l.productCode,
      description: l.description,
      spec: l.spec ?? null,
      unit: l.unit,
      attributes: l.attributes,
      qty: l.qty,
      listPrice: l.listPrice,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent,
      taxRate: l.taxRate,
      netAmount: l.netAmount,
      taxAmount: l.taxAmount,
      grossAmount: l.grossAmount,
    })),
  );
}
