import type { EvidenceRecord, SchemeIndicator } from '@sales/core';
import { money, shortfallPoints } from '@sales/core';
import type { disciplineForPeriod } from '../discipline/index.ts';
import type { AppraisalRules, ComputedItem } from './appraisal.compute.ts';

/** Seed 002 考核细则's deduction items: revenue shortfall, 无目标 profit / export, complaints, discipline. */
type Row = SchemeIndicator;
const neg = (p: string) => (money(p).isZero() ? '0.00' : money(p).neg().toFixed(2));

/** A target-based indicator with no target source yet (利润 / 外销): 无目标, nothing deducted (seed 002). */
export function noTarget(indicator: 'profit' | 'export', rules: AppraisalRules, cap: string): ComputedItem {
  const r = shortfallPoints(null, null, rules.perPercent[indicator], cap);
  return {
    indicator,
    points: '0.00',
    evidence: {
      target: null,
      actual: null,
      state: r.state,
      pointsPerPercent: rules.perPercent[indicator],
      cap,
      records: [],
    },
  };
}

export function revenueDeduction(
  target: string | null,
  actual: string,
  rules: AppraisalRules,
  cap: string,
  records: EvidenceRecord[],
): ComputedItem {
  const r = shortfallPoints(target, actual, rules.perPercent.revenue, cap);
  return {
    indicator: 'revenue',
    points: neg(r.points),
    evidence: {
      target,
      actual,
      completionPercent: r.completionPercent,
      percentsBelow: r.percentsBelow,
      pointsPerPercent: rules.perPercent.revenue,
      cap,
      capped: r.capped,
      state: r.state,
      records,
    },
  };
}

/** The complaints of one person in the period (appraisal.compute.ts complaintsOf). */
type ComplaintRow = { id: string; no: string; severity: string; d: string }[];

/** Complaints: 一般投诉扣1分/次, 严重投诉扣5分/次 (seed 002), never more than the row's weight. */
export function complaintItem(cs: ComplaintRow, rules: AppraisalRules, row: Row): ComputedItem {
  const ccap = money(row.weight);
  const cRecords: EvidenceRecord[] = cs.map((c) => ({
    type: 'complaint',
    id: Number(c.id),
    no: c.no,
    date: c.d,
    label: c.severity,
    points: money(c.severity === 'serious' ? rules.complaint.serious : rules.complaint.general).toFixed(2),
  }));
  const cSum = cRecords.reduce((s, c) => s.plus(c.points ?? '0'), money(0));
  return {
    indicator: 'complaints',
    points: neg((cSum.gt(ccap) ? ccap : cSum).toFixed(2)),
    evidence: {
      counts: {
        general: cs.filter((c) => c.severity === 'general').length,
        serious: cs.filter((c) => c.severity === 'serious').length,
      },
      cap: ccap.toFixed(0),
      capped: cSum.gt(ccap),
      records: cRecords,
    },
  };
}

type DisciplineOf = Awaited<ReturnType<typeof disciplineForPeriod>> extends Map<number, infer T> ? T : never;

/** Discipline: each decided incident of the period deducts its level's points; rewards deduct nothing. */
export function disciplineItem(d: DisciplineOf | undefined, rules: AppraisalRules, row: Row): ComputedItem {
  const dcap = money(row.weight);
  const dRecords: EvidenceRecord[] = (d?.records ?? [])
    .filter((x) => x.kind === 'incident')
    .map((x) => ({
      type: 'discipline_record',
      id: x.id,
      no: x.no,
      date: x.occurredOn,
      label: x.level ?? undefined,
      points: money(rules.discipline[x.level as keyof AppraisalRules['discipline']] ?? '0').toFixed(2),
    }));
  const dSum = dRecords.reduce((s, x) => s.plus(x.points ?? '0'), money(0));
  return {
    indicator: 'discipline',
    points: neg((dSum.gt(dcap) ? dcap : dSum).toFixed(2)),
    evidence: {
      counts: { ...(d?.levels ?? { level1: 0, level2: 0, level3: 0, major: 0 }) },
      cap: dcap.toFixed(0),
      capped: dSum.gt(dcap),
      records: dRecords,
    },
  };
}
