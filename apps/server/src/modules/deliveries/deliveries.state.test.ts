import {
  canInspect,
  DELIVERY_ACTIONS,
  DELIVERY_STATUSES,
  type DeliveryAction,
  type DeliveryStatus,
  deliveryActions,
  EMERGENCY_RELEASE_STATES,
  INSPECTION_STATUSES,
  type InspectionStatus,
  lineShipBlock,
  nextDeliveryStatus,
} from '@sales/core';
import { describe, expect, it } from 'vitest';

/** The delivery life cycle (SPEC 3.5) written out in full: every status × action. */
const EXPECTED: Record<DeliveryStatus, Partial<Record<DeliveryAction, DeliveryStatus>>> = {
  draft: {
    edit: 'draft',
    cancel: 'cancelled',
    inspect: 'draft',
    checklist: 'draft',
    request_release: 'draft',
    ship: 'shipped',
  },
  shipped: { inspect: 'shipped', sign: 'signed' },
  signed: { inspect: 'signed' },
  cancelled: {},
};

const INSPECTION: Record<InspectionStatus, InspectionStatus[]> = {
  pending: ['passed', 'failed', 'on_hold', 'scrapped'],
  on_hold: ['passed', 'failed', 'pending', 'scrapped'],
  failed: ['on_hold', 'pending', 'scrapped'],
  passed: ['failed', 'on_hold'],
  scrapped: [],
};

describe('delivery state table', () => {
  it('answers every status × action exactly as the life cycle says', () => {
    for (const s of DELIVERY_STATUSES) {
      for (const a of DELIVERY_ACTIONS) {
        expect(nextDeliveryStatus(s, a), `${s} × ${a}`).toBe(EXPECTED[s][a] ?? null);
      }
      expect(deliveryActions(s).sort()).toEqual(Object.keys(EXPECTED[s]).sort());
    }
  });

  it('cancels only from draft and never leaves cancelled or goes back to draft', () => {
    const cancelFrom = DELIVERY_STATUSES.filter((s) => nextDeliveryStatus(s, 'cancel') !== null);
    expect(cancelFrom).toEqual(['draft']);
    expect(deliveryActions('cancelled')).toEqual([]);
    for (const s of ['shipped', 'signed'] as const)
      for (const a of DELIVERY_ACTIONS) expect(nextDeliveryStatus(s, a)).not.toBe('draft');
  });

  it('allows exactly the listed inspection changes (报废 is final, 不合格 never straight to 合格)', () => {
    for (const from of INSPECTION_STATUSES) {
      for (const to of INSPECTION_STATUSES)
        expect(canInspect(from, to), `${from} → ${to}`).toBe(INSPECTION[from].includes(to));
    }
  });

  it('ships a line only when 合格, or 待检/待处理 under an approved emergency release', () => {
    for (const s of INSPECTION_STATUSES) {
      for (const r of EMERGENCY_RELEASE_STATES) {
        const ok = s === 'passed' || (r === 'approved' && (s === 'pending' || s === 'on_hold'));
        expect(lineShipBlock({ inspectionStatus: s, emergencyRelease: r }), `${s}/${r}`).toBe(ok ? null : s);
      }
    }
  });
});
