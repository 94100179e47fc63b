import { formatYuan, money } from '@sales/core';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import { auditLog, type FieldChange } from '../../platform/audit/audit.schema.ts';
import type { Ctx } from '../../platform/context.ts';
import { listAttachments } from '../../platform/files/index.ts';
import { users } from '../../platform/org/org.schema.ts';
import { findContractInScope } from './contracts.access.ts';
import { maskPriceChange, type PriceChange, seesContractPrices } from './contracts.prices.ts';
import { contractDisputes } from './contracts.schema.ts';

const MONEY = new Set(['amount', 'invoicedAmount', 'receivedAmount']);
type Row = Record<string, unknown>;

// A price masked by maskPriceChange is null: the item shows without it.
const yuan = (v: unknown) => (v === null || v === undefined ? '' : ` ${formatYuan(String(v))}`);

/** Readable values for the history: money as ¥, lines and plan items as one line each, users and files by name. */
function present(
  c: PriceChange,
  names: Map<number, string>,
  files: Map<number, string>,
  contractNo: string,
): PriceChange {
  const show = (v: unknown): unknown => {
    if (v === null || v === undefined) return v;
    if (c.field === 'lines' && Array.isArray(v))
      return v.map((l: Row) => `${l.description} × ${money(String(l.qty)).toString()}${yuan(l.grossAmount)}`);
    if (c.field === 'paymentPlan' && Array.isArray(v)) return v.map((p: Row) => `${p.dueDate}${yuan(p.amount)}`);
    if ((MONEY.has(c.field) || c.field.endsWith('.receivedAmount')) && typeof v === 'string') return formatYuan(v);
    if (c.field === 'handlerId' && typeof v === 'number') return names.get(v) ?? v;
    if (c.field === 'contractId') return contractNo;
    if (c.field === 'scanAttachmentId' && typeof v === 'number') return files.get(v) ?? '-';
    return v;
  };
  return { ...c, old: show(c.old), new: show(c.new) };
}

/** One contract's history from the audit trail: its own changes and its disputes', newest first. */
export async function contractTimeline(ctx: Ctx, id: number) {
  const contract = await findContractInScope(ctx, id);
  const rows = await ctx.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      entityType: auditLog.entityType,
      action: auditLog.action,
      changes: auditLog.changes,
      comment: auditLog.comment,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      sql`(${auditLog.entityType} = 'contract' and ${auditLog.entityId} = ${id})
       or (${auditLog.entityType} = 'contract_dispute' and ${auditLog.entityId} in (select ${contractDisputes.id} from ${contractDisputes} where ${contractDisputes.contractId} = ${id}))`,
    )
    .orderBy(desc(auditLog.id))
    .limit(300);
  const handlerIds = [
    ...new Set(
      rows
        .flatMap((r) => r.changes.filter((c) => c.field === 'handlerId').flatMap((c) => [c.old, c.new]))
        .filter((v): v is number => typeof v === 'number'),
    ),
  ];
  const names = new Map(
    handlerIds.length
      ? (await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, handlerIds))).map(
          (u) => [u.id, u.name],
        )
      : [],
  );
  const scans = rows.some((r) => r.changes.some((c) => c.field === 'scanAttachmentId'))
    ? await listAttachments(ctx.db, 'contract', id)
    : [];
  const files = new Map(scans.map((f) => [f.id, f.fileName]));
  // SPEC 1.2: without contract.prices the money in the history is masked like on the contract.
  const mask = seesContractPrices(ctx) ? (c: FieldChange): PriceChange => c : maskPriceChange;
  return rows.map((r) => ({
    ...r,
    kind: 'audit' as const,
    at: r.at.toISOString(),
    changes: r.changes.map((c) => present(mask(c), names, files, contract.no)),
  }));
}
