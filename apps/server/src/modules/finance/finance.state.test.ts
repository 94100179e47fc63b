import {
  agingBucket,
  allocateFifo,
  INVOICE_ACTIONS,
  INVOICE_STATUSES,
  nextInvoiceStatus,
  nextPaymentStatus,
  PAYMENT_ACTIONS,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
} from '@sales/core';
import { describe, expect, it } from 'vitest';

describe('payment and invoice state tables (exhaustive)', () => {
  it('payments: every status × action × method gives exactly the specified next status', () => {
    const expected: Record<string, string | null> = {
      'reported/confirm': 'confirmed',
      'reported/reject': 'rejected',
      'pending_clearance/clear': 'cleared',
      'pending_clearance/bounce': 'bounced',
    };
    for (const s of PAYMENT_STATUSES)
      for (const a of PAYMENT_ACTIONS)
        for (const m of PAYMENT_METHODS) {
          let want = expected[`${s}/${a}`] ?? null;
          if (want === 'confirmed' && m === 'cheque') want = 'pending_clearance';
          expect(nextPaymentStatus(s, a, m), `${s} ${a} ${m}`).toBe(want);
        }
  });

  it('invoices: issued → void and nothing else', () => {
    for (const s of INVOICE_STATUSES)
      for (const a of INVOICE_ACTIONS)
        expect(nextInvoiceStatus(s, a), `${s} ${a}`).toBe(s === 'issued' && a === 'void' ? 'void' : null);
  });

  it('aging buckets at their edges', () => {
    const cases: [number, string][] = [
      [-5, 'notDue'],
      [0, 'notDue'],
      [1, 'd1_30'],
      [30, 'd1_30'],
      [31, 'd31_60'],
      [60, 'd31_60'],
      [61, 'd61_90'],
      [90, 'd61_90'],
      [91, 'over90'],
    ];
    for (const [d, b] of cases) expect(agingBucket(d), String(d)).toBe(b);
  });

  it('FIFO allocation applies credit to the earliest due invoice first and keeps the remainder unapplied', () => {
    const r = allocateFifo(
      [
        { id: 2, dueDate: '2026-03-01', gross: '100.00' },
        { id: 1, dueDate: '2026-02-01', gross: '50.00' },
        { id: 3, dueDate: '2026-03-01', gross: '30.00' },
      ],
      '120.00',
    );
    expect(r.rows).toEqual([
      { id: 1, dueDate: '2026-02-01', gross: '50.00', applied: '50.00', outstanding: '0.00' },
      { id: 2, dueDate: '2026-03-01', gross: '100.00', applied: '70.00', outstanding: '30.00' },
      { id: 3, dueDate: '2026-03-01', gross: '30.00', applied: '0.00', outstanding: '30.00' },
    ]);
    expect(r.unapplied).toBe('0.00');
    expect(allocateFifo([{ id: 1, dueDate: '2026-01-01', gross: '10.00' }], '15.50').unapplied).toBe('5.50');
  });
});
