import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { companyDate } from '../time.ts';

/** How each document type is numbered (SPEC 1.7: readable, unique, never reused). */
const FORMATS = {
  customer: { prefix: 'KH', period: 'year', pad: 6 },
  opportunity: { prefix: 'SJ', period: 'year', pad: 6 },
  priceAdjustment: { prefix: 'TJ', period: 'year', pad: 5 },
  quote: { prefix: 'BJ', period: 'day', pad: 4 },
  contract: { prefix: 'HT', period: 'year', pad: 5 },
  order: { prefix: 'SO', period: 'day', pad: 4 },
  productionTask: { prefix: 'RW', period: 'day', pad: 4 },
  delivery: { prefix: 'FH', period: 'day', pad: 4 },
  payment: { prefix: 'SK', period: 'day', pad: 4 },
  receipt: { prefix: 'SJ', period: 'day', pad: 4 },
  invoice: { prefix: 'KP', period: 'day', pad: 4 },
  writeOff: { prefix: 'HX', period: 'year', pad: 5 },
  serviceTicket: { prefix: 'GD', period: 'day', pad: 4 },
  complaint: { prefix: 'YY', period: 'day', pad: 4 },
  salesReturn: { prefix: 'TH', period: 'day', pad: 4 },
  milestoneProcess: { prefix: 'LC', period: 'year', pad: 5 },
  // 报销单 (SPEC 5.3).
  expenseClaim: { prefix: 'BX', period: 'day', pad: 4 },
  // 奖惩记录 (JC), 内部审核 (NS), 纠正/预防措施 (CAPA).
  disciplineRecord: { prefix: 'JC', period: 'year', pad: 5 },
  internalAudit: { prefix: 'NS', period: 'year', pad: 4 },
  capa: { prefix: 'CAPA', period: 'year', pad: 4 },
  // 经销商 (SPEC 5.5).
  dealer: { prefix: 'JX', period: 'year', pad: 4 },
} as const satisfies Record<string, { prefix: string; period: 'year' | 'day'; pad: number }>;

export type DocType = keyof typeof FORMATS;

function periodKey(period: 'year' | 'day', at: Date, timeZone: string): string {
  const date = companyDate(at, timeZone);
  return period === 'year' ? date.slice(0, 4) : date.replaceAll('-', '');
}

/**
 * Issues the next number for a document type inside the business transaction. The counter row
 * stays locked until commit and a rollback returns the number, so numbers are gapless.
 */
export async function nextDocNumber(tx: Tx, type: DocType, at: Date, timeZone = 'Asia/Shanghai'): Promise<string> {
  const f = FORMATS[type];
  const period = periodKey(f.period, at, timeZone);
  const res = await tx.execute<{ last_value: number }>(sql`
    insert into doc_sequences (doc_type, period, last_value) values (${type}, ${period}, 1)
    on conflict (doc_type, period) do update set last_value = doc_sequences.last_value + 1
    returning last_value`);
  const n = String(res.rows[0].last_value).padStart(f.pad, '0');
  return `${f.prefix}-${period}-${n}`;
}

/**
 * Issues `count` consecutive numbers of a type at once (a bulk import numbers its rows in one
 * statement); same counter, lock and gapless rollback as nextDocNumber.
 */
export async function nextDocNumbers(
  tx: Tx,
  type: DocType,
  at: Date,
  count: number,
  timeZone = 'Asia/Shanghai',
): Promise<string[]> {
  if (count <= 0) return [];
  const f = FORMATS[type];
  const period = periodKey(f.period, at, timeZone);
  const res = await tx.execute<{ last_value: number }>(sql`
    insert into doc_sequences (doc_type, period, last_value) values (${type}, ${period}, ${count})
    on conflict (doc_type, period) do update set last_value = doc_sequences.last_value + ${count}
    returning last_value`);
  const last = Number(res.rows[0].last_value);
  return Array.from(
    { length: count },
    (_, i) => `${f.prefix}-${period}-${String(last - count + 1 + i).padStart(f.pad, '0')}`,
  );
}
