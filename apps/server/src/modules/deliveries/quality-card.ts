import { money } from '@sales/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import { companyDate } from '../../platform/time.ts';
import { customers } from '../customers/index.ts';
import { productLabels } from '../products/index.ts';
import { batchesById } from '../stock/index.ts';
import { deliveries, deliveryLines } from './deliveries.schema.ts';

/** One entry of a product quality tracking card: a record about the delivered batch/serial. */
export interface QualityCardEntry {
  kind: string;
  id: number;
  no: string;
  /** YYYY-MM-DD */
  date: string;
  status: string;
  customerName: string;
  /** A short description (subject, score, qty …), already in the record's own words. */
  summary: string | null;
}

/**
 * A source of card entries (ticket, return visit, complaint, return …). Each module registers its
 * own from its index.ts — a later module (returns) adds itself the same way, the card never changes.
 */
export interface QualityCardSource {
  kind: string;
  entries(ctx: Ctx, batchId: number, deliveryLineIds: number[]): Promise<QualityCardEntry[]>;
}

const sources: QualityCardSource[] = [];

export function registerQualityCardSource(source: QualityCardSource) {
  if (sources.some((s) => s.kind === source.kind))
    throw new Error(`quality card source ${source.kind} registered twice`);
  sources.push(source);
}

/**
 * 产品质量跟踪卡 (seed 002: 定期对客户进行回访，并填写产品质量跟踪卡): per delivered batch or serial,
 * its deliveries and every ticket, visit, complaint and return about it, oldest first. Company-wide
 * like traceability (trace.view).
 */
export async function qualityCard(ctx: Ctx, batchId: number) {
  const batch = (await batchesById(ctx.db, [batchId])).get(batchId);
  if (!batch) throw new NotFoundError();
  const lines = await ctx.db
    .select({
      lineId: deliveryLines.id,
      deliveryId: deliveries.id,
      no: deliveries.no,
      status: deliveries.status,
      signedDate: deliveries.signedDate,
      shippedAt: deliveries.shippedAt,
      customerName: customers.name,
      qty: deliveryLines.qty,
    })
    .from(deliveryLines)
    .innerJoin(deliveries, eq(deliveries.id, deliveryLines.deliveryId))
    .innerJoin(customers, eq(customers.id, deliveries.customerId))
    .where(and(eq(deliveryLines.batchId, batchId), inArray(deliveries.status, ['shipped', 'signed'])))
    .orderBy(asc(deliveries.id));
  const entries: QualityCardEntry[] = lines.map((l) => ({
    kind: 'delivery',
    id: l.deliveryId,
    no: l.no,
    date: l.signedDate ?? (l.shippedAt ? companyDate(l.shippedAt) : ''),
    status: l.status,
    customerName: l.customerName,
    summary: money(l.qty).toString(),
  }));
  const lineIds = lines.map((l) => l.lineId);
  for (const s of sources) entries.push(...(await s.entries(ctx, batchId, lineIds)));
  entries.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.id - b.id);
  const p = (await productLabels(ctx.db, [batch.productId])).get(batch.productId);
  return { batch: { ...batch, productCode: p?.code ?? '', productName: p?.name ?? '' }, entries };
}
