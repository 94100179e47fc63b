import type { Ctx } from '../../platform/context.ts';
import { companyDate } from '../../platform/time.ts';

/** An omitted period is the current month to date (company calendar day, Asia/Shanghai). */
export function defaultRange(ctx: Pick<Ctx, 'now'>, q: { from?: string; to?: string }) {
  const today = companyDate(ctx.now());
  return { from: q.from ?? `${today.slice(0, 8)}01`, to: q.to ?? today };
}
