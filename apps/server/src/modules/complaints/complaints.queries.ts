import {
  type CompensationState,
  type ComplaintDecision,
  type ComplaintFilter,
  type ComplaintListQuery,
  type ComplaintStatsQuery,
  type ComplaintStatus,
  canVerify,
  complaintActions,
} from '@sales/core';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { approvalInstances } from '../../platform/approvals/approvals.schema.ts';
import type { Ctx } from '../../platform/context.ts';
import { listAttachments } from '../../platform/files/index.ts';
import { cappedCount, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { customers } from '../customers/index.ts';
import { deliveries } from '../deliveries/index.ts';
import { complaintScope, findComplaintInScope } from './complaints.access.ts';
import { complaintAffected, complaintInvestigators, complaints } from './complaints.schema.ts';

async function complaintWhere(ctx: Ctx, f: ComplaintFilter): Promise<SQL> {
  const parts: SQL[] = [await complaintScope(ctx)];
  if (f.status) parts.push(eq(complaints.status, f.status));
  if (f.severity) parts.push(eq(complaints.severity, f.severity));
  if (f.customerId) parts.push(eq(complaints.customerId, f.customerId));
  if (f.qualityIncident) parts.push(eq(complaints.qualityIncident, f.qualityIncident === 'true'));
  return and(...parts) as SQL;
}

const owner = alias(users, 'owner');

/** One page of complaints in scope, latest change first. */
export async function listComplaints(ctx: Ctx, q: ComplaintListQuery) {
  const where = await complaintWhere(ctx, q);
  const [rows, count] = await Promise.all([
    ctx.db
      .select({
        id: complaints.id,
        no: complaints.no,
        status: complaints.status,
        category: complaints.category,
        severity: complaints.severity,
        subject: complaints.subject,
        qualityIncident: complaints.qualityIncident,
        decision: complaints.decision,
        verificationResult: complaints.verificationResult,
        customerId: complaints.customerId,
        customerName: customers.name,
        ownerName: owner.name,
        createdAt: complaints.createdAt,
        updatedAt: complaints.updatedAt,
      })
      .from(complaints)
      .innerJoin(customers, eq(customers.id, complaints.customerId))
      .innerJoin(owner, eq(owner.id, complaints.ownerId))
      .where(where)
      .orderBy(...pageOrder(complaints.updatedAt, 'desc', complaints.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, complaints, where),
  ]);
  return pageResult(
    rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() })),
    count,
    q,
  );
}

export async function countComplaints(ctx: Ctx, f: ComplaintFilter) {
  return cappedCount(ctx.db, complaints, await complaintWhere(ctx, f));
}

/** One complaint with its chain: investigators and findings, decision, ticket, replacement, approval, reach, files. */
export async function getComplaint(ctx: Ctx, id: number) {
  const c = await findComplaintInScope(ctx, id);
  const invs = await ctx.db
    .select({
      userId: complaintInvestigators.userId,
      name: users.name,
      role: complaintInvestigators.role,
      dueDate: complaintInvestigators.dueDate,
      finding: complaintInvestigators.finding,
      foundAt: complaintInvestigators.foundAt,
    })
    .from(complaintInvestigators)
    .innerJoin(users, eq(users.id, complaintInvestigators.userId))
    .where(eq(complaintInvestigators.complaintId, id))
    .orderBy(asc(complaintInvestigators.id));
  const affected = await ctx.db
    .select({
      deliveryId: complaintAffected.deliveryId,
      deliveryNo: deliveries.no,
      customerId: complaintAffected.customerId,
      customerName: customers.name,
      ownerName: users.name,
      batchId: complaintAffected.batchId,
      batchNo: sql<string>`(select batch_no from stock_batches b where b.id = ${complaintAffected.batchId})`,
      qty: complaintAffected.qty,
    })
    .from(complaintAffected)
    .innerJoin(deliveries, eq(deliveries.id, complaintAffected.deliveryId))
    .innerJoin(customers, eq(customers.id, complaintAffected.customerId))
    .innerJoin(users, eq(users.id, complaintAffected.ownerId))
    .where(eq(complaintAffected.complaintId, id))
    .orderBy(asc(complaintAffected.id));
  const userIds = [c.ownerId, c.reportedBy, c.handlerId, c.decidedBy, c.verifiedBy].filter(
    (u): u is number => u !== null,
  );
  const names = new Map(
    (await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds))).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const [cust] = await ctx.db.select({ name: customers.name }).from(customers).where(eq(customers.id, c.customerId));
  const docNo = async (did: number | null) =>
    did === null
      ? null
      : ((
          await ctx.db
            .select({ no: deliveries.no, status: deliveries.status })
            .from(deliveries)
            .where(eq(deliveries.id, did))
        )[0] ?? null);
  const delivery = await docNo(c.deliveryId);
  const replacement = await docNo(c.replacementDeliveryId);
  const [order] = c.orderId
    ? (await ctx.db.execute<{ no: string }>(sql`select no from orders where id = ${c.orderId}`)).rows
    : [];
  const [ticket] = c.ticketId
    ? (
        await ctx.db.execute<{ no: string; status: string }>(
          sql`select no, status from service_tickets where id = ${c.ticketId}`,
        )
      ).rows
    : [];
  const [inst] = await ctx.db
    .select({ id: approvalInstances.id, status: approvalInstances.status })
    .from(approvalInstances)
    .where(and(eq(approvalInstances.docType, 'complaint_compensation'), eq(approvalInstances.docId, id)))
    .orderBy(desc(approvalInstances.id))
    .limit(1);
  const status = c.status as ComplaintStatus;
  const handles = can(ctx.principal, 'complaint.handle');
  const isInvestigator = invs.some((i) => i.userId === ctx.principal.userId);
  const actions = complaintActions(status).filter((a) => {
    if (a === 'finding') return isInvestigator;
    if (!handles) return false;
    if (a === 'mark_incident') return !c.qualityIncident && c.deliveryId !== null;
    if (a === 'decide' && status === 'decided') return c.compensationState === 'rejected';
    if (a === 'verify')
      return canVerify({
        status,
        decision: c.decision as ComplaintDecision | null,
        compensationState: c.compensationState as CompensationState,
      });
    return true;
  });
  const name = (u: number | null) => (u === null ? null : (names.get(u) ?? null));
  return {
    id: c.id,
    no: c.no,
    status,
    customerId: c.customerId,
    customerName: cust?.name ?? '',
    orderId: c.orderId,
    orderNo: order?.no ?? null,
    deliveryId: c.deliveryId,
    deliveryNo: delivery?.no ?? null,
    category: c.category,
    severity: c.severity,
    subject: c.subject,
    description: c.description,
    qualityIncident: c.qualityIncident,
    sourceType: c.sourceType,
    sourceId: c.sourceId,
    ownerName: name(c.ownerId),
    reportedByName: name(c.reportedBy),
    handlerName: name(c.handlerId),
    cause: c.cause,
    decision: c.decision,
    decisionNote: c.decisionNote,
    decidedAt: c.decidedAt?.toISOString() ?? null,
    decidedByName: name(c.decidedBy),
    compensationAmount: c.compensationAmount,
    compensationState: c.compensationState,
    approvalInstanceId: inst ? Number(inst.id) : null,
    ticketId: c.ticketId,
    ticketNo: ticket?.no ?? null,
    ticketStatus: ticket?.status ?? null,
    replacementDeliveryId: c.replacementDeliveryId,
    replacementDeliveryNo: replacement?.no ?? null,
    replacementDeliveryStatus: replacement?.status ?? null,
    verificationResult: c.verificationResult,
    verificationNote: c.verificationNote,
    verifiedAt: c.verifiedAt?.toISOString() ?? null,
    verifiedByName: name(c.verifiedBy),
    cancelReason: c.cancelReason,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    investigators: invs.map((i) => ({ ...i, foundAt: i.foundAt?.toISOString() ?? null })),
    affected,
    files: await listAttachments(ctx.db, 'complaint', id),
    actions,
  };
}

/**
 * Complaints filed in a period and their verification result (服务效果的验证及报告, seed 000 4.3), per
 * month and severity, computed in SQL within the viewer's scope.
 */
export async function complaintStats(ctx: Ctx, q: ComplaintStatsQuery) {
  const scope = await complaintScope(ctx);
  const month = sql<string>`to_char(${complaints.createdAt} at time zone 'Asia/Shanghai', 'YYYY-MM')`;
  const rows = await ctx.db
    .select({
      month,
      severity: complaints.severity,
      total: sql<number>`count(*)::int`,
      verified: sql<number>`count(*) filter (where ${complaints.verificationResult} = 'verified')::int`,
      unverified: sql<number>`count(*) filter (where ${complaints.verificationResult} = 'unverified')::int`,
      open: sql<number>`count(*) filter (where ${complaints.status} in ('open','investigating','decided'))::int`,
      incidents: sql<number>`count(*) filter (where ${complaints.qualityIncident})::int`,
    })
    .from(complaints)
    .where(
      and(
        scope,
        sql`${complaints.createdAt} >= (${q.from}::date at time zone 'Asia/Shanghai')`,
        sql`${complaints.createdAt} < ((${q.to}::date + 1) at time zone 'Asia/Shanghai')`,
        sql`${complaints.status} <> 'cancelled'`,
      ),
    )
    .groupBy(month, complaints.severity)
    .orderBy(month, complaints.severity);
  return { items: rows };
}
