import type { Client } from '../../../test/harness.ts';

/** A 1×1 PNG: the smallest scan of an invoice the content check accepts. */
export const INVOICE_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
export const invoice = (fileName = '发票.png') => ({
  fileName,
  mimeType: 'image/png' as const,
  contentBase64: INVOICE_PNG,
});

/** A claim body: one line per [category, amount] on `spentOn`, with one invoice. */
export function claimBody(
  title: string,
  lines: [string, string][],
  spentOn: string,
  extra: { eventId?: number; attachments?: ReturnType<typeof invoice>[] } = {},
) {
  return {
    title,
    eventId: extra.eventId,
    lines: lines.map(([category, amount], i) => ({ category, amount, spentOn, description: `${title} 第${i + 1}项` })),
    attachments: extra.attachments ?? [invoice()],
  };
}

async function ok<T = { id: number; version: number }>(
  res: Promise<{ statusCode: number; body: string }>,
  what: string,
) {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return JSON.parse(r.body) as T;
}

/** Files a claim as `who`; returns it (id, version, status…). */
export const fileClaim = (who: Client, body: ReturnType<typeof claimBody>) =>
  ok<{ id: number; version: number; no: string }>(who.post('/api/expense-claims', body), 'claim');

/** Submits a claim as its applicant (optionally asking for the over-budget approval). */
export const submitClaimAs = (who: Client, id: number, version: number, overBudgetReason?: string) =>
  who.post(`/api/expense-claims/${id}/submit`, { version, overBudgetReason });

/** Sets a department budget as `who` (budget.manage). */
export const setBudget = (
  who: Client,
  body: {
    deptId?: number;
    eventId?: number;
    category: string;
    periodStart?: string;
    periodEnd?: string;
    amount: string;
    note?: string;
  },
) => ok<{ id: number; version: number }>(who.post('/api/expense-budgets', body), 'budget');

/** The pending approval of a claim in `who`'s inbox (its instance id), or undefined. */
export async function claimTask(who: Client, claimId: number): Promise<number | undefined> {
  const items = (await who.get('/api/approvals/inbox?pageSize=200')).json().items as {
    docType: string;
    docId: number;
    instanceId: number;
  }[];
  return items.find((i) => i.docType === 'expense_claim' && i.docId === claimId)?.instanceId;
}

/** Approves the claim's current step as `who` (throws when `who` has no task for it). */
export async function approveClaim(who: Client, claimId: number, comment?: string) {
  const inst = await claimTask(who, claimId);
  if (!inst) throw new Error(`no approval task for claim ${claimId}`);
  return who.post(`/api/approvals/${inst}/approve`, { comment });
}
