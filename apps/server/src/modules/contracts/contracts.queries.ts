import { type ContractStatus, contractActions, money, toMoneyString } from '@sales/core';
import { and, eq, sql } from 'drizzle-orm';
import { approvalInstances } from '../../platform/approvals/approvals.schema.ts';
import type { Ctx } from '../../platform/context.ts';
import { listAttachments } from '../../platform/files/index.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { companyDate } from '../../platform/time.ts';
import { customers } from '../customers/index.ts';
import { lateOrdersOfContract } from '../orders/index.ts';
import { findContractInScope } from './contracts.access.ts';
import { contractLinesOf } from './contracts.lines.ts';
import { paymentPlanOf } from './contracts.plan.ts';
import { maskContractDetail, seesContractPrices } from './contracts.prices.ts';
import { CONTRACT_DOC } from './contracts.review.ts';
import { contractDisputes } from './contracts.schema.ts';
import { contractSource } from './contracts.source.ts';

export type RiskFlag =
  | { code: 'instalment_overdue'; params: { count: number; amount: string } }
  | { code: 'over_credit_limit'; params: { creditLimit: string; amount: string } }
  | { code: 'delivery_late'; params: { orders: string; dueDate: string } };

/**
 * Risk warnings (SPEC 3.3): a plan item past due and not fully received; amount over the customer's
 * credit limit; an order of the contract past its delivery date and not fully delivered (交付延迟).
 */
export function riskFlags(
  amount: string,
  creditLimit: string | null,
  plan: { dueDate: string; amount: string; receivedAmount: string }[],
  today: string,
  lateOrders: { no: string; dueDate: string }[] = [],
): RiskFlag[] {
  const flags: RiskFlag[] = [];
  const overdue = plan.filter((p) => p.dueDate < today && money(p.receivedAmount).lt(p.amount));
  if (overdue.length) {
    const due = overdue.reduce((a, p) => a.plus(p.amount).minus(p.receivedAmount), money(0));
    flags.push({ code: 'instalment_overdue', params: { count: overdue.length, amount: toMoneyString(due) } });
  }
  if (creditLimit && money(creditLimit).gt(0) && money(amount).gt(creditLimit)) {
    flags.push({
      code: 'over_credit_limit',
      params: { creditLimit: toMoneyString(creditLimit), amount: toMoneyString(amount) },
    });
  }
  if (lateOrders.length) {
    flags.push({
      code: 'delivery_late',
      params: { orders: lateOrders.map((o) => o.no).join('、'), dueDate: lateOrders[0].dueDate },
    });
  }
  return flags;
}

/**
 * A contract with its lines, payment plan (received per item), scans, open disputes, risk flags and
 * allowed actions; every amount masked for a user without contract.prices (contracts.prices.ts).
 */
export async function getContract(ctx: Ctx, id: number) {
  const c = await findContractInScope(ctx, id);
  const today = companyDate(ctx.now());
  const [lines, plan, files, [cust], [owner], [open], [inst], late, source, allowDirect] = await Promise.all([
    contractLinesOf(ctx.db, id),
    paymentPlanOf(ctx.db, id),
    listAttachments(ctx.db, 'contract', id),
    ctx.db
      .select({ creditLimit: customers.creditLimit, no: customers.no })
      .from(customers)
      .where(eq(customers.id, c.customerId)),
    ctx.db
      .select({ name: users.name, deptName: departments.name })
      .from(users)
      .leftJoin(departments, eq(departments.id, users.deptId))
      .where(eq(users.id, c.ownerId)),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(contractDisputes)
      .where(and(eq(contractDisputes.contractId, id), eq(contractDisputes.status, 'open'))),
    ctx.db
      .select({ id: sql<number | null>`max(${approvalInstances.id})` })
      .from(approvalInstances)
      .where(and(eq(approvalInstances.docType, CONTRACT_DOC), eq(approvalInstances.docId, id))),
    lateOrdersOfContract(ctx.db, id, today),
    contractSource(ctx.db, c),
    getPolicy(ctx.db, 'contracts.allowDirect'),
  ]);
  const status = c.status as ContractStatus;
  const detail = {
    ...c,
    status,
    amount: toMoneyString(c.amount),
    invoicedAmount: toMoneyString(c.invoicedAmount),
    receivedAmount: toMoneyString(c.receivedAmount),
    remainingAmount: toMoneyString(money(c.amount).minus(c.receivedAmount)),
    customerName: c.partyB,
    customerNo: cust?.no ?? null,
    ownerName: owner?.name ?? null,
    deptName: owner?.deptName ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    lines: lines.map((l) => ({ ...l, qty: money(l.qty).toString() })),
    paymentPlan: plan.map((p) => ({
      ...p,
      amount: toMoneyString(p.amount),
      receivedAmount: toMoneyString(p.receivedAmount),
      overdue: p.dueDate < today && money(p.receivedAmount).lt(p.amount),
    })),
    attachments: files,
    openDisputes: Number(open?.n ?? 0),
    reviewInstanceId: inst?.id == null ? null : Number(inst.id),
    source,
    // Signing needs an accepted proposal or quote unless the company allows direct contracts.
    sourceRequired: !allowDirect,
    lateOrders: late,
    risks: riskFlags(c.amount, cust?.creditLimit ?? null, plan, today, late),
    actions: contractActions(status),
  };
  return seesContractPrices(ctx) ? { ...detail, pricesMasked: false } : maskContractDetail(detail);
}
