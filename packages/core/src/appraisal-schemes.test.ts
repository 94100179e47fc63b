import { describe, expect, it } from 'vitest';
import { AppraisalSchemeCreate, linearPoints, periodKindOf, thresholdPoints } from './appraisal-schemes.ts';

/** The scheme rules (linear to target, threshold bands), the period forms and the scheme validation. */
describe('linearPoints (weight × min(actual / target, capRatio))', () => {
  it('scores the completion, rounded down to the hundredth', () => {
    // 3,000 of 4,000 = 75 % → 40 × 0.75 = 30.
    expect(linearPoints(40, '4000.00', '3000.00')).toEqual({
      state: 'below',
      completionPercent: '75.00',
      points: '30.00',
      capped: false,
    });
    // 1 of 3 = 33.333… % → 20 × 0.3333… = 6.666… → 6.66 (never a point not earned).
    expect(linearPoints(20, '3', '1')).toMatchObject({ completionPercent: '33.33', points: '6.66' });
  });
  it('caps above the target at capRatio (default 1)', () => {
    expect(linearPoints(40, '1000', '1500')).toEqual({
      state: 'met',
      completionPercent: '150.00',
      points: '40.00',
      capped: true,
    });
    expect(linearPoints(40, '1000', '1500', '1.2')).toMatchObject({ points: '48.00', capped: true });
    expect(linearPoints(40, '1000', '1100', '1.2')).toMatchObject({ points: '44.00', capped: false });
  });
  it('无目标 for a zero or absent target; missing data is an actual of 0', () => {
    expect(linearPoints(40, '0', '500')).toEqual({
      state: 'no_target',
      completionPercent: null,
      points: '0.00',
      capped: false,
    });
    expect(linearPoints(40, null, '500').state).toBe('no_target');
    expect(linearPoints(40, '1000', null)).toMatchObject({ state: 'below', completionPercent: '0.00', points: '0.00' });
  });
});

describe('thresholdPoints (ordered bands)', () => {
  const bands = [
    { from: '3', points: '10' },
    { from: '4', points: '20' },
  ];
  it('gives the highest band the value reaches, whatever the bands order', () => {
    expect(thresholdPoints(bands, '4.50')).toMatchObject({ state: 'met', points: '20.00', band: bands[1] });
    expect(thresholdPoints(bands, '4')).toMatchObject({ points: '20.00' });
    expect(thresholdPoints(bands, '3.99')).toMatchObject({ points: '10.00', band: bands[0] });
    expect(thresholdPoints(bands, '2.99')).toMatchObject({ state: 'below', points: '0.00', band: null });
  });
  it('no data earns nothing and says so', () => {
    expect(thresholdPoints(bands, null)).toMatchObject({ state: 'no_data', points: '0.00', band: null });
  });
  it('over the completion percent: needs a target', () => {
    const pct = [
      { from: '100', points: '15' },
      { from: '80', points: '8' },
    ];
    // 850 of 1,000 = 85 % → the 80 band.
    expect(thresholdPoints(pct, '850', 'percent', '1000')).toMatchObject({
      completionPercent: '85.00',
      points: '8.00',
    });
    expect(thresholdPoints(pct, '850', 'percent', '0')).toMatchObject({ state: 'no_target', points: '0.00' });
    expect(thresholdPoints(pct, '850', 'percent', null).state).toBe('no_target');
  });
});

describe('periodKindOf', () => {
  it('reads month, quarter and year; refuses the rest', () => {
    expect(['2026-05', '2026-Q2', '2026', '2026-13', '2026-Q5', '26'].map(periodKindOf)).toEqual([
      'month',
      'quarter',
      'year',
      null,
      null,
      null,
    ]);
  });
});

describe('AppraisalSchemeCreate', () => {
  const ok = {
    name: '季度考核',
    periodKind: 'quarter',
    indicators: [
      { code: 'revenue', weight: 60, rule: 'linear' },
      { code: 'complaints', weight: 40, rule: 'deduction' },
    ],
  };
  it('accepts weights adding up to 100', () => {
    expect(AppraisalSchemeCreate.safeParse(ok).success).toBe(true);
  });
  it('refuses a sum other than 100 and a non-positive weight, naming the row', () => {
    const r = AppraisalSchemeCreate.safeParse({
      ...ok,
      indicators: [ok.indicators[0], { ...ok.indicators[1], weight: 0 }],
    });
    expect(r.success).toBe(false);
    const issues = r.error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['indicators.1.weight', 'appraisal.scheme_weight_invalid'],
      ['indicators', 'appraisal.scheme_weights_sum'],
    ]);
  });
  it('refuses a band worth more than the weight', () => {
    const r = AppraisalSchemeCreate.safeParse({
      ...ok,
      indicators: [
        { code: 'revenue', weight: 60, rule: 'linear' },
        { code: 'satisfaction', weight: 40, rule: 'threshold', bands: [{ from: '4', points: '41' }] },
      ],
    });
    expect(r.error?.issues.map((i) => i.message)).toEqual(['appraisal.scheme_band_points_invalid']);
  });
  it('refuses a number that is not one under its field, without failing the rows checks (fuzz: a 500)', () => {
    const r = AppraisalSchemeCreate.safeParse({
      ...ok,
      indicators: [
        { code: 'revenue', weight: 60, rule: 'linear', capRatio: "'" },
        { code: 'satisfaction', weight: 40, rule: 'threshold', bands: [{ from: '测试', points: '5' }] },
      ],
    });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['indicators.0.capRatio', 'appraisal.scheme_number_invalid'],
      ['indicators.1.bands.0.from', 'appraisal.scheme_number_invalid'],
    ]);
  });
});
