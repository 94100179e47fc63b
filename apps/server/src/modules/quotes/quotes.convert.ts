import { OrderInput, type QuoteConvertInput } from '@sales/core';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ForbiddenError } from '../../platform/errors/errors.ts';
import { can } from '../../platform/permissions/principal.ts';
import { companyDate } from '../../platform/time.ts';
import { createContractDraft } from '../contracts/index.ts';
import { createOrder } from '../orders/index.ts';
import { findQuoteInScope } from './quotes.access.ts';
import { quoteLinesOf } from './quotes.lines.ts';
import { assertVersion, setQuoteStatus } from './quotes.service.ts';
import { assertQuoteAction } from './quotes.state.ts';

/**
 * Turns an accepted quote into a draft order or contract in one step (SPEC 3.2): the quote's
 * lines are copied at the quoted prices, the new document is created by its own module inside
 * this transaction, and the quote becomes converted with a link to it.
 */
export async function convertQuote(ctx: Ctx, id: number, input: QuoteConvertInput) {
  // Converting creates the order or contract as this user: they need that module's create right too.
  if (!can(ctx.principal, input.target === 'order' ? 'order.create' : 'contract.create')) throw new ForbiddenError();
  return ctx.db.transaction(async (tx) => {
    const cur = await findQuoteInScope(ctx, id, 'quote.edit', tx, true);
    assertVersion(cur, input.version);
    const next = assertQuoteAction(ctx, cur.status, 'convert');
    // SPEC 3.2 有效期: the customer accepted prices valid until validUntil; past it they bind nobody.
    const today = companyDate(ctx.now());
    if (cur.validUntil < today) throw new ConflictError('quote.convert_expired', { validUntil: cur.validUntil });
    const lines = await quoteLinesOf(tx, id);
    if (input.target === 'order') {
      const order = await createOrder(tx, ctx, {
        ...OrderInput.parse({
          customerId: cur.customerId,
          contactId: cur.contactId,
          requestedDate: input.requestedDate ?? today,
          remark: [cur.deliveryTerms, cur.paymentTerms].filter(Boolean).join('；') || null,
          lines: lines.map((l) => ({
            productId: l.productId,
            description: l.description,
            qty: l.qty,
            unitPrice: l.unitPrice,
            discountPercent: l.discountPercent,
            taxRate: l.taxRate,
            attributes: l.attributes,
          })),
        }),
        quoteId: id,
      });
      const version = await setQuoteStatus(tx, ctx, cur, next, 'convert', { convertedOrderId: order.id }, order.no);
      return {
        id,
        status: next,
        version,
        target: input.target,
        orderId: order.id,
        orderNo: order.no,
        contractId: null,
        contractNo: null,
      };
    }
    const contract = await createContractDraft(tx, ctx, {
      customerId: cur.customerId,
      title: cur.title,
      quoteId: id,
      deliveryTerms: cur.deliveryTerms,
      paymentTerms: cur.paymentTerms,
      lines: lines.map((l) => ({
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
      })),
    });
    const version = await setQuoteStatus(
      tx,
      ctx,
      cur,
      next,
      'convert',
      { convertedContractId: contract.id },
      contract.no,
    );
    return {
      id,
      status: next,
      version,
      target: input.target,
      orderId: null,
      orderNo: null,
      contractId: contract.id,
      contractNo: contract.no,
    };
  });
}
