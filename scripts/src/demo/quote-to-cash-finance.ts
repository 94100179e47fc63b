/**
 * Collections and invoices (SPEC 3.6): a rep's reported collection waiting for finance, a report
 * finance confirmed, finance's own confirmed entries, a cheque waiting for clearance; invoices
 * issued, one voided and reissued, one issued late (补开); two overdue receivables (> 90 days and
 * 31–60 days) and a bad-debt write-off waiting for approval.
 */
import {
  InvoiceInput,
  type InvoiceLineInput,
  InvoiceReissueInput,
  money,
  PaymentInput,
  toMoneyString,
} from '@sales/core';
import { eq } from 'drizzle-orm';
import { customers } from '../../../apps/server/src/modules/customers/index.ts';
import {
  issueInvoice,
  reissueInvoice,
  voidInvoice,
} from '../../../apps/server/src/modules/finance/invoices.service.ts';
import { recordPayment, transitionPayment } from '../../../apps/server/src/modules/finance/payments.service.ts';
import { requestWriteOff } from '../../../apps/server/src/modules/finance/writeoffs.service.ts';
import { orderLinesOf, orders } from '../../../apps/server/src/modules/orders/index.ts';
import { completeOrder } from '../../../apps/server/src/modules/orders/orders.service.ts';
import type { Q2C } from './quote-to-cash.ts';

/** Part of an order's gross total, rounded to the fen. */
async function share(q: Q2C, orderId: number, percent: number) {
  const [o] = await q.world.tx.select({ gross: orders.totalGross }).from(orders).where(eq(orders.id, orderId));
  return toMoneyString(money(o.gross).times(percent).div(100).toDecimalPlaces(2));
}

async function payerOf(q: Q2C, orderId: number) {
  const [r] = await q.world.tx
    .select({ name: customers.name })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(eq(orders.id, orderId));
  return r.name;
}

export async function createFinance(q: Q2C): Promise<void> {
  let invoiceNo = 26_320_118;
  const externalNo = () => String(invoiceNo++).padStart(8, '0');
  const transfer = async (
    by: string,
    daysAgo: number,
    orderId: number,
    percent: number,
    kind: 'deposit' | 'instalment' | 'full',
    remark: string,
  ) =>
    recordPayment(
      await q.as(by, daysAgo),
      PaymentInput.parse({
        orderId,
        kind,
        method: 'transfer',
        amount: await share(q, orderId, percent),
        receivedDate: q.day(-daysAgo),
        payerName: await payerOf(q, orderId),
        remark,
      }),
    );
  const invoice = async (daysAgo: number, orderId: number, extra: Partial<InvoiceInput> = {}) =>
    issueInvoice(
      await q.as('finance', daysAgo),
      InvoiceInput.parse({ orderId, kind: 'vat_special', externalNo: externalNo(), ...extra }),
    );

  // A deposit the rep collected and reported; finance has not confirmed it yet.
  const approvedId = q.refs.get('orderApproved');
  if (approvedId)
    await transfer('rep1', 1, approvedId, 30, 'deposit', '客户已转账预付款，回单拍照已上传，请财务核准。');

  // Delivered order: the first invoice had the buyer's tax number wrong — voided and reissued;
  // half was reported by the rep and confirmed, the rest came as a cheque not yet cleared.
  const deliveredId = q.refs.get('orderDelivered');
  if (deliveredId) {
    const wrong = await invoice(23, deliveredId, { buyerTaxNo: '91320506MA1MXXXX0Q' });
    await voidInvoice(await q.as('finance', 22), wrong.id, {
      version: await q.version('invoices', wrong.id),
      reason: '购方纳税人识别号填写错误，收回原发票联及抵扣联作废。',
    });
    await reissueInvoice(
      await q.as('finance', 22),
      wrong.id,
      InvoiceReissueInput.parse({ kind: 'vat_special', externalNo: externalNo() }),
    );
    const reported = await transfer('rep1', 10, deliveredId, 50, 'instalment', '客户财务电汇首笔货款。');
    await transitionPayment(await q.as('finance', 9), reported.body.id, 'confirm', {
      version: reported.body.version,
      comment: '已核对银行流水，到账无误。',
    });
    await recordPayment(
      await q.as('finance', 3),
      PaymentInput.parse({
        orderId: deliveredId,
        kind: 'instalment',
        method: 'cheque',
        chequeNo: '30812457',
        amount: toMoneyString(money(await share(q, deliveredId, 100)).minus(await share(q, deliveredId, 50))),
        receivedDate: q.day(-3),
        payerName: await payerOf(q, deliveredId),
        remark: '转账支票，已送存银行，待款到账户。',
      }),
    );
  }

  // Partially delivered: finance invoices what has been delivered so far.
  const partialId = q.refs.get('orderPartial');
  if (partialId) {
    const delivered = (await orderLinesOf(q.world.tx, partialId)).filter((l) => money(l.deliveredQty).gt(0));
    await invoice(7, partialId, {
      lines: delivered.map((l) => ({
        productId: l.productId ?? undefined,
        description: l.description,
        spec: l.spec,
        unit: l.unit,
        qty: money(l.deliveredQty).toString(),
        unitPrice: l.unitPrice,
        discountPercent: l.discountPercent,
        taxRate: l.taxRate as InvoiceLineInput['taxRate'],
      })),
    });
  }

  // Paid in full, invoiced late (补开) at the customer's request, then completed.
  const completedId = q.refs.get('orderCompleted');
  if (completedId) {
    await transfer('finance', 20, completedId, 100, 'full', '客户一次性付清货款。');
    await invoice(0, completedId, { isLate: true });
    await completeOrder(await q.as('rep1', 0), completedId, await q.version('orders', completedId));
  }

  // Overdue receivables: invoiced long ago; the older one is 30 % paid and partly proposed for write-off.
  for (const key of ['orderOver90', 'orderOver30'] as const) {
    const id = q.refs.get(key);
    const daysAgo = q.refs.get(`${key}:invoiceDaysAgo`);
    if (!id || daysAgo === undefined) continue;
    await invoice(daysAgo, id, { issueDate: q.day(-daysAgo) });
    if (key === 'orderOver90') {
      await transfer('finance', daysAgo - 25, id, 30, 'instalment', '客户支付部分货款，余款多次催收未果。');
      await requestWriteOff(await q.as('rep1', 0), {
        orderId: id,
        amount: await share(q, id, 20),
        reason: '客户经营困难已停业整顿，经多次催收并发律师函，剩余部分货款确认无法收回，申请核销。',
      });
    }
  }
}
