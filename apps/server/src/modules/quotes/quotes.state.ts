import { nextQuoteStatus, type QuoteAction, type QuoteStatus } from '@sales/core';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors/errors.ts';
import { translate } from '../../platform/i18n/messages.ts';
import './quotes.messages.ts';

/**
 * The guard of every quote state change: the next status from the core transition table, or a
 * 409 naming the current status and the refused action in the user's language.
 */
export function assertQuoteAction(ctx: Pick<Ctx, 'locale'>, status: string, action: QuoteAction): QuoteStatus {
  const next = nextQuoteStatus(status as QuoteStatus, action);
  if (next) return next;
  throw new ConflictError(
    'quote.transition',
    {
      status: translate(ctx.locale, `quote.status.${status}`),
      action: translate(ctx.locale, `quote.action.${action}`),
    },
    { status, action },
  );
}
