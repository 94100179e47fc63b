// Local copies of the @sales/core dictionaries (same values). Switch to
// `import { ... } from '@sales/core'` once the core package is published.
export const CUSTOMER_KINDS = ['company', 'individual'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];

export const CUSTOMER_CLASSES = ['A', 'B', 'C', 'KEY'] as const;
export type CustomerClass = (typeof CUSTOMER_CLASSES)[number];

export const SOURCE_CHANNELS = [
  'phone',
  'walk_in',
  'exhibition',
  'online',
  'referral',
  'conference',
  'outdoor',
  'other',
] as const;
export type SourceChannel = (typeof SOURCE_CHANNELS)[number];

export const FOLLOW_UP_TYPES = [
  'call',
  'visit',
  'sms',
  'email',
  'wechat',
  'meeting',
  'test_drive',
  'site_visit',
] as const;
export type FollowUpType = (typeof FOLLOW_UP_TYPES)[number];

export const FOLLOW_UP_OUTCOMES = ['positive', 'neutral', 'negative', 'no_answer'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

export const INDUSTRIES = [
  'manufacturing',
  'retail',
  'medical',
  'food',
  'automotive',
  'real_estate',
  'it',
  'construction',
  'logistics',
  'education',
  'finance',
  'energy',
  'agriculture',
  'government',
  'other',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** GB/T 2260 province-level codes. */
export const REGIONS = [
  '110000',
  '120000',
  '130000',
  '140000',
  '150000',
  '210000',
  '220000',
  '230000',
  '310000',
  '320000',
  '330000',
  '340000',
  '350000',
  '360000',
  '370000',
  '410000',
  '420000',
  '430000',
  '440000',
  '450000',
  '460000',
  '500000',
  '510000',
  '520000',
  '530000',
  '540000',
  '610000',
  '620000',
  '630000',
  '640000',
  '650000',
  '710000',
  '810000',
  '820000',
] as const;
export type Region = (typeof REGIONS)[number];

export const DATA_SCOPES = ['SELF', 'DEPT', 'DEPT_TREE', 'ALL', 'CUSTOM'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

export const CLASS_COLORS: Record<string, string> = {
  KEY: 'red',
  A: 'volcano',
  B: 'blue',
  C: 'default',
};

export const OUTCOME_COLORS: Record<string, string> = {
  positive: 'green',
  neutral: 'blue',
  negative: 'red',
  no_answer: 'default',
};
