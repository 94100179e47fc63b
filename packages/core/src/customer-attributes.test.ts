import { describe, expect, it } from 'vitest';
import { ageOn, maskBirthDate, yearsBefore } from './customer-attributes.ts';
import { CustomerFilterQuery, CustomerInput } from './customers.ts';
import { GENDERS, INTERESTS, OCCUPATIONS, PURCHASE_INTENTS } from './dictionaries.ts';

describe('customer attributes', () => {
  it('counts whole years of age, the birthday itself included', () => {
    expect(ageOn('1980-06-15', '2026-06-14')).toBe(45);
    expect(ageOn('1980-06-15', '2026-06-15')).toBe(46);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  });

  it('goes back whole years, 29 February to 28 February', () => {
    expect(yearsBefore('2026-12-07', 40)).toBe('1986-12-07');
    expect(yearsBefore('2024-02-29', 1)).toBe('2023-02-28');
  });

  it('masks a birth date to its year', () => {
    expect(maskBirthDate('1978-04-26')).toBe('1978-**-**');
  });

  it('has no duplicate codes', () => {
    for (const list of [GENDERS, OCCUPATIONS, INTERESTS, PURCHASE_INTENTS])
      expect(new Set(list).size).toBe(list.length);
  });

  it('checks the birth date and dictionaries on input, and drops repeated interests', () => {
    const ok = CustomerInput.parse({ kind: 'individual', name: '甲', interests: ['golf', 'golf', 'tea'] });
    expect(ok.interests).toEqual(['golf', 'tea']);
    const bad = CustomerInput.safeParse({ kind: 'individual', name: '甲', birthDate: '1980-13-01' });
    expect(bad.success).toBe(false);
    expect(CustomerInput.safeParse({ kind: 'individual', name: '甲', birthDate: '1980-**-**' }).success).toBe(true);
  });

  it('parses the query-string form of the attribute filters', () => {
    expect(CustomerFilterQuery.parse({ ageFrom: '40', interests: 'golf,tea', lastDealTo: '2026-03-01' })).toMatchObject(
      {
        ageFrom: 40,
        interests: ['golf', 'tea'],
        lastDealTo: '2026-03-01',
      },
    );
    expect(CustomerFilterQuery.safeParse({ interests: 'golf,skydiving' }).success).toBe(false);
    expect(CustomerFilterQuery.safeParse({ ageFrom: '-1' }).success).toBe(false);
    expect(CustomerFilterQuery.safeParse({ lastDealFrom: '2026-02-30' }).success).toBe(false);
    expect(CustomerFilterQuery.safeParse({ lastDealTo: '2026-13-01' }).success).toBe(false);
  });
});
