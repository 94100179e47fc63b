import { describe, expect, it } from 'vitest';
import { nextReturnStatus, RETURN_ACTIONS, RETURN_STATUSES, type ReturnAction, type ReturnStatus } from './returns.ts';

/** Every (status, action) pair of the sales-return state table, spelled out. */
const ALLOWED: Record<ReturnStatus, Partial<Record<ReturnAction, ReturnStatus>>> = {
  submitted: {
    arrive: 'submitted',
    complete: 'completed',
    reject: 'rejected',
    send_back: 'returned',
    withdraw: 'withdrawn',
  },
  returned: { arrive: 'returned', resubmit: 'submitted', withdraw: 'withdrawn' },
  completed: { credit: 'completed' },
  rejected: {},
  withdrawn: {},
};

describe('sales return state table', () => {
  for (const status of RETURN_STATUSES)
    for (const action of RETURN_ACTIONS)
      it(`${status} + ${action} → ${ALLOWED[status][action] ?? 'refused'}`, () => {
        expect(nextReturnStatus(status, action)).toBe(ALLOWED[status][action] ?? null);
      });

  it('rejected and withdrawn returns are final; only a finished return gets its red invoice', () => {
    for (const a of RETURN_ACTIONS) {
      expect(nextReturnStatus('rejected', a)).toBeNull();
      expect(nextReturnStatus('withdrawn', a)).toBeNull();
    }
    expect(RETURN_STATUSES.filter((s) => nextReturnStatus(s, 'credit') !== null)).toEqual(['completed']);
  });
});
