import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, WorkCalendar } from './work-calendar.ts';

/** An instant given as Beijing wall time. */
const bj = (s: string) => new Date(`${s}:00+08:00`);
const H = 3_600_000;
const cal = new WorkCalendar();

// The State Council's 2026 schedule (国办发明电〔2025〕7号), checked by hand, not read from the package.
describe('which days are working days (2026 official schedule)', () => {
  it.each([
    ['2026-01-01', false, '元旦'],
    ['2026-01-03', false, '元旦 (Saturday inside the holiday)'],
    ['2026-01-04', true, '调休: Sunday worked for 元旦'],
    ['2026-01-05', true, 'an ordinary Monday'],
    ['2026-02-14', true, '调休: Saturday worked before 春节'],
    ['2026-02-15', false, '春节 first day'],
    ['2026-02-23', false, '春节 last day (a Monday)'],
    ['2026-02-24', true, 'first Tuesday after 春节'],
    ['2026-02-28', true, '调休: Saturday worked after 春节'],
    ['2026-03-07', false, 'an ordinary Saturday'],
    ['2026-05-05', false, '劳动节 (a Tuesday)'],
    ['2026-05-09', true, '调休: Saturday worked for 劳动节'],
    ['2026-09-20', true, '调休: Sunday worked before 国庆'],
    ['2026-10-07', false, '国庆 (a Wednesday)'],
    ['2026-10-10', true, '调休: Saturday worked after 国庆'],
  ])('%s working=%s (%s)', (date, working) => {
    expect(cal.isWorkingDay(date)).toBe(working);
  });

  it('names the source of each answer', () => {
    expect(cal.day('2026-02-17')).toMatchObject({ working: false, source: 'official', name: '春节' });
    expect(cal.day('2026-02-14')).toMatchObject({ working: true, source: 'official', name: '春节' });
    expect(cal.day('2026-03-07')).toMatchObject({ working: false, source: 'weekly', name: null });
  });
});

describe('adding working days', () => {
  it('goods that reach the warehouse on the Friday before 春节: the 3rd working day is 25 February', () => {
    // 13 Feb (Fri) → 14 Feb (调休 Saturday) = 1, 15–23 Feb holiday, 24 Feb = 2, 25 Feb = 3.
    expect(cal.addWorkingDays('2026-02-13', 3)).toBe('2026-02-25');
  });

  it('skips the National Day week and counts its 调休 Saturday', () => {
    expect(cal.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(cal.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
  });

  it('0 working days: the day itself when it is one, else the next', () => {
    expect(cal.addWorkingDays('2026-03-06', 0)).toBe('2026-03-06');
    expect(cal.addWorkingDays('2026-03-07', 0)).toBe('2026-03-09');
  });

  it("a day's deadline ends when its working hours end", () => {
    expect(cal.endOfWorkingDay('2026-02-25')).toEqual(bj('2026-02-25T18:00'));
  });
});

describe('working time between two instants (9:00–18:00)', () => {
  it.each([
    ['Friday evening to Monday morning', '2026-03-06T17:00', '2026-03-09T10:00', 2 * H],
    ['across midnight: only the morning counts', '2026-03-10T20:00', '2026-03-11T09:30', 0.5 * H],
    ['inside one working day', '2026-03-10T10:15', '2026-03-10T11:45', 1.5 * H],
    ['春节: the 调休 Saturdays 14 and 28 Feb and 24–27 Feb count', '2026-02-13T18:00', '2026-02-28T18:00', 6 * 9 * H],
    ['a night on a holiday', '2026-10-02T22:00', '2026-10-03T06:00', 0],
    ['end before start', '2026-03-10T12:00', '2026-03-10T11:00', 0],
  ])('%s', (_label, from, to, ms) => {
    expect(cal.workingMsBetween(bj(from), bj(to))).toBe(ms);
  });
});

describe('adding working time (SLA targets)', () => {
  it('4 working hours from Friday 16:00 before 春节 end on the 调休 Saturday at 11:00', () => {
    expect(cal.addWorkingTime(bj('2026-02-13T16:00'), 4 * H)).toEqual(bj('2026-02-14T11:00'));
  });

  it('a start outside working hours counts from the next opening', () => {
    expect(cal.addWorkingTime(bj('2026-03-06T21:00'), 2 * H)).toEqual(bj('2026-03-09T11:00'));
  });

  it('a target that ends exactly at closing time stays on that day', () => {
    expect(cal.addWorkingTime(bj('2026-03-10T09:00'), 9 * H)).toEqual(bj('2026-03-10T18:00'));
  });

  it('is the inverse of working time between', () => {
    const from = bj('2026-09-29T15:20');
    const due = cal.addWorkingTime(from, 30 * H);
    expect(cal.workingMsBetween(from, due)).toBe(30 * H);
  });
});

describe("the company's own calendar", () => {
  const own = new WorkCalendar(
    { ...DEFAULT_CALENDAR, breakStart: 12 * 60, breakEnd: 13 * 60 },
    new Map([
      ['2026-12-31', { kind: 'holiday' as const, name: '司庆' }],
      ['2027-01-01', { kind: 'holiday' as const, name: '元旦' }],
      ['2026-03-07', { kind: 'workday' as const, name: '盘点' }],
      // The company does not follow one 调休 Saturday of the official schedule.
      ['2026-02-28', { kind: 'holiday' as const, name: null }],
    ]),
  );

  it('its holidays and working Saturdays take precedence over the official schedule and weekdays', () => {
    expect(own.day('2026-12-31')).toMatchObject({ working: false, source: 'company', name: '司庆' });
    expect(own.addWorkingDays('2026-12-30', 1)).toBe('2027-01-04');
    expect(own.isWorkingDay('2026-03-07')).toBe(true);
    expect(own.isWorkingDay('2026-02-28')).toBe(false);
  });

  it('a lunch break does not count', () => {
    expect(own.addWorkingTime(bj('2026-03-10T11:30'), 1 * H)).toEqual(bj('2026-03-10T13:30'));
    expect(own.workingMsBetween(bj('2026-03-10T09:00'), bj('2026-03-10T18:00'))).toBe(8 * H);
    expect(own.dayLengthMs).toBe(8 * H);
  });

  it('reads dates in the company time zone', () => {
    expect(own.dateOf(new Date('2026-03-10T16:30:00Z'))).toBe('2026-03-11');
    expect(own.instant('2026-03-11', 9 * 60)).toEqual(new Date('2026-03-11T01:00:00Z'));
  });
});
