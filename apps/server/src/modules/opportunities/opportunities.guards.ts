import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ValidationError } from '../../platform/errors/errors.ts';
import type { MoveRefusal } from './opportunities.state.ts';

/** Turns a refused rule into the error the user sees (409 with the missing items, or a field error). */
export function refuse(ctx: Ctx, r: MoveRefusal | { code: string }, field = 'stageId'): never {
  switch (r.code) {
    case 'opportunity.checklist.incomplete': {
      const missing = (r as Extract<MoveRefusal, { code: 'opportunity.checklist.incomplete' }>).missing;
      const items = missing.map((m) => m.label).join(ctx.locale === 'en-US' ? ', ' : '、');
      throw new ConflictError(r.code, { items }, { missing });
    }
    case 'opportunity.lost_reason_required':
      throw ValidationError.field('lostReason', r.code);
    case 'opportunity.stage.invalid':
    case 'opportunity.checklist.unknown':
      throw ValidationError.field(field, r.code);
    default:
      throw new ConflictError(r.code, 'params' in r ? (r.params as Record<string, unknown>) : {});
  }
}

/** Refuses any change but a reopen on a won or lost opportunity. */
export function assertOpen(row: { status: string }) {
  if (row.status !== 'open') throw new ConflictError('opportunity.closed');
}
