import { maskAmountsInText } from '@sales/core';
import { and, eq, notInArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { FieldChange } from '../../platform/audit/audit.schema.ts';
import type { Ctx } from '../../platform/context.ts';
import { ForbiddenError } from '../../platform/errors/errors.ts';
import { DEFAULT_ROLES } from '../../platform/org/default-roles.ts';
import { roleGrants, roles } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';

/*
 * SPEC 1.2: contract price terms are confidential fields, masked for roles without the right
 * (issue 9: 法务 sees the contract text, not the prices, unless granted `contract.prices`).
 *
 * On the wire a masked amount is null — never a made-up number — and the contract (or ledger row)
 * carries `pricesMasked: true`, which covers its lines and payment plan too. Texts that embed
 * amounts (the body rendered with {{amount}} / {{amountInWords}}, history lines) show ＊＊＊ instead.
 */

/** Whether this user sees contract price terms. */
export function seesContractPrices(ctx: Pick<Ctx, 'principal'>): boolean {
  return can(ctx.principal, 'contract.prices');
}

/**
 * Drafting, editing and amending a contract set its lines and payment plan, that is its prices: a
 * user who may not see them may not set them either (a masked form cannot be sent back as prices).
 */
export function assertMaySetPrices(ctx: Pick<Ctx, 'principal'>): void {
  if (!seesContractPrices(ctx)) throw new ForbiddenError('contract.prices.required');
}

const LEDGER_FIELDS = ['amount', 'invoicedAmount', 'receivedAmount', 'remainingAmount'] as const;
type Ledger = Record<(typeof LEDGER_FIELDS)[number], string>;
type Masked<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null };

/** The price columns of a contract line (list price, net price, discount and the line amounts). */
export const LINE_PRICE_FIELDS = [
  'listPrice',
  'unitPrice',
  'discountPercent',
  'netAmount',
  'taxAmount',
  'grossAmount',
] as const;
const PLAN_PRICE_FIELDS = ['amount', 'receivedAmount'] as const;

function nulled<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Masked<T, K> {
  const out = { ...row } as Record<string, unknown>;
  for (const k of keys) if (k in out) out[k as string] = null;
  return out as Masked<T, K>;
}

/** A ledger row (list, export) as this user may see it. */
export function presentLedgerPrices<T extends Ledger>(row: T, sees: boolean) {
  return sees
    ? { ...row, pricesMasked: false as boolean }
    : { ...nulled(row, LEDGER_FIELDS), pricesMasked: true as boolean };
}

type RiskLike = { code: string; params: Record<string, unknown> };
// The figures a risk warning quotes from the contract: the overdue sum and the contract amount.
const RISK_AMOUNTS: Record<string, string[]> = { instalment_overdue: ['amount'], over_credit_limit: ['amount'] };

/** The contract detail with every amount masked: ledger, lines, plan, risk figures and the body. */
export function maskContractDetail<
  T extends Ledger & {
    body: string;
    lines: Record<(typeof LINE_PRICE_FIELDS)[number], string | null>[];
    paymentPlan: Record<(typeof PLAN_PRICE_FIELDS)[number], string>[];
    risks: RiskLike[];
  },
>(c: T) {
  return {
    ...nulled(c, LEDGER_FIELDS),
    body: maskAmountsInText(c.body),
    lines: c.lines.map((l) => nulled(l, LINE_PRICE_FIELDS)),
    paymentPlan: c.paymentPlan.map((p) => nulled(p, PLAN_PRICE_FIELDS)),
    risks: c.risks.map((r) => ({ ...r, params: nulled(r.params, RISK_AMOUNTS[r.code] ?? []) })),
    pricesMasked: true,
  };
}

const MONEY_CHANGE = /^(amount|invoicedAmount|receivedAmount|paymentPlan\.\d+\.(amount|receivedAmount))$/;

const maskItems = (v: unknown, keys: readonly string[]) =>
  Array.isArray(v)
    ? v.map((item) => (item && typeof item === 'object' ? nulled(item as Record<string, unknown>, keys) : item))
    : v;

/** A masked change says so, so the history can show ＊＊＊ rather than an empty value. */
export type PriceChange = FieldChange & { masked?: true };

/**
 * One audit / amendment change of a contract with its prices masked: money fields become null,
 * line and plan items lose their prices, amounts inside the body text become ＊＊＊.
 */
export function maskPriceChange(c: FieldChange): PriceChange {
  if (MONEY_CHANGE.test(c.field)) return { field: c.field, old: null, new: null, masked: true };
  if (c.field === 'lines')
    return {
      field: c.field,
      old: maskItems(c.old, LINE_PRICE_FIELDS),
      new: maskItems(c.new, LINE_PRICE_FIELDS),
      masked: true,
    };
  if (c.field === 'paymentPlan')
    return {
      field: c.field,
      old: maskItems(c.old, PLAN_PRICE_FIELDS),
      new: maskItems(c.new, PLAN_PRICE_FIELDS),
      masked: true,
    };
  if (c.field === 'body') {
    const text = (v: unknown) => (typeof v === 'string' ? maskAmountsInText(v) : v);
    const masked = { field: c.field, old: text(c.old), new: text(c.new) };
    return masked.old !== c.old || masked.new !== c.new ? { ...masked, masked: true } : c;
  }
  return c;
}

/** Approval facts of contract documents that are prices. */
const PRICE_FACTS = ['amount'];

/**
 * The approval engine's view of a contract review or amendment for this viewer: the amount fact is
 * null and listed as masked, and amounts in the summary (instances submitted before summaries left
 * the amount out) become ＊＊＊.
 */
export function maskContractApproval(
  ctx: Pick<Ctx, 'principal'>,
  view: { facts: Record<string, unknown>; summary: string },
) {
  if (seesContractPrices(ctx)) return { ...view, maskedFacts: [] };
  return {
    facts: nulled(view.facts, PRICE_FACTS),
    summary: maskAmountsInText(view.summary),
    maskedFacts: PRICE_FACTS.filter((k) => k in view.facts),
  };
}

/**
 * Upgrade of a database made before contract.prices existed, run once (backfill): roles the company
 * added itself that see contracts keep seeing their prices, as they did. The default roles get the
 * grant from their defaults (bootstrap, default_grants_applied) — all but 法务. Returns the roles granted.
 */
export async function grantPricesToCompanyRoles(tx: Tx): Promise<number> {
  const viewers = await tx
    .select({ roleId: roleGrants.roleId })
    .from(roleGrants)
    .innerJoin(roles, eq(roles.id, roleGrants.roleId))
    .where(
      and(
        eq(roleGrants.permission, 'contract.view'),
        notInArray(
          roles.code,
          DEFAULT_ROLES.map((r) => r.code),
        ),
      ),
    );
  if (!viewers.length) return 0;
  const granted = await tx
    .insert(roleGrants)
    .values(viewers.map((v) => ({ roleId: v.roleId, permission: 'contract.prices', scope: 'ALL' })))
    .onConflictDoNothing()
    .returning({ roleId: roleGrants.roleId });
  return granted.length;
}
