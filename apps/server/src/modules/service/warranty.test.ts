import { describe, expect, it } from 'vitest';
import { inWarranty, warrantyOf } from './warranty.ts';

describe('warranty from the sign-off date', () => {
  it.each([
    ['2026-03-15', 12, '2027-03-14'],
    ['2026-03-01', 24, '2028-02-29'], // a leap-year February end
    ['2026-01-31', 1, '2026-02-27'], // February has no 31st: the 28th is the anniversary
    ['2025-12-20', 3, '2026-03-19'], // across a year end
    ['2026-02-28', 12, '2027-02-27'],
  ])('signed %s, %i months: covered through %s', (signed, months, until) => {
    expect(warrantyOf(signed, months).until).toBe(until);
  });

  it('covers the last day and not the next; a product without warranty is never covered', () => {
    const w = warrantyOf('2026-03-15', 12);
    expect(inWarranty(w, '2026-03-15')).toBe(true);
    expect(inWarranty(w, '2027-03-14')).toBe(true);
    expect(inWarranty(w, '2027-03-15')).toBe(false);
    expect(inWarranty(warrantyOf('2026-03-15', 0), '2026-03-15')).toBe(false);
  });
});
