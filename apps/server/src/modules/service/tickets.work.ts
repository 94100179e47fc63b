import type {
  TicketChargeInput,
  TicketCheckInput,
  TicketPartInput,
  TicketSignInput,
  TicketVisitInput,
} from '@sales/core';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ValidationError } from '../../platform/errors/errors.ts';
import { saveAttachment } from '../../platform/files/index.ts';
import { productLabels } from '../products/index.ts';
import { issueStock, resolveWarehouse } from '../stock/index.ts';
import { serviceTicketCharges, serviceTicketParts, serviceVisits } from './service.schema.ts';
import { meet } from './sla.clock.ts';
import { act, field } from './tickets.actions.ts';

/**
 * Records a visit on site (arrive / leave, work done, photos as attachments of the visit). A staff
 * visit is a first response (SPEC 4.1): it meets the response clock like a staff reply.
 */
export function recordVisit(ctx: Ctx, id: number, input: TicketVisitInput) {
  return act(ctx, id, input.version, 'visit', async (t, { tx, cal, now, clocks }) => {
    const arrivedAt = new Date(input.arrivedAt);
    // A visit is recorded when it happened or after, never ahead of time.
    if (arrivedAt > now) throw ValidationError.field('arrivedAt', 'ticket.visit_in_future');
    if (input.leftAt && new Date(input.leftAt) > now) throw ValidationError.field('leftAt', 'ticket.visit_in_future');
    const [v] = await tx
      .insert(serviceVisits)
      .values({
        ticketId: id,
        engineerId: ctx.principal.userId,
        arrivedAt,
        leftAt: input.leftAt ? new Date(input.leftAt) : null,
        workDone: input.workDone,
        createdAt: now,
      })
      .returning({ id: serviceVisits.id });
    for (const [i, photo] of input.photos.entries())
      await saveAttachment(tx, ctx, 'service_visit', v.id, 'photo', photo).catch((e) => {
        if (e instanceof ValidationError) throw ValidationError.field(`photos.${i}`, 'ticket.photo_invalid');
        throw e;
      });
    const status = t.status === 'assigned' ? 'in_progress' : t.status;
    return {
      patch: { status, firstResponseAt: t.firstResponseAt ?? now },
      clocks: { response: meet(clocks.response, cal, now) },
      changes: [field(`visit:${v.id}`, null, input.workDone), field('status', t.status, status)],
    };
  });
}

/**
 * Records a part used on the ticket and issues it from the warehouse's stock in the same
 * transaction (batch/serial for tracked products; never below zero nor into other orders' reservations).
 */
export function usePart(ctx: Ctx, id: number, input: TicketPartInput) {
  return act(ctx, id, input.version, 'part', async (_t, { tx, now }) => {
    const warehouseId = (await resolveWarehouse(tx, input.warehouseId)) as number;
    const p = (await productLabels(tx, [input.productId])).get(input.productId);
    if (!p) throw ValidationError.field('productId', 'ticket.part_product_invalid');
    if (p.tracking !== 'none' && input.batchId === null)
      throw ValidationError.field('batchId', 'stock.batch_required', { product: p.code });
    if (input.visitId !== null) {
      const [v] = await tx
        .select({ id: serviceVisits.id })
        .from(serviceVisits)
        .where(and(eq(serviceVisits.id, input.visitId), eq(serviceVisits.ticketId, id)));
      if (!v) throw ValidationError.field('visitId', 'ticket.visit_invalid');
    }
    const [row] = await tx
      .insert(serviceTicketParts)
      .values({
        ticketId: id,
        visitId: input.visitId,
        warehouseId,
        productId: input.productId,
        batchId: input.batchId,
        qty: input.qty,
        createdBy: ctx.principal.userId,
        createdAt: now,
      })
      .returning({ id: serviceTicketParts.id });
    await issueStock(tx, ctx, { type: 'service_ticket', id }, warehouseId, [
      { orderLineId: null, productId: input.productId, batchId: input.batchId, qty: input.qty },
    ]);
    return {
      patch: {},
      changes: [field(`part:${row.id}`, null, `${p.code} × ${input.qty}`)],
    };
  });
}

/** Adds a charge line of paid service: never on a ticket in warranty, which is free (SPEC 4.1). */
export function addCharge(ctx: Ctx, id: number, input: TicketChargeInput) {
  return act(ctx, id, input.version, 'charge', async (t, { tx, now }) => {
    if (t.inWarranty) throw new ConflictError('ticket.not_chargeable', {});
    const [row] = await tx
      .insert(serviceTicketCharges)
      .values({
        ticketId: id,
        description: input.description,
        amount: input.amount,
        createdBy: ctx.principal.userId,
        createdAt: now,
      })
      .returning({ id: serviceTicketCharges.id });
    return { patch: {}, changes: [field(`charge:${row.id}`, null, `${input.description} ${input.amount}`)] };
  });
}

/** Records user training given or the operation manual handed over, with who and when (seed 003 安装调试). */
export function recordInstallCheck(ctx: Ctx, id: number, input: TicketCheckInput) {
  return act(ctx, id, input.version, 'check', (t, { now }) => {
    if (t.type !== 'installation') throw new ConflictError('ticket.check_installation_only', {});
    const who = ctx.principal.userId as number;
    if (input.item === 'training') {
      if (t.trainingDoneAt) throw new ConflictError('ticket.check_done', {});
      return {
        patch: { trainingDoneAt: now, trainingDoneBy: who },
        changes: [field('trainingDoneAt', null, now.toISOString())],
      };
    }
    if (t.manualHandedAt) throw new ConflictError('ticket.check_done', {});
    return {
      patch: { manualHandedAt: now, manualHandedBy: who },
      changes: [field('manualHandedAt', null, now.toISOString())],
    };
  });
}

/**
 * Records the customer's confirmation: the service report signed by the customer (a signature
 * image or a scanned signed copy) stored with the ticket. Closing needs it (SPEC 4.1).
 */
export function signReport(ctx: Ctx, id: number, input: TicketSignInput) {
  return act(ctx, id, input.version, 'sign', async (t, { tx, now }) => {
    const file = await saveAttachment(tx, ctx, 'service_ticket', id, 'signed_report', input.file);
    return {
      patch: {
        reportSignedAt: now,
        reportSignerName: input.signerName,
        reportSignedBy: ctx.principal.userId,
        reportAttachmentId: file.id,
      },
      changes: [
        field('reportSignerName', t.reportSignerName, input.signerName),
        field('reportAttachmentId', null, file.id),
      ],
    };
  });
}
