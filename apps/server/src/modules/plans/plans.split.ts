import { money, PLAN_MONTHS, type SalesPlanRowInput, toMoneyString } from '@sales/core';
import type { FieldIssue } from '../../platform/errors/errors.ts';

/** What the split check knows of the organisation. */
export interface SplitOrg {
  rootId: number;
  depts: Map<number, { name: string; parentId: number | null }>;
  users: Map<number, { name: string; deptId: number }>;
}

export interface SplitPlan {
  targetAmount: string;
  targetCustomers: number;
  rows: SalesPlanRowInput[];
}

const MAX_ISSUES = 20;

export const rowName = (org: SplitOrg, r: { deptId: number; userId: number | null }) =>
  r.userId !== null ? (org.users.get(r.userId)?.name ?? '') : (org.depts.get(r.deptId)?.name ?? '');

const sumAmounts = (xs: string[]) => xs.reduce((s, x) => s.plus(money(x)), money(0));

/**
 * The split must sum (SPEC 2.1, issue 13: clear error naming the row that does not): the company
 * row's months sum to the assigned task; each row that has rows below it (sub-departments, and reps
 * of that department) equals their sum in every month, for the amount and the number of customers.
 * Amounts are added with decimal.js (exact cents). Returns field issues naming the row and month.
 */
export function checkSplit(org: SplitOrg, plan: SplitPlan): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (i: FieldIssue) => issues.length < MAX_ISSUES && issues.push(i);
  const key = (r: { deptId: number; userId: number | null }) => `${r.deptId}:${r.userId ?? 0}`;
  const index = new Map<string, number>();
  const rowIssue = (r: SalesPlanRowInput, i: number): FieldIssue | null => {
    if (r.userId !== null) {
      const u = org.users.get(r.userId);
      if (!u) return { field: `rows.${i}.userId`, code: 'plans.rep_invalid' };
      if (u.deptId !== r.deptId) return { field: `rows.${i}.deptId`, code: 'plans.rep_dept', params: { row: u.name } };
    } else if (!org.depts.has(r.deptId)) {
      return { field: `rows.${i}.deptId`, code: 'plans.dept_invalid' };
    }
    if (index.has(key(r))) return { field: `rows.${i}`, code: 'plans.row_duplicate', params: { row: rowName(org, r) } };
    index.set(key(r), i);
    return null;
  };
  plan.rows.forEach((r, i) => {
    const issue = rowIssue(r, i);
    if (issue) add(issue);
  });
  if (issues.length || plan.rows.length === 0) return issues;

  const rootIdx = index.get(`${org.rootId}:0`);
  if (rootIdx === undefined) return [{ field: 'rows', code: 'plans.company_row_missing' }];
  const root = plan.rows[rootIdx];
  const amountSum = sumAmounts(root.amounts);
  if (!amountSum.eq(money(plan.targetAmount)))
    add({
      field: `rows.${rootIdx}.amounts`,
      code: 'plans.months_mismatch',
      params: { row: rowName(org, root), sum: toMoneyString(amountSum), expected: toMoneyString(plan.targetAmount) },
    });
  const customerSum = root.customers.reduce((s, x) => s + x, 0);
  if (customerSum !== plan.targetCustomers)
    add({
      field: `rows.${rootIdx}.customers`,
      code: 'plans.months_mismatch_customers',
      params: { row: rowName(org, root), sum: customerSum, expected: plan.targetCustomers },
    });

  // Children of each department row present in the plan; a row whose parent row is absent is an orphan.
  const children = new Map<number, number[]>();
  plan.rows.forEach((r, i) => {
    if (i === rootIdx) return;
    const parentDept = r.userId !== null ? r.deptId : org.depts.get(r.deptId)?.parentId;
    const parentIdx = parentDept == null ? undefined : index.get(`${parentDept}:0`);
    if (parentIdx === undefined) {
      add({ field: `rows.${i}`, code: 'plans.parent_missing', params: { row: rowName(org, r) } });
      return;
    }
    children.set(parentIdx, [...(children.get(parentIdx) ?? []), i]);
  });
  for (const [parentIdx, kids] of children) {
    const parent = plan.rows[parentIdx];
    for (let m = 0; m < PLAN_MONTHS; m++) {
      const sum = kids.reduce((s, k) => s.plus(money(plan.rows[k].amounts[m])), money(0));
      if (!sum.eq(money(parent.amounts[m])))
        add({
          field: `rows.${parentIdx}.amounts.${m}`,
          code: 'plans.split_mismatch',
          params: {
            row: rowName(org, parent),
            month: m + 1,
            sum: toMoneyString(sum),
            expected: toMoneyString(parent.amounts[m]),
          },
        });
      const count = kids.reduce((s, k) => s + plan.rows[k].customers[m], 0);
      if (count !== parent.customers[m])
        add({
          field: `rows.${parentIdx}.customers.${m}`,
          code: 'plans.split_mismatch_customers',
          params: { row: rowName(org, parent), month: m + 1, sum: count, expected: parent.customers[m] },
        });
    }
  }
  return issues;
}
