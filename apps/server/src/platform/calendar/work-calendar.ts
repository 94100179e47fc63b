import { tzOffset } from '@date-fns/tz';
import official from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/**
 * The company's working time (issue 12 item 1, SPEC: deadlines follow the company's working-day
 * calendar): which days are working days and which hours of them count.
 *
 * A day is, in this order: what the company set for that date (a holiday of its own, a working
 * Saturday), else the State Council's schedule (public holidays and 调休 working days, from the
 * `chinese-days` package), else its weekday. Pure and synchronous: load it once per use case
 * (calendar.service.ts `loadWorkCalendar`) and ask it as often as needed.
 */

export type DayKind = 'holiday' | 'workday';

export interface CalendarSettings {
  timeZone: string;
  /** ISO weekdays that are working days when nothing else says otherwise (1 = Monday … 7 = Sunday). */
  weekdays: number[];
  /** Minutes after midnight. */
  dayStart: number;
  dayEnd: number;
  /** Optional break inside the day (lunch), minutes after midnight. */
  breakStart: number | null;
  breakEnd: number | null;
}

export interface CompanyDay {
  kind: DayKind;
  name: string | null;
}

export interface DayInfo {
  date: string;
  working: boolean;
  /** Who decided: the company's own entry, the official schedule, or the weekly pattern. */
  source: 'company' | 'official' | 'weekly';
  name: string | null;
}

export const DEFAULT_CALENDAR: CalendarSettings = {
  timeZone: 'Asia/Shanghai',
  weekdays: [1, 2, 3, 4, 5],
  dayStart: 9 * 60,
  dayEnd: 18 * 60,
  breakStart: null,
  breakEnd: null,
};

const OFFICIAL_HOLIDAYS = official.holidays as Record<string, string>;
const OFFICIAL_WORKDAYS = official.workdays as Record<string, string>;
/** The last year the bundled official schedule covers (later years: weekly pattern + company days). */
export const OFFICIAL_LAST_YEAR = Math.max(...Object.keys(OFFICIAL_HOLIDAYS).map((d) => Number(d.slice(0, 4))));

const MINUTE = 60_000;
const DAY_MS = 86_400_000;
/** A search for working time gives up after this many days (a calendar with no working day at all). */
const MAX_DAYS = 3660;

/** "Spring Festival,春节,4" → "春节" (the package's Chinese name). */
const officialName = (v: string) => v.split(',')[1] ?? v;

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export class WorkCalendar {
  constructor(
    readonly settings: CalendarSettings = DEFAULT_CALENDAR,
    private readonly companyDays: ReadonlyMap<string, CompanyDay> = new Map(),
  ) {}

  day(date: string): DayInfo {
    const own = this.companyDays.get(date);
    if (own) return { date, working: own.kind === 'workday', source: 'company', name: own.name };
    const holiday = OFFICIAL_HOLIDAYS[date];
    if (holiday) return { date, working: false, source: 'official', name: officialName(holiday) };
    const workday = OFFICIAL_WORKDAYS[date];
    if (workday) return { date, working: true, source: 'official', name: officialName(workday) };
    return { date, working: this.settings.weekdays.includes(isoWeekday(date)), source: 'weekly', name: null };
  }

  isWorkingDay(date: string): boolean {
    return this.day(date).working;
  }

  /** The company-time calendar date (YYYY-MM-DD) of an instant. */
  dateOf(at: Date): string {
    return new Date(at.getTime() + tzOffset(this.settings.timeZone, at) * MINUTE).toISOString().slice(0, 10);
  }

  /** The instant of a wall-clock time (minutes after midnight) on a company-time date. */
  instant(date: string, minutes: number): Date {
    const guess = Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE;
    const first = guess - tzOffset(this.settings.timeZone, new Date(guess)) * MINUTE;
    // A second pass settles instants next to an offset change (DST zones; Asia/Shanghai has none).
    return new Date(guess - tzOffset(this.settings.timeZone, new Date(first)) * MINUTE);
  }

  /** The working intervals [start, end) of a date, as instants; none on a day off. */
  intervals(date: string): Array<[Date, Date]> {
    if (!this.isWorkingDay(date)) return [];
    const s = this.settings;
    const spans: Array<[number, number]> =
      s.breakStart !== null && s.breakEnd !== null
        ? [
            [s.dayStart, s.breakStart],
            [s.breakEnd, s.dayEnd],
          ]
        : [[s.dayStart, s.dayEnd]];
    return spans.filter(([a, b]) => b > a).map(([a, b]) => [this.instant(date, a), this.instant(date, b)]);
  }

  /** Working milliseconds of one working day. */
  get dayLengthMs(): number {
    const s = this.settings;
    const breakMin = s.breakStart !== null && s.breakEnd !== null ? s.breakEnd - s.breakStart : 0;
    return (s.dayEnd - s.dayStart - breakMin) * MINUTE;
  }

  /**
   * The n-th working day after `date` (n ≥ 1), e.g. 退货三个工作日内完成 counted from the day the goods
   * reached the warehouse; n = 0 gives `date` itself when it is a working day, else the next one.
   */
  addWorkingDays(date: string, n: number): string {
    let d = date;
    let left = n;
    if (n === 0) {
      for (let i = 0; i < MAX_DAYS && !this.isWorkingDay(d); i++) d = shiftDate(d, 1);
      return d;
    }
    for (let i = 0; i < MAX_DAYS; i++) {
      d = shiftDate(d, 1);
      if (this.isWorkingDay(d) && --left === 0) return d;
    }
    throw new Error('calendar has no working days');
  }

  /** When the working day of `date` ends (its last interval's end). */
  endOfWorkingDay(date: string): Date {
    const spans = this.intervals(date);
    if (!spans.length) throw new Error(`${date} is not a working day`);
    return spans[spans.length - 1][1];
  }

  /** Working time between two instants, in milliseconds (0 when `to` is not after `from`). */
  workingMsBetween(from: Date, to: Date): number {
    if (to <= from) return 0;
    let total = 0;
    const last = this.dateOf(to);
    let d = this.dateOf(from);
    for (let i = 0; i < MAX_DAYS * 10 && d <= last; i++, d = shiftDate(d, 1)) {
      for (const [a, b] of this.intervals(d)) {
        const s = Math.max(a.getTime(), from.getTime());
        const e = Math.min(b.getTime(), to.getTime());
        if (e > s) total += e - s;
      }
    }
    return total;
  }

  /**
   * The instant at which `ms` of working time has passed since `from` (an SLA target): time outside
   * working hours does not count; a target that ends exactly at a day's end stays on that day.
   */
  addWorkingTime(from: Date, ms: number): Date {
    let left = ms;
    let d = this.dateOf(from);
    for (let i = 0; i < MAX_DAYS; i++, d = shiftDate(d, 1)) {
      for (const [a, b] of this.intervals(d)) {
        const start = Math.max(a.getTime(), from.getTime());
        if (b.getTime() <= start) continue;
        if (left <= b.getTime() - start) return new Date(start + left);
        left -= b.getTime() - start;
      }
    }
    throw new Error('calendar has no working days');
  }
}
