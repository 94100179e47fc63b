import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../platform/calendar/work-calendar.ts';
import { visitDueDate } from './return-visits.schedule.ts';

const cal = new WorkCalendar();

describe('return visit due date: N calendar days after sign-off, on a working day', () => {
  it('a working day stays', () => {
    // Thu 3 Dec 2026 + 7 = Thu 10 Dec.
    expect(visitDueDate(cal, '2026-12-03', 7)).toBe('2026-12-10');
    expect(visitDueDate(cal, '2026-12-03', 0)).toBe('2026-12-03');
  });
  it('a weekend moves to Monday', () => {
    // Mon 30 Nov + 5 = Sat 5 Dec → Mon 7 Dec.
    expect(visitDueDate(cal, '2026-11-30', 5)).toBe('2026-12-07');
  });
  it('国庆 moves past the holiday; a 调休 Saturday counts as a working day', () => {
    // Thu 24 Sep + 7 = Thu 1 Oct (holiday 1–7 Oct) → Thu 8 Oct.
    expect(visitDueDate(cal, '2026-09-24', 7)).toBe('2026-10-08');
    // Sat 14 Feb 2026 is a 调休 working day.
    expect(visitDueDate(cal, '2026-02-07', 7)).toBe('2026-02-14');
  });
});
