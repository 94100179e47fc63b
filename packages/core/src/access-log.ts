import { z } from 'zod';
import { isIsoDate } from './customers.ts';

const isoDate = z.string().refine(isIsoDate, { message: 'validation.date', params: { key: 'validation.date' } });

/**
 * Filters of the PIPL access log (个人信息查看记录): who viewed which record's personal data, when.
 * A record is its type plus its id, or plus a name / number the module resolves.
 */
export const AccessLogFilter = z.object({
  userId: z.coerce.number().int().positive().max(2147483647).optional(),
  entityType: z.string().trim().min(1).max(40).optional(),
  entityId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  /** A record's name or number (e.g. a customer's KH-… or name), with entityType. */
  record: z.string().trim().min(1).max(50).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type AccessLogFilter = z.output<typeof AccessLogFilter>;

export const AccessLogQuery = AccessLogFilter.extend({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type AccessLogQuery = z.output<typeof AccessLogQuery>;
