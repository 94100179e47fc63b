import dayjs from 'dayjs';

/** Tag colours of the purchase intent (购买意向). */
export const INTENT_COLORS: Record<string, string> = { high: 'red', medium: 'orange', low: 'blue', none: 'default' };

/** Age in whole years today of a YYYY-MM-DD birth date. */
export function ageOf(birthDate: string): number {
  return dayjs().diff(dayjs(birthDate), 'year');
}
