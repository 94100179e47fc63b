import { money, toMoneyString } from '@sales/core';
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { listAttachments } from '../../platform/files/index.ts';
import { users } from '../../platform/org/org.schema.ts';
import { productLabels } from '../products/index.ts';
import { batchesById, warehouseNames } from '../stock/index.ts';
import { serviceTicketCharges, serviceTicketParts, serviceVisits } from './service.schema.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The visits (with their photos), parts used and charge lines of one ticket, for its page and its report. */
export async function ticketWork(db: DbOrTx, ticketId: number) {
  const [visits, parts, charges] = await Promise.all([
    db
      .select({
        id: serviceVisits.id,
        engineerName: users.name,
        arrivedAt: serviceVisits.arrivedAt,
        leftAt: serviceVisits.leftAt,
        workDone: serviceVisits.workDone,
      })
      .from(serviceVisits)
      .innerJoin(users, eq(users.id, serviceVisits.engineerId))
      .where(eq(serviceVisits.ticketId, ticketId))
      .orderBy(asc(serviceVisits.arrivedAt), asc(serviceVisits.id)),
    db
      .select()
      .from(serviceTicketParts)
      .where(eq(serviceTicketParts.ticketId, ticketId))
      .orderBy(asc(serviceTicketParts.id)),
    db
      .select({
        id: serviceTicketCharges.id,
        description: serviceTicketCharges.description,
        amount: serviceTicketCharges.amount,
        createdAt: serviceTicketCharges.createdAt,
      })
      .from(serviceTicketCharges)
      .where(eq(serviceTicketCharges.ticketId, ticketId))
      .orderBy(asc(serviceTicketCharges.id)),
  ]);
  const [products, batches, whs, photos] = await Promise.all([
    productLabels(
      db,
      parts.map((p) => p.productId),
    ),
    batchesById(
      db,
      parts.flatMap((p) => (p.batchId ? [p.batchId] : [])),
    ),
    warehouseNames(
      db,
      parts.map((p) => p.warehouseId),
    ),
    Promise.all(visits.map((v) => listAttachments(db, 'service_visit', v.id))),
  ]);
  const total = charges.reduce((s, c) => s.plus(c.amount), money(0));
  return {
    visits: visits.map((v, i) => ({
      ...v,
      arrivedAt: v.arrivedAt.toISOString(),
      leftAt: iso(v.leftAt),
      photos: photos[i].map((p) => ({ id: p.id, fileName: p.fileName })),
    })),
    parts: parts.map((p) => {
      const prod = products.get(p.productId);
      const b = p.batchId ? batches.get(p.batchId) : undefined;
      return {
        id: p.id,
        visitId: p.visitId,
        productId: p.productId,
        productCode: prod?.code ?? '',
        productName: prod?.name ?? '',
        unit: prod?.unit ?? '',
        batchNo: b?.batchNo ?? null,
        serialNo: b?.serialNo ?? null,
        warehouseName: whs.get(p.warehouseId) ?? '',
        qty: money(p.qty).toString(),
        createdAt: p.createdAt.toISOString(),
      };
    }),
    charges: charges.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
    chargeTotal: toMoneyString(total),
  };
}

/** Names of users by id (who recorded training, the manual, the signature). */
export async function userNames(db: DbOrTx, ids: (number | null)[]) {
  const list = [...new Set(ids.filter((x): x is number => x !== null))];
  if (list.length === 0) return new Map<number, string>();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}
