import { money } from '@sales/core';
import { and, asc, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { disciplineRecords } from './discipline.schema.ts';

/** One decided record as appraisal reads it (evidence: the id links to /discipline/:id). */
export interface DisciplineEvidence {
  id: number;
  no: string;
  kind: 'incident' | 'reward';
  occurredOn: string;
  rule: string;
  level: string | null;
  outcome: string | null;
  lossAmount: string;
  compensationAmount: string;
  contributionAmount: string;
  fineAmount: string;
  rewardAmount: string;
  acknowledged: boolean;
}

/** A person's discipline over a period: the records, counts per level, and money totals. */
export interface DisciplineSummary {
  personId: number;
  records: DisciplineEvidence[];
  incidents: number;
  warnings: number;
  levels: { level1: number; level2: number; level3: number; major: number };
  rewards: number;
  /** Compensation + contribution + fine (what the person pays), and the rewards paid to them. */
  deductions: string;
  compensation: string;
  contribution: string;
  fines: string;
  rewardTotal: string;
}

const empty = (personId: number): DisciplineSummary => ({
  personId,
  records: [],
  incidents: 0,
  warnings: 0,
  levels: { level1: 0, level2: 0, level3: 0, major: 0 },
  rewards: 0,
  deductions: '0.00',
  compensation: '0.00',
  contribution: '0.00',
  fines: '0.00',
  rewardTotal: '0.00',
});

/**
 * Each person's decided discipline records whose incident date falls in [from, to] (inclusive,
 * company dates): the appraisal's discipline deductions (issue 15 item 1) read this. Drafts and
 * void records are left out; acknowledgement does not matter (a decided record counts). No data
 * scope here: the caller (a run over a scheme's people) applies its own.
 */
export async function disciplineForPeriod(
  db: DbOrTx,
  period: { from: string; to: string; personIds?: number[] },
): Promise<Map<number, DisciplineSummary>> {
  const parts: SQL[] = [
    inArray(disciplineRecords.status, ['decided', 'acknowledged']),
    gte(disciplineRecords.occurredOn, period.from),
    lte(disciplineRecords.occurredOn, period.to),
  ];
  if (period.personIds) {
    if (period.personIds.length === 0) return new Map();
    parts.push(inArray(disciplineRecords.personId, period.personIds));
  }
  const rows = await db
    .select()
    .from(disciplineRecords)
    .where(and(...parts))
    .orderBy(asc(disciplineRecords.personId), asc(disciplineRecords.occurredOn), asc(disciplineRecords.id));
  const out = new Map<number, DisciplineSummary>();
  for (const r of rows) {
    const s = out.get(r.personId) ?? empty(r.personId);
    out.set(r.personId, s);
    s.records.push({
      id: r.id,
      no: r.no,
      kind: r.kind as 'incident' | 'reward',
      occurredOn: r.occurredOn,
      rule: r.rule,
      level: r.level,
      outcome: r.outcome,
      lossAmount: r.lossAmount,
      compensationAmount: r.compensationAmount,
      contributionAmount: r.contributionAmount,
      fineAmount: r.fineAmount,
      rewardAmount: r.rewardAmount,
      acknowledged: r.status === 'acknowledged',
    });
    if (r.kind === 'reward') {
      s.rewards += 1;
      s.rewardTotal = money(s.rewardTotal).plus(r.rewardAmount).toFixed(2);
      continue;
    }
    s.incidents += 1;
    if (r.outcome === 'warning') s.warnings += 1;
    s.levels[r.level as keyof DisciplineSummary['levels']] += 1;
    s.compensation = money(s.compensation).plus(r.compensationAmount).toFixed(2);
    s.contribution = money(s.contribution).plus(r.contributionAmount).toFixed(2);
    s.fines = money(s.fines).plus(r.fineAmount).toFixed(2);
    s.deductions = money(s.compensation).plus(s.contribution).plus(s.fines).toFixed(2);
  }
  return out;
}
