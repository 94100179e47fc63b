import { checkPaymentPlan, money, type PaymentPlanItemInput, toMoneyString } from '@sales/core';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { ValidationError } from '../../platform/errors/errors.ts';
import { contractPaymentPlan } from './contracts.schema.ts';

/** The payment plan (回款计划) of a contract, in sequence. */
export async function paymentPlanOf(db: DbOrTx, contractId: number) {
  return db
    .select()
    .from(contractPaymentPlan)
    .where(eq(contractPaymentPlan.contractId, contractId))
    .orderBy(asc(contractPaymentPlan.seq));
}

/** Refuses a plan that does not sum exactly to the amount or whose due dates go backwards (field-level 400). */
export function assertPaymentPlan(items: { dueDate: string; amount: string }[], amount: string, field = 'paymentPlan') {
  const issues = checkPaymentPlan(items, amount, field);
  if (issues.length) throw new ValidationError(issues);
}

/**
 * Replaces a draft's plan (or applies an amended one). Received amounts already matched to an
 * item are kept by sequence number, so an amendment never loses confirmed receipts.
 */
export async function replacePaymentPlan(tx: DbOrTx, contractId: number, items: PaymentPlanItemInput[]) {
  const before = await paymentPlanOf(tx, contractId);
  const received = new Map(before.map((p) => [p.seq, p.receivedAmount]));
  await tx.delete(contractPaymentPlan).where(eq(contractPaymentPlan.contractId, contractId));
  if (!items.length) return;
  await tx.insert(contractPaymentPlan).values(
    items.map((it, i) => ({
      contractId,
      seq: i + 1,
      kind: it.kind,
      dueDate: it.dueDate,
      amount: toMoneyString(money(it.amount)),
      receivedAmount: received.get(i + 1) ?? '0',
      note: it.note ?? null,
    })),
  );
}

/** The plan as it appears in diffs and proposals: plain values, money as 2-decimal strings. */
export function planForDiff(items: { kind: string; dueDate: string; amount: string; note?: string | null }[]) {
  return items.map((p) => ({
    kind: p.kind,
    dueDate: p.dueDate,
    amount: toMoneyString(money(p.amount)),
    note: p.note ?? null,
  }));
}
