import { type ComplaintAction, type ComplaintStatus, nextComplaintStatus } from '@sales/core';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors/errors.ts';
import { translate } from '../../platform/i18n/messages.ts';

/** The next status for `action` per COMPLAINT_TRANSITIONS (packages/core after-sales.ts), or a clear 409. */
export function nextOrThrow(ctx: Pick<Ctx, 'locale'>, status: string, action: ComplaintAction): ComplaintStatus {
  const next = nextComplaintStatus(status as ComplaintStatus, action);
  if (next === null)
    throw new ConflictError('complaint.transition', {
      status: translate(ctx.locale, `complaint.status.${status}`),
      action: translate(ctx.locale, `complaint.action.${action}`),
    });
  return next;
}
