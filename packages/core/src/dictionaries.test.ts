import { describe, expect, it } from 'vitest';
import {
  CUSTOMER_CLASSES,
  CUSTOMER_KINDS,
  FOLLOW_UP_OUTCOMES,
  FOLLOW_UP_TYPES,
  INDUSTRIES,
  isOneOf,
  REGION_NAMES_ZH,
  REGIONS,
  SOURCE_CHANNELS,
} from './dictionaries.ts';

describe('dictionaries', () => {
  it('has no duplicate codes', () => {
    for (const list of [
      CUSTOMER_KINDS,
      CUSTOMER_CLASSES,
      SOURCE_CHANNELS,
      FOLLOW_UP_TYPES,
      FOLLOW_UP_OUTCOMES,
      INDUSTRIES,
      REGIONS,
    ]) {
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('lists the 34 province-level divisions with GB/T 2260 codes and names', () => {
    expect(REGIONS).toHaveLength(34);
    for (const code of REGIONS) expect(code).toMatch(/^[1-8]\d0000$/);
    expect(Object.keys(REGION_NAMES_ZH).sort()).toEqual([...REGIONS].sort());
    expect(REGION_NAMES_ZH['110000']).toBe('北京市');
    expect(REGION_NAMES_ZH['330000']).toBe('浙江省');
    expect(REGION_NAMES_ZH['820000']).toBe('澳门特别行政区');
  });

  it('isOneOf narrows unknown values', () => {
    expect(isOneOf(CUSTOMER_KINDS, 'company')).toBe(true);
    expect(isOneOf(CUSTOMER_KINDS, 'Company')).toBe(false);
    expect(isOneOf(CUSTOMER_KINDS, 1)).toBe(false);
  });
});
