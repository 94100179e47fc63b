import {
  type ContractSignInput,
  type ContractTerminateInput,
  formatYuan,
  money,
  PRICE_MASK,
  renderContractBody,
  toMoneyString,
} from '@sales/core';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, StaleVersionError } from '../../platform/errors/errors.ts';
import { saveAttachment } from '../../platform/files/index.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { cancelTasksByRef } from '../../platform/tasks/index.ts';
import { findContractInScope } from './contracts.access.ts';
import { paymentPlanOf } from './contracts.plan.ts';
import { seesContractPrices } from './contracts.prices.ts';
import { contractAmendments, contracts, contractTemplates } from './contracts.schema.ts';
import { mergeValues } from './contracts.service.ts';
import { assertSignableSource } from './contracts.source.ts';
import { assertContractAction } from './contracts.state.ts';

/**
 * What must have been received before signing under contracts.signAfterDownPayment (real-estate
 * template: sign only after the down-payment or full-payment receipt): the deposit and down-payment
 * items of the plan, or the whole amount when the plan has none.
 */
export function requiredBeforeSigning(amount: string, plan: { kind: string; amount: string }[]): string {
  const upfront = plan.filter((p) => p.kind === 'deposit' || p.kind === 'down_payment');
  return toMoneyString(upfront.length ? upfront.reduce((a, p) => a.plus(p.amount), money(0)) : money(amount));
}

/**
 * Records the signing (签订) of an approved contract: date, both signatories and the scanned signed
 * copy, which commits with the status change.
 */
export async function signContract(ctx: Ctx, id: number, input: ContractSignInput) {
  return ctx.db.transaction(async (tx) => {
    const c = await findContractInScope(ctx, id, 'contract.sign', tx, true);
    if (c.version !== input.version) throw new StaleVersionError();
    const next = assertContractAction(ctx, c.status, 'sign');
    await assertSignableSource(tx, c);
    if (await getPolicy(tx, 'contracts.signAfterDownPayment')) {
      const required = requiredBeforeSigning(c.amount, await paymentPlanOf(tx, id));
      if (money(c.receivedAmount).lt(required)) {
        const yuan = (v: string) => (seesContractPrices(ctx) ? formatYuan(v) : PRICE_MASK);
        throw new ConflictError('contract.sign.down_payment', {
          required: yuan(required),
          received: yuan(c.receivedAmount),
        });
      }
    }
    const scan = await saveAttachment(tx, ctx, 'contract', id, 'contract_scan', input.scan);
    const tpl = c.templateId
      ? (await tx.select().from(contractTemplates).where(eq(contractTemplates.id, c.templateId)))[0]
      : undefined;
    const body = tpl ? renderContractBody(tpl.body, mergeValues({ ...c, signedDate: input.signedDate })) : c.body;
    const [row] = await tx
      .update(contracts)
      .set({
        status: next,
        signedDate: input.signedDate,
        ourSignatory: input.ourSignatory,
        customerSignatory: input.customerSignatory,
        body,
        version: c.version + 1,
        updatedAt: sql`now()`,
      })
      .where(and(eq(contracts.id, id), eq(contracts.version, input.version)))
      .returning({ version: contracts.version });
    await recordAudit(tx, ctx, {
      entityType: 'contract',
      entityId: id,
      action: 'sign',
      changes: [
        { field: 'status', old: c.status, new: next },
        { field: 'signedDate', old: c.signedDate, new: input.signedDate },
        { field: 'ourSignatory', old: c.ourSignatory, new: input.ourSignatory },
        { field: 'customerSignatory', old: c.customerSignatory, new: input.customerSignatory },
        { field: 'scanAttachmentId', old: null, new: scan.id },
      ],
    });
    return { id, version: row.version, status: next, scan };
  });
}

/** Closes a signed contract as fulfilled (履行完毕); its reminders are cancelled. */
export async function completeContract(ctx: Ctx, id: number, version: number) {
  return closeContract(ctx, id, version, 'complete', null);
}

/** Terminates a signed contract (终止) with the reason; its reminders are cancelled. */
export async function terminateContract(ctx: Ctx, id: number, input: ContractTerminateInput) {
  return closeContract(ctx, id, input.version, 'terminate', input.reason);
}

async function closeContract(
  ctx: Ctx,
  id: number,
  version: number,
  action: 'complete' | 'terminate',
  reason: string | null,
) {
  return ctx.db.transaction(async (tx) => {
    const c = await findContractInScope(ctx, id, 'contract.edit', tx, true);
    if (c.version !== version) throw new StaleVersionError();
    const next = assertContractAction(ctx, c.status, action);
    // A pending amendment would apply to a closed contract: decide it (or withdraw it) first.
    const pending = await tx
      .select({ id: contractAmendments.id })
      .from(contractAmendments)
      .where(and(eq(contractAmendments.contractId, id), eq(contractAmendments.status, 'pending')));
    if (pending.length) throw new ConflictError('contract.amendment.pending_exists');
    await tx
      .update(contracts)
      .set({ status: next, version: c.version + 1, updatedAt: sql`now()` })
      .where(eq(contracts.id, id));
    await cancelTasksByRef(tx, 'contract', id, ctx.now());
    await recordAudit(tx, ctx, {
      entityType: 'contract',
      entityId: id,
      action,
      changes: [{ field: 'status', old: c.status, new: next }],
      comment: reason,
    });
    return { id, version: c.version + 1, status: next };
  });
}
