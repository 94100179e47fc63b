import { describe, expect, it } from 'vitest';
import {
  COMPENSATION_STATES,
  COMPLAINT_ACTIONS,
  COMPLAINT_DECISIONS,
  COMPLAINT_STATUSES,
  type ComplaintAction,
  type ComplaintStatus,
  canVerify,
  complaintActions,
  nextComplaintStatus,
  VisitRecordInput,
} from './after-sales.ts';

// The whole table, written out: every (status, action) not listed here must be refused.
const EXPECTED: Partial<Record<`${ComplaintStatus}:${ComplaintAction}`, ComplaintStatus>> = {
  'open:investigate': 'investigating',
  'open:cancel': 'cancelled',
  'open:mark_incident': 'open',
  'investigating:investigate': 'investigating',
  'investigating:finding': 'investigating',
  'investigating:decide': 'decided',
  'investigating:cancel': 'cancelled',
  'investigating:mark_incident': 'investigating',
  'decided:verify': 'closed',
  'decided:decide': 'decided',
  'decided:mark_incident': 'decided',
};

describe('complaint state table (顾客异议处理单)', () => {
  for (const s of COMPLAINT_STATUSES)
    for (const a of COMPLAINT_ACTIONS)
      it(`${s} --${a}--> ${EXPECTED[`${s}:${a}`] ?? 'refused'}`, () => {
        expect(nextComplaintStatus(s, a)).toBe(EXPECTED[`${s}:${a}`] ?? null);
      });

  it('closed and cancelled are final', () => {
    expect(complaintActions('closed')).toEqual([]);
    expect(complaintActions('cancelled')).toEqual([]);
  });

  it('verification waits for an approved compensation, nothing else', () => {
    for (const status of COMPLAINT_STATUSES)
      for (const decision of [...COMPLAINT_DECISIONS, null])
        for (const compensationState of COMPENSATION_STATES) {
          const want = status === 'decided' && (decision !== 'compensation' || compensationState === 'approved');
          expect(canVerify({ status, decision, compensationState }), `${status} ${decision} ${compensationState}`).toBe(
            want,
          );
        }
  });
});

describe('return visit record', () => {
  it('a reached customer gives a score 1–5; an unreachable one none', () => {
    expect(VisitRecordInput.safeParse({ version: 1, outcome: 'reached' }).success).toBe(false);
    expect(VisitRecordInput.safeParse({ version: 1, outcome: 'reached', satisfaction: 6 }).success).toBe(false);
    expect(VisitRecordInput.safeParse({ version: 1, outcome: 'reached', satisfaction: 3 }).success).toBe(true);
    expect(VisitRecordInput.safeParse({ version: 1, outcome: 'unreachable' }).success).toBe(true);
  });
});
