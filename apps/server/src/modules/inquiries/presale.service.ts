import {
  PRESALE_TRANSITIONS,
  type PresaleActionInput,
  type PresaleListQuery,
  type PresaleRequestInput,
} from '@sales/core';
import { and, eq, ilike, isNull, lt, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { cappedCount, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { users } from '../../platform/org/org.schema.ts';
import { companyDate } from '../../platform/time.ts';
import { products } from '../products/products.schema.ts';
import { activeUser, findInquiryInScope, findPresaleInScope, presaleScope } from './inquiries.access.ts';
import { inquiries, presaleRequests } from './inquiries.schema.ts';

const assignee = alias(users, 'assignee');
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Raises a pre-sale request (资料 / 技术咨询 / 样品) on an inquiry in the handle scope; the assignee is notified. */
export async function createPresaleRequest(ctx: Ctx, inquiryId: number, input: PresaleRequestInput) {
  return ctx.db.transaction(async (tx) => {
    const q = await findInquiryInScope(ctx, inquiryId, 'inquiry.handle', tx);
    const who = await activeUser(tx, input.assigneeId ?? q.handlerId);
    if (!who) throw ValidationError.field('assigneeId', 'presale.assignee_invalid');
    if (input.productId) {
      const [p] = await tx.select({ id: products.id }).from(products).where(eq(products.id, input.productId));
      if (!p) throw ValidationError.field('productId', 'inquiry.product_invalid');
    }
    const values = {
      inquiryId,
      kind: input.kind,
      detail: input.detail,
      productId: input.productId,
      quantity: input.quantity,
      expectedReturnDate: input.expectedReturnDate,
      assigneeId: who.id,
      deptId: who.deptId,
      createdBy: ctx.principal.userId,
    };
    const [row] = await tx.insert(presaleRequests).values(values).returning({ id: presaleRequests.id });
    await recordAudit(tx, ctx, {
      entityType: 'presale_request',
      entityId: row.id,
      action: 'create',
      changes: Object.entries(values).map(([field, v]) => ({ field, old: null, new: v })),
    });
    if (who.id !== ctx.principal.userId)
      await notify(tx, [who.id], {
        kind: 'presale.assigned',
        titleKey: 'notify.presale.assigned',
        params: { by: ctx.principal.name, detail: input.detail.slice(0, 50) },
        link: `/presale-requests/${row.id}`,
      });
    return row.id;
  });
}

/**
 * Moves a request along its states (PRESALE_TRANSITIONS); 'return' records a fulfilled sample
 * as returned. Out of the handle scope → 404; a wrong state → 409, nothing changed.
 */
export async function actOnPresaleRequest(ctx: Ctx, id: number, input: PresaleActionInput) {
  return ctx.db.transaction(async (tx) => {
    const r = await findPresaleInScope(ctx, id, 'inquiry.handle', tx);
    if (r.version !== input.version) throw new StaleVersionError();
    const now = ctx.now();
    let set: Partial<typeof presaleRequests.$inferInsert>;
    if (input.action === 'return') {
      if (r.kind !== 'sample' || r.status !== 'fulfilled' || r.returnedAt)
        throw new ConflictError('presale.transition_invalid');
      set = { returnedAt: now };
    } else {
      const t = PRESALE_TRANSITIONS[input.action];
      if (!t.from.includes(r.status as never)) throw new ConflictError('presale.transition_invalid');
      set = { status: t.to };
      if (t.to === 'fulfilled') Object.assign(set, { fulfilledAt: now, fulfilledBy: ctx.principal.userId });
    }
    if (input.note) set.note = input.note;
    await tx
      .update(presaleRequests)
      .set({ ...set, version: r.version + 1, updatedAt: now })
      .where(eq(presaleRequests.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'presale_request',
      entityId: id,
      action: input.action,
      changes: [
        set.status ? { field: 'status', old: r.status, new: set.status } : { field: 'returnedAt', old: null, new: now },
      ],
      comment: input.note,
    });
  });
}

function presaleSelect(ctx: Ctx) {
  return ctx.db
    .select({
      r: presaleRequests,
      assigneeName: assignee.name,
      contactName: inquiries.contactName,
      company: inquiries.company,
      productName: products.name,
    })
    .from(presaleRequests)
    .innerJoin(assignee, eq(assignee.id, presaleRequests.assigneeId))
    .innerJoin(inquiries, eq(inquiries.id, presaleRequests.inquiryId))
    .leftJoin(products, eq(products.id, presaleRequests.productId));
}
type Row = Awaited<ReturnType<ReturnType<typeof presaleSelect>['where']>>[number];
const present = (today: string, { r, ...rest }: Row) => ({
  ...r,
  ...rest,
  returnedAt: iso(r.returnedAt),
  fulfilledAt: iso(r.fulfilledAt),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  // A sample out past its expected return date and not back (样品逾期未还).
  returnOverdue:
    r.kind === 'sample' && r.status === 'fulfilled' && !r.returnedAt && (r.expectedReturnDate ?? today) < today,
});

/** Overdue samples: lent out (fulfilled), not returned, expected back before today. */
const returnOverdueWhere = (today: string) =>
  and(
    eq(presaleRequests.kind, 'sample'),
    eq(presaleRequests.status, 'fulfilled'),
    isNull(presaleRequests.returnedAt),
    lt(presaleRequests.expectedReturnDate, today),
  ) as SQL;

/** Pre-sale requests in scope, newest first; filters: kind, status, overdue sample returns, keyword. */
export async function listPresaleRequests(ctx: Ctx, q: PresaleListQuery) {
  const today = companyDate(ctx.now());
  const parts: SQL[] = [await presaleScope(ctx)];
  if (q.kind) parts.push(eq(presaleRequests.kind, q.kind));
  if (q.status) parts.push(eq(presaleRequests.status, q.status));
  if (q.returnOverdue === 'true') parts.push(returnOverdueWhere(today));
  if (q.keyword) parts.push(ilike(presaleRequests.detail, `%${q.keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const where = and(...parts) as SQL;
  const [rows, count] = await Promise.all([
    presaleSelect(ctx)
      .where(where)
      .orderBy(...pageOrder(presaleRequests.createdAt, 'desc', presaleRequests.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, presaleRequests, where),
  ]);
  return pageResult(
    rows.map((r) => present(today, r)),
    count,
    q,
  );
}

/** One request in scope. */
export async function getPresaleRequest(ctx: Ctx, id: number) {
  await findPresaleInScope(ctx, id);
  const [row] = await presaleSelect(ctx).where(eq(presaleRequests.id, id));
  const canHandle = await findPresaleInScope(ctx, id, 'inquiry.handle').then(
    () => true,
    () => false,
  );
  return { ...present(companyDate(ctx.now()), row), canHandle };
}
