// Dictionary codes are shared with the server through @sales/core (one source of truth);
// only web-specific presentation (tag colours) and web-only lists live here.
import type { CreditRating } from '@sales/core';

export {
  type CreditRating,
  CUSTOMER_CLASSES,
  CUSTOMER_KINDS,
  type CustomerClass,
  type CustomerKind,
  FOLLOW_UP_OUTCOMES,
  FOLLOW_UP_TYPES,
  type FollowUpOutcome,
  type FollowUpType,
  GENDERS,
  INDUSTRIES,
  INTERESTS,
  type Industry,
  OCCUPATIONS,
  PURCHASE_INTENTS,
  REGIONS,
  type RegionCode as Region,
  SOURCE_CHANNELS,
  type SourceChannel,
} from '@sales/core';

/**
 * Credit ratings. In @sales/core they sit beside the zod schemas (customers.ts), which would pull zod
 * into the web bundle; this copy is checked against the core type in both directions instead.
 */
export const CREDIT_RATINGS = ['A', 'B', 'C', 'D'] as const satisfies readonly CreditRating[];
type MissingRating = Exclude<CreditRating, (typeof CREDIT_RATINGS)[number]>;
export const CREDIT_RATINGS_COMPLETE: [MissingRating] extends [never] ? true : MissingRating = true;

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
