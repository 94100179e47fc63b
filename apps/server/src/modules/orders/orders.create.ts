import { money, type OrderInput, type OrderUpdateInput } from '@sales/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { createdFields, diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { nextDocNumber } from '../../platform/numbering/numbering.service.ts';
import { companyDate } from '../../platform/time.ts';
import { customerContacts, findCustomerInScope } from '../customers/index.ts';
import { resolveWarehouse } from '../stock/index.ts';
import { assertActiveForSales } from '../training/index.ts';
import { findOrderForChange, orderLinesOf } from './orders.access.ts';
import { priceOrderLines } from './orders.lines.ts';
import { keepMaskedContact } from './orders.masking.ts';
import { orderLines, orders } from './orders.schema.ts';
import { assertVersion, nextStatusOrThrow } from './orders.state.ts';
import './orders.messages.ts';

export const HEADER_FIELDS = [
  'customerId',
  'contactId',
  'channel',
  'requestedDate',
  'promisedDate',
  'warehouseId',
  'specialRequirements',
  'consignee',
  'consigneePhone',
  'shippingAddress',
  'remark',
  'totalNet',
  'totalTax',
  'totalGross',
] as const;

async function headerValues(tx: Tx, ctx: Ctx, input: OrderInput, fromApprovedDocument: boolean) {
  // Orders are only taken for customers the user may see (404 otherwise, like an unknown id).
  let customer: Awaited<ReturnType<typeof findCustomerInScope>>;
  try {
    customer = await findCustomerInScope(ctx, input.customerId, 'customer.view', tx);
  } catch {
    throw ValidationError.field('customerId', 'order.customer_unknown');
  }
  if (input.contactId !== null) {
    const [c] = await tx
      .select({ id: customerContacts.id })
      .from(customerContacts)
      .where(and(eq(customerContacts.id, input.contactId), eq(customerContacts.customerId, input.customerId)));
    if (!c) throw ValidationError.field('contactId', 'order.contact_unknown');
  }
  if (
    input.promisedDate !== null &&
    input.promisedDate < companyDate(ctx.now()) &&
    input.promisedDate < input.requestedDate
  ) {
    throw ValidationError.field('promisedDate', 'order.promised_past');
  }
  const warehouseId = await resolveWarehouse(tx, input.warehouseId);
  const priced = await priceOrderLines(tx, input.lines, customer.class, companyDate(ctx.now()), fromApprovedDocument);
  return {
    header: {
      customerId: input.customerId,
      contactId: input.contactId,
      channel: input.channel,
      requestedDate: input.requestedDate,
      promisedDate: input.promisedDate,
      warehouseId,
      specialRequirements: input.specialRequirements,
      consignee: input.consignee,
      consigneePhone: input.consigneePhone,
      shippingAddress: input.shippingAddress ?? customer.address,
      remark: input.remark,
      ...priced.totals,
    },
    lines: priced.rows,
  };
}

/**
 * Creates a draft order inside the caller's transaction (the order form, or quote → order). The
 * number comes from the gapless counter in the same tx, so a rollback does not burn it (SPEC 1.7).
 */
export async function createOrder(
  tx: Tx,
  ctx: Ctx,
  input: OrderInput & { quoteId?: number; contractId?: number },
): Promise<{ id: number; no: string }> {
  // SPEC 5.4: a new rep creates orders (form, from a quote or a contract) only once the onboarding is passed.
  await assertActiveForSales(tx, ctx.principal.userId, 'ownerId');
  const { header, lines } = await headerValues(
    tx,
    ctx,
    input,
    input.quoteId !== undefined || input.contractId !== undefined,
  );
  const no = await nextDocNumber(tx, 'order', ctx.now());
  const [row] = await tx
    .insert(orders)
    .values({
      ...header,
      no,
      quoteId: input.quoteId ?? null,
      contractId: input.contractId ?? null,
      ownerId: ctx.principal.userId,
      ownerDeptId: ctx.principal.deptId,
      createdBy: ctx.principal.userId,
    })
    .returning();
  await tx.insert(orderLines).values(lines.map((l) => ({ ...l, orderId: row.id })));
  await recordAudit(tx, ctx, {
    entityType: 'order',
    entityId: row.id,
    action: 'create',
    changes: [
      ...createdFields(row, ['no', ...HEADER_FIELDS, 'quoteId', 'contractId']),
      { field: 'lines', old: null, new: lines.length },
    ],
  });
  return { id: row.id, no };
}

function lineSummary(l: {
  lineNo: number;
  productCode: string | null;
  qty: string;
  unitPrice: string;
  discountPercent: string;
  taxRate: string;
}) {
  return `${l.productCode} × ${money(l.qty).toString()} @ ${l.unitPrice} -${l.discountPercent}% (${l.taxRate}%)`;
}

/** Changes a draft order (header and lines replaced together), versioned. */
export async function updateOrder(ctx: Ctx, id: number, input: OrderUpdateInput) {
  return ctx.db.transaction(async (tx) => {
    const o = await findOrderForChange(ctx, id, 'order.edit', tx);
    nextStatusOrThrow(ctx, o.status, 'edit');
    assertVersion(o, input.version);
    const before = await orderLinesOf(tx, id);
    const { header, lines } = await headerValues(
      tx,
      ctx,
      keepMaskedContact(input, o),
      o.quoteId !== null || o.contractId !== null,
    );
    const done = await tx
      .update(orders)
      .set({
        ...header,
        // A changed order must be confirmed again with the customer.
        confirmedAt: null,
        confirmedBy: null,
        specialConfirmedAt: header.specialRequirements === o.specialRequirements ? o.specialConfirmedAt : null,
        version: o.version + 1,
        updatedAt: sql`now()`,
      })
      .where(and(eq(orders.id, id), eq(orders.version, input.version)))
      .returning();
    if (done.length === 0) throw new StaleVersionError();
    await tx.delete(orderLines).where(eq(orderLines.orderId, id));
    await tx.insert(orderLines).values(lines.map((l) => ({ ...l, orderId: id })));
    const changes = diffFields(o, done[0], HEADER_FIELDS);
    const oldLines = before.map(lineSummary).join('; ');
    const newLines = lines.map(lineSummary).join('; ');
    if (oldLines !== newLines) changes.push({ field: 'lines', old: oldLines, new: newLines });
    await recordAudit(tx, ctx, { entityType: 'order', entityId: id, action: 'update', changes });
    return { id };
  });
}
