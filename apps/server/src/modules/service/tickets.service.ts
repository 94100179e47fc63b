import { isValidContactPhone, type SlaMetric, type TicketInput } from '@sales/core';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { createdFields, recordAudit } from '../../platform/audit/audit.service.ts';
import { loadWorkCalendar } from '../../platform/calendar/calendar.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError, ValidationError } from '../../platform/errors/errors.ts';
import { nextDocNumber } from '../../platform/numbering/numbering.service.ts';
import { companyDate } from '../../platform/time.ts';
import { findCustomerInScope } from '../customers/index.ts';
import { deliveries, deliveryLines } from '../deliveries/index.ts';
import { productWarrantyMonths } from '../products/index.ts';
import { batchesById } from '../stock/index.ts';
import { serviceTicketSlas, serviceTickets } from './service.schema.ts';
import { dueAt as dueAtOf, startClock } from './sla.clock.ts';
import { policyFor } from './sla-policies.ts';
import { clockColumns } from './tickets.clocks.ts';
import { getTicket } from './tickets.queries.ts';
import { inWarranty, warrantyOf } from './warranty.ts';
import './service.messages.ts';

const AUDITED = [
  'type',
  'source',
  'priority',
  'customerId',
  'contactName',
  'contactPhone',
  'deliveryLineId',
  'productId',
  'batchNo',
  'serialNo',
  'warrantyUntil',
  'inWarranty',
  'chargeable',
  'subject',
  'description',
] as const;

/**
 * The product, batch/serial and warranty of the delivered line a ticket is about: the line must be
 * on a signed delivery of the customer; warranty from the sign-off date + the product's months.
 */
async function deliveredProduct(tx: Tx, ctx: Ctx, customerId: number, lineId: number | null) {
  if (lineId === null)
    // No delivered product (a consultation, say): no warranty to apply and nothing to charge for.
    return {
      productId: null,
      batchId: null,
      batchNo: null,
      serialNo: null,
      signedOn: null,
      warrantyUntil: null,
      inWarranty: false,
      chargeable: false,
    };
  const [line] = await tx
    .select({ productId: deliveryLines.productId, batchId: deliveryLines.batchId, signedOn: deliveries.signedDate })
    .from(deliveryLines)
    .innerJoin(deliveries, eq(deliveries.id, deliveryLines.deliveryId))
    .where(and(eq(deliveryLines.id, lineId), eq(deliveries.customerId, customerId), eq(deliveries.status, 'signed')));
  if (!line?.signedOn) throw ValidationError.field('deliveryLineId', 'ticket.delivery_line_invalid');
  const batch = line.batchId ? (await batchesById(tx, [line.batchId])).get(line.batchId) : undefined;
  const w = warrantyOf(line.signedOn, await productWarrantyMonths(tx, line.productId));
  const covered = inWarranty(w, companyDate(ctx.now()));
  return {
    productId: line.productId,
    batchId: line.batchId,
    batchNo: batch?.batchNo ?? null,
    serialNo: batch?.serialNo ?? null,
    signedOn: line.signedOn,
    warrantyUntil: w.until,
    inWarranty: covered,
    // Out of warranty is paid service (SPEC 4.1).
    chargeable: !covered,
  };
}

/**
 * Opens a service ticket (售后工单): numbered GD-…, warranty from the delivered line, both SLA clocks
 * started now with the targets of the policy for its type × priority × customer class.
 */
export async function createTicket(ctx: Ctx, input: TicketInput) {
  const id = await ctx.db.transaction((tx) => openTicket(tx, ctx, input));
  return getTicket(ctx, id);
}

/** createTicket's steps inside the caller's transaction (a complaint's repair decision); returns its id. */
export async function openTicket(tx: Tx, ctx: Ctx, input: TicketInput): Promise<number> {
  // The engineer must be able to call the contact back: a mobile or a landline with area code.
  if (input.contactPhone && !isValidContactPhone(input.contactPhone))
    throw ValidationError.field('contactPhone', 'ticket.phone_invalid');
  const customer = await findCustomerInScope(ctx, input.customerId, 'customer.view', tx).catch((e) => {
    if (e instanceof NotFoundError) throw ValidationError.field('customerId', 'ticket.customer_not_found');
    throw e;
  });
  const product = await deliveredProduct(tx, ctx, customer.id, input.deliveryLineId);
  const now = ctx.now();
  const policy = await policyFor(tx, input.type, input.priority, customer.class);
  const cal = await loadWorkCalendar(tx);
  const no = await nextDocNumber(tx, 'serviceTicket', now);
  const values = {
    type: input.type,
    source: input.source,
    priority: input.priority,
    customerId: customer.id,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    deliveryLineId: input.deliveryLineId,
    subject: input.subject,
    description: input.description,
    ...product,
  };
  const targets: Record<SlaMetric, number> = {
    response: policy.responseMinutes,
    resolution: policy.resolutionMinutes,
  };
  const starts = {
    response: startClock(now, targets.response * 60_000),
    resolution: startClock(now, targets.resolution * 60_000),
  };
  // Installation is due within the set time (seed 003): as agreed, else the resolution target.
  const due = input.dueAt
    ? new Date(input.dueAt)
    : input.type === 'installation'
      ? dueAtOf(starts.resolution, cal)
      : null;
  if (due && due <= now) throw ValidationError.field('dueAt', 'ticket.due_in_past');
  const [row] = await tx
    .insert(serviceTickets)
    .values({
      ...values,
      dueAt: due,
      no,
      ownerId: ctx.principal.userId,
      ownerDeptId: ctx.principal.deptId,
      createdBy: ctx.principal.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: serviceTickets.id });
  await tx.insert(serviceTicketSlas).values(
    (['response', 'resolution'] as const).map((metric) => ({
      ticketId: row.id,
      metric,
      ...clockColumns(starts[metric], cal, policy.warnPercent),
    })),
  );
  await recordAudit(tx, ctx, {
    entityType: 'service_ticket',
    entityId: row.id,
    action: 'create',
    changes: [{ field: 'no', old: null, new: no }, ...createdFields(values, AUDITED)],
  });
  return row.id;
}
