import { and, desc, eq } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import type { Ctx } from '../../platform/context.ts';
import { listAttachments } from '../../platform/files/index.ts';
import { users } from '../../platform/org/org.schema.ts';
import { productLabels } from '../products/index.ts';
import { batchesById } from '../stock/index.ts';
import { findDeliveryInScope } from './deliveries.access.ts';
import { findOrderLinesForDelivery } from './deliveries.order-view.ts';
import { replacementSourceNo } from './deliveries.sources.ts';

/** A planned line as the audit stores it: `<order line id>×<qty>[ #<batch id>]`. */
const LINE = /^(\d+)×([\d.]+)(?: #(\d+))?$/;
/** A replacement note's source as the audit stores it: `<document type>:<id>`. */
const SOURCE = /^([a-z_]+):(\d+)$/;

/**
 * A note's history from the audit trail, newest first. The audit keeps ids (order, order lines,
 * batches, the signed copy); the history shows what they are — order number, product, batch
 * number, file name (issue 11: no ids where names belong).
 */
export async function deliveryTimeline(ctx: Ctx, id: number) {
  const d = await findDeliveryInScope(ctx, id);
  const rows = await ctx.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      changes: auditLog.changes,
      comment: auditLog.comment,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entityType, 'delivery'), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.id))
    .limit(300);
  const name = await namer(
    ctx,
    d.orderId,
    id,
    rows.flatMap((r) => r.changes ?? []),
  );
  return rows.map((r) => ({
    ...r,
    changes: r.changes?.map((c) => ({ ...c, old: name(c.field, c.old), new: name(c.field, c.new) })) ?? null,
    entityType: 'delivery',
    entityId: id,
    at: r.at.toISOString(),
  }));
}

async function namer(
  ctx: Ctx,
  orderId: number,
  deliveryId: number,
  changes: { field: string; old: unknown; new: unknown }[],
) {
  const order = await findOrderLinesForDelivery(ctx.db, orderId);
  const batchIds = new Set<number>();
  for (const c of changes) {
    if (c.field !== 'lines' && !/^line:\d+$/.test(c.field)) continue;
    for (const v of [c.old, c.new]) {
      for (const part of typeof v === 'string' ? v.split(', ') : []) {
        const b = LINE.exec(part)?.[3];
        if (b) batchIds.add(Number(b));
      }
    }
  }
  const batches = await batchesById(ctx.db, [...batchIds]);
  const products = await productLabels(
    ctx.db,
    [...order.lines.values()].map((l) => l.productId).filter((id): id is number => id !== null),
  );
  const files = new Map((await listAttachments(ctx.db, 'delivery', deliveryId)).map((f) => [f.id, f.fileName]));
  // A replacement note's source is stored as `<type>:<id>`: shown as that document's number.
  const sourceNos = new Map<string, string>();
  for (const c of changes) {
    const m = c.field === 'source' && typeof c.new === 'string' ? SOURCE.exec(c.new) : null;
    if (m) sourceNos.set(c.new as string, (await replacementSourceNo(ctx.db, m[1], Number(m[2]))) ?? '-');
  }
  const line = (part: string) => {
    const m = LINE.exec(part);
    if (!m) return part;
    const ol = order.lines.get(Number(m[1]));
    const product = ol?.productId != null ? products.get(ol.productId) : undefined;
    const batch = m[3] ? batches.get(Number(m[3])) : undefined;
    const what = product ? `${product.code} ${product.name}` : part;
    return `${what} × ${Number(m[2])}${batch ? ` (${batch.serialNo ?? batch.batchNo})` : ''}`;
  };
  return (field: string, v: unknown): unknown => {
    if (v === null || v === undefined) return v;
    if (field === 'orderId' && v === orderId) return order.no;
    if (field === 'signedCopy' && typeof v === 'number') return files.get(v) ?? '-';
    if (field === 'source' && typeof v === 'string') return sourceNos.get(v) ?? v;
    if ((field === 'lines' || /^line:\d+$/.test(field)) && typeof v === 'string')
      return v.split(', ').map(line).join('；');
    return v;
  };
}
