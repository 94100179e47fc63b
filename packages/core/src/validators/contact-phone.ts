/**
 * A phone number someone can be reached on: a mainland mobile (validators/mobile.ts) or a landline
 * with its area code — trunk prefix 0, then 2–3 more digits of area code (010, 021, 0571 …) and a
 * 7–8 digit subscriber number, 10–12 digits in all (《电信网编号计划》) — or a 400/800 service number.
 * Used where goods or documents go to a person (consignee phone of a delivery note).
 */
import { normalizePhone } from '../normalize.ts';
import { isValidMobile } from './mobile.ts';

const LANDLINE = /^0[1-9]\d{8,10}$/;
const SERVICE = /^[48]00\d{7}$/;

export function isValidContactPhone(input: string | null | undefined): boolean {
  if (!input?.trim()) return false;
  if (isValidMobile(input)) return true;
  const value = normalizePhone(input);
  return LANDLINE.test(value) || SERVICE.test(value);
}
