import { type ContractAction, type ContractStatus, nextContractStatus } from '@sales/core';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors/errors.ts';
import { translate } from '../../platform/i18n/messages.ts';
import './contracts.messages.ts';

/**
 * The guard of every contract state change: the next status from the core transition table, or a
 * 409 naming the current status and the refused action in the user's language.
 */
export function assertContractAction(ctx: Pick<Ctx, 'locale'>, status: string, action: ContractAction): ContractStatus {
  const next = nextContractStatus(status as ContractStatus, action);
  if (next) return next;
  throw new ConflictError(
    'contract.transition',
    {
      status: translate(ctx.locale, `contract.status.${status}`),
      action: translate(ctx.locale, `contract.action.${action}`),
    },
    { status, action },
  );
}
