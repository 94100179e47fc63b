import { describe, expect, it } from 'vitest';
import { type AwardCandidate, bonusOf, pickAwards, shortfallPoints } from './appraisal.ts';

/**
 * The appraisal's pure rules (seed 002 考核细则 deductions, the bonus tiers, the awards), each case
 * worked out by hand; the runs over real data are tested in apps/server/src/modules/appraisal.
 */
describe('the seed 002 formula (pure)', () => {
  it.each([
    // target, actual, points per 1 %, cap → state, whole percents below, points
    ['1000.00', '950.00', '0.50', null, 'below', 5, '2.50'], // 95 % → 5 × 0.5
    ['1000.00', '954.00', '0.50', null, 'below', 4, '2.00'], // 4.6 % below: only whole percents count (每降1%)
    ['1000.00', '990.01', '1.00', null, 'met', 0, '0.00'], // 0.999 % below: not a full percent
    ['1000.00', '1200.00', '0.50', null, 'met', 0, '0.00'],
    ['1000.00', null, '0.50', null, 'below', 100, '50.00'], // missing data = 0 actual
    ['2000.00', '0.00', '0.50', '40', 'below', 100, '40.00'], // never more than the weight
    ['0.00', '500.00', '0.50', null, 'no_target', 0, '0.00'], // 无目标
    [null, '500.00', '1.00', null, 'no_target', 0, '0.00'],
  ])('target %s, actual %s at %s/1 %% (cap %s) → %s, %i %% below, −%s', (t, a, per, cap, state, below, pts) => {
    const r = shortfallPoints(t, a, per, cap);
    expect(r).toMatchObject({ state, percentsBelow: below, points: pts });
  });
});

describe('the bonus formula and the awards (pure)', () => {
  const rules = {
    tiers: [
      { minScore: '60.00', coefficient: '0.50' },
      { minScore: '95.00', coefficient: '1.20' },
      { minScore: '75.00', coefficient: '0.80' },
      { minScore: '85.00', coefficient: '1.00' },
    ],
    base: '2000.00',
    cap: '3000.00',
    passMark: '60.00',
  };
  it.each([
    // score → coefficient, bonus (base 2,000.00)
    ['100.00', '1.20', '2400.00'],
    ['95.00', '1.20', '2400.00'], // exactly the top tier
    ['94.99', '1.00', '2000.00'], // a fen below: the next tier
    ['85.00', '1.00', '2000.00'],
    ['75.00', '0.80', '1600.00'],
    ['60.00', '0.50', '1000.00'], // exactly the lowest tier
    ['59.99', '0.00', '0.00'], // below every tier: nothing
    ['0.00', '0.00', '0.00'],
  ])('score %s → × %s = %s', (score, coefficient, amount) => {
    expect(bonusOf(score, rules)).toEqual({ coefficient, amount, capped: false });
  });
  it('pays nothing below the pass mark, whatever the tiers say: pass mark 70, score 69.99 or 60 → 0', () => {
    const none = { coefficient: '0.00', amount: '0.00', capped: false };
    expect(bonusOf('69.99', { ...rules, passMark: '70.00' })).toEqual(none);
    expect(bonusOf('60.00', { ...rules, passMark: '70.00' })).toEqual(none);
    expect(bonusOf('70.00', { ...rules, passMark: '70.00' })).toEqual({
      coefficient: '0.50',
      amount: '1000.00',
      capped: false,
    });
  });
  it('caps the bonus: base 3,000.00 × 1.2 = 3,600.00 → 3,000.00; × 1.0 = 3,000.00 is not cut', () => {
    expect(bonusOf('96.00', { ...rules, base: '3000.00' })).toEqual({
      coefficient: '1.20',
      amount: '3000.00',
      capped: true,
    });
    expect(bonusOf('90.00', { ...rules, base: '3000.00' })).toEqual({
      coefficient: '1.00',
      amount: '3000.00',
      capped: false,
    });
  });

  const c = (personId: number, score: string, more: Partial<AwardCandidate> = {}): AwardCandidate => ({
    personId,
    personName: `P${personId}`,
    score,
    newCustomers: 0,
    complaintPoints: '0.00',
    satisfaction: null,
    ...more,
  });
  it('clear winners: the highest score, the most new customers, the best satisfaction then fewest complaints', () => {
    const awards = pickAwards(
      [
        c(1, '98.00', { newCustomers: 2, complaintPoints: '1.00', satisfaction: '4.50' }),
        c(2, '91.00', { newCustomers: 5, complaintPoints: '5.00', satisfaction: '4.80' }),
        // Same best satisfaction as 2 and fewer complaint points: the service award.
        c(3, '88.00', { newCustomers: 1, complaintPoints: '0.00', satisfaction: '4.80' }),
        // No complaints and no visits: not among the rated, so out of the running for service.
        c(4, '80.00'),
        // Failed (below 60): never the best service, whatever the satisfaction.
        c(5, '50.00', { satisfaction: '5.00' }),
      ],
      '60.00',
    );
    expect(awards).toEqual([
      { award: 'sales_champion', personId: 1, personName: 'P1', basis: { score: '98.00' } },
      { award: 'best_customer_development', personId: 2, personName: 'P2', basis: { newCustomers: 5 } },
      {
        award: 'best_service',
        personId: 3,
        personName: 'P3',
        basis: { complaintPoints: '0.00', satisfaction: '4.80' },
      },
    ]);
  });
  it('ties and zeros give no award; without satisfaction, the fewest complaints among those who passed', () => {
    const awards = pickAwards(
      [
        c(1, '97.00', { newCustomers: 3, complaintPoints: '1.00' }),
        c(2, '97.00', { newCustomers: 3, complaintPoints: '2.00' }),
        c(3, '70.00', { complaintPoints: '0.00' }),
        c(4, '59.99', { complaintPoints: '0.00' }), // failed: the 0 complaints do not count
      ],
      '60.00',
    );
    expect(awards).toEqual([
      { award: 'best_service', personId: 3, personName: 'P3', basis: { complaintPoints: '0.00', satisfaction: null } },
    ]);
    // Nobody with a new customer, and everybody without complaints: no development, no service award.
    expect(pickAwards([c(1, '90.00'), c(2, '80.00')], '60.00').map((a) => a.award)).toEqual(['sales_champion']);
    expect(pickAwards([], '60.00')).toEqual([]);
  });
});
