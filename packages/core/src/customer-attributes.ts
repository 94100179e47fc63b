import { z } from 'zod';
import { GENDERS, INTERESTS, OCCUPATIONS, PURCHASE_INTENTS } from './dictionaries.ts';

/**
 * Customer attributes used to pick invitees and for one-to-one follow-up (seed 001 客户邀约管理:
 * 收集客户基本信息，包括姓名、性别、年龄、联系方式、职业、兴趣爱好等; 购买意向).
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The earliest birth date accepted (older ones are typing mistakes). */
export const BIRTH_DATE_MIN = '1900-01-01';

/** Birth date masked as shown to users who may not see personal data: the year alone. */
export function maskBirthDate(s: string): string {
  return DATE.test(s) ? `${s.slice(0, 4)}-**-**` : '****-**-**';
}

/** Age in whole years on `today` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** The YYYY-MM-DD date `years` years before `today` (29 Feb falls back to 28 Feb). */
export function yearsBefore(today: string, years: number): string {
  const [y, m, d] = today.split('-').map(Number);
  const year = y - years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const nullableEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .enum(values)
    .nullish()
    .transform((v) => v ?? null);

/** The attribute fields of CustomerInput (birthDate is checked by the caller's superRefine). */
export const customerAttributeFields = {
  gender: nullableEnum(GENDERS),
  birthDate: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v : null)),
  occupation: nullableEnum(OCCUPATIONS),
  // Chosen from the interests dictionary; duplicates dropped.
  interests: z
    .array(z.enum(INTERESTS))
    .max(INTERESTS.length)
    .default([])
    .transform((v) => [...new Set(v)]),
  purchaseIntent: nullableEnum(PURCHASE_INTENTS),
};

/** A comma-separated list in a query string ('golf,tea') as an array of dictionary codes. */
const QueryInterests = z
  .string()
  .max(500)
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(INTERESTS)).min(1).max(INTERESTS.length));

/** A real calendar date YYYY-MM-DD (2026-02-30 refused). */
const realDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return DATE.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const QueryDate = z.string().refine((s) => realDate(s), {
  message: 'validation.date',
  params: { key: 'validation.date' },
});

/** The list filters on the attributes (SPEC 2.4, issue 14 item 2); ages in whole years. */
export const customerAttributeFilters = {
  gender: z.enum(GENDERS).optional(),
  ageFrom: z.coerce.number().int().min(0).max(150).optional(),
  ageTo: z.coerce.number().int().min(0).max(150).optional(),
  occupation: z.enum(OCCUPATIONS).optional(),
  /** Any of these interests. */
  interests: QueryInterests.optional(),
  purchaseIntent: z.enum(PURCHASE_INTENTS).optional(),
  /** 最近成交 on or after / on or before this day (last_deal_at, company time zone). */
  lastDealFrom: QueryDate.optional(),
  lastDealTo: QueryDate.optional(),
};

/** Name of a saved customer filter. */
export const SavedFilterName = z.string().trim().min(1).max(50);
