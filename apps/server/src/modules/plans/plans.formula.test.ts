import { describe, expect, it } from 'vitest';
import { leadTargetOf, rateOf } from './plans.formula.ts';

describe('4S lead target (集客目标 = 销售目标 / 集客成交率)', () => {
  it('divides the target by the conversion of the period, rounding up to whole leads', () => {
    // 60 leads, 12 deals: 20 % conversion; 10 deals wanted → 50 leads.
    expect(leadTargetOf(10, '60', '12')).toEqual({ rate: '0.2000', leadTarget: 50 });
    // 7 deals of 30 leads (23.33 %): 5 deals → 21.43 → 22 leads (exact, not from the rounded rate).
    expect(leadTargetOf(5, '30', '7')).toEqual({ rate: '0.2333', leadTarget: 22 });
    expect(leadTargetOf(0, '30', '7')).toEqual({ rate: '0.2333', leadTarget: 0 });
  });
  it('has no rate and no target without leads or deals, never a division error', () => {
    expect(leadTargetOf(10, '0', '0')).toEqual({ rate: null, leadTarget: null });
    expect(leadTargetOf(10, '25', '0')).toEqual({ rate: null, leadTarget: null });
  });
});

describe('achievement rate', () => {
  it('is actual ÷ target in percent, and null (无目标) for a zero target', () => {
    expect(rateOf('45000.00', '60000.00')).toBe('75.00');
    expect(rateOf('1.00', '3.00')).toBe('33.33');
    expect(rateOf('500.00', '0.00')).toBeNull();
    expect(rateOf('0', '0')).toBeNull();
  });
});
