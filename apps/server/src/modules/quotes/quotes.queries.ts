import { amountInWords, type QuoteStatus, quoteActions } from '@sales/core';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { approvalInstances } from '../../platform/approvals/approvals.schema.ts';
import type { FieldChange } from '../../platform/audit/audit.schema.ts';
import { listAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { customerContacts, customers } from '../customers/index.ts';
import { findQuoteInScope } from './quotes.access.ts';
import { quoteLinesOf } from './quotes.lines.ts';
import { QUOTE_DOC } from './quotes.service.ts';

/** A quote with its lines, names, the actions its state allows and its latest approval instance. */
export async function getQuote(ctx: Ctx, id: number) {
  const q = await findQuoteInScope(ctx, id);
  const [[names], [inst], lines] = await Promise.all([
    ctx.db
      .select({
        customerName: customers.name,
        customerNo: customers.no,
        ownerName: users.name,
        deptName: departments.name,
        contactName: customerContacts.name,
        contactMobile: customerContacts.mobile,
      })
      .from(customers)
      .leftJoin(users, eq(users.id, q.ownerId))
      .leftJoin(departments, eq(departments.id, q.ownerDeptId))
      .leftJoin(customerContacts, eq(customerContacts.id, q.contactId ?? 0))
      .where(eq(customers.id, q.customerId)),
    ctx.db
      .select({ id: approvalInstances.id, status: approvalInstances.status })
      .from(approvalInstances)
      .where(and(eq(approvalInstances.docType, QUOTE_DOC), eq(approvalInstances.docId, id)))
      .orderBy(desc(approvalInstances.id))
      .limit(1),
    quoteLinesOf(ctx.db, id),
  ]);
  return {
    ...q,
    ...names,
    status: q.status as QuoteStatus,
    createdAt: q.createdAt.toISOString(),
    updatedAt: q.updatedAt.toISOString(),
    customerResponseAt: q.customerResponseAt?.toISOString() ?? null,
    amountInWords: amountInWords(q.totalGross),
    actions: q.isLatest ? quoteActions(q.status as QuoteStatus) : [],
    approvalInstanceId: inst ? Number(inst.id) : null,
    approvalStatus: inst?.status ?? null,
    lines: lines.map(({ quoteId: _q, ...l }) => l),
  };
}

/** Shows customer and contact ids in audit changes as names. */
async function referenceNames(ctx: Ctx, changes: FieldChange[]) {
  const ids = (field: string) => [
    ...new Set(
      changes
        .filter((c) => c.field === field)
        .flatMap((c) => [c.old, c.new])
        .filter((v): v is number => typeof v === 'number'),
    ),
  ];
  const [cs, ks] = [ids('customerId'), ids('contactId')];
  const cust = cs.length
    ? await ctx.db.select({ id: customers.id, name: customers.name }).from(customers).where(inArray(customers.id, cs))
    : [];
  const cont = ks.length
    ? await ctx.db
        .select({ id: customerContacts.id, name: customerContacts.name })
        .from(customerContacts)
        .where(inArray(customerContacts.id, ks))
    : [];
  const maps: Record<string, Map<number, string>> = {
    customerId: new Map(cust.map((c) => [c.id, c.name])),
    contactId: new Map(cont.map((c) => [c.id, c.name])),
  };
  return (field: string, v: unknown) => (typeof v === 'number' ? (maps[field]?.get(v) ?? v) : v);
}

/** The audit trail of a quote (who changed what, when), newest first. */
export async function quoteTimeline(ctx: Ctx, id: number) {
  await findQuoteInScope(ctx, id);
  const rows = await listAudit(ctx.db, 'quote', id);
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((x): x is number => x !== null))];
  const actors = actorIds.length
    ? await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, actorIds))
    : [];
  const names = new Map(actors.map((a) => [a.id, a.name]));
  const ref = await referenceNames(
    ctx,
    rows.flatMap((r) => r.changes),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: 'audit' as const,
    entityType: 'quote',
    action: r.action,
    actorId: r.actorId,
    actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
    // Ids as names; the converted document by its number (kept in the audit comment).
    changes: r.changes.map((c) =>
      c.field === 'convertedOrderId' || c.field === 'convertedContractId'
        ? { ...c, new: r.comment ?? c.new }
        : { ...c, old: ref(c.field, c.old), new: ref(c.field, c.new) },
    ),
    comment: r.comment,
    at: r.at.toISOString(),
  }));
}
