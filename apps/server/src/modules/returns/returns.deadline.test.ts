import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../platform/calendar/work-calendar.ts';
import { returnDeadline, storageFee } from './returns.deadline.ts';

const cal = new WorkCalendar();
const bj = (s: string) => new Date(`${s}:00+08:00`);

describe('sales return deadline: 3 working days from the goods reaching the warehouse', () => {
  it('goods arriving before 国庆: due at closing time of the 3rd working day after the arrival day', () => {
    // Fri 25 Sep 2026 (中秋 holiday, 25–27 Sep) → 28, 29, 30 Sep: due Wed 30 Sep 18:00.
    expect(returnDeadline(cal, bj('2026-09-25T15:20'), 3)).toEqual(bj('2026-09-30T18:00'));
    // Tue 29 Sep → 30 Sep, (1–7 Oct holiday), 8 Oct, 9 Oct: due Fri 9 Oct 18:00.
    expect(returnDeadline(cal, bj('2026-09-29T10:00'), 3)).toEqual(bj('2026-10-09T18:00'));
  });

  it('goods arriving on the Friday before 春节 count the 调休 Saturday', () => {
    // Fri 13 Feb → Sat 14 Feb (调休), 24 Feb, 25 Feb.
    expect(returnDeadline(cal, bj('2026-02-13T16:00'), 3)).toEqual(bj('2026-02-25T18:00'));
  });
});

describe('storage fee after the deadline', () => {
  const due = bj('2026-10-09T18:00');

  it('nothing on the deadline day, one day from the next calendar day on', () => {
    expect(storageFee(cal, due, bj('2026-10-09T20:00'), '50.00', '50')).toEqual({
      days: 0,
      total: '0.00',
      clerksShare: '0.00',
    });
    expect(storageFee(cal, due, bj('2026-10-10T08:00'), '50.00', '50')).toEqual({
      days: 1,
      total: '50.00',
      clerksShare: '25.00',
    });
  });

  it('accrues per calendar day, weekends included, and splits exactly', () => {
    expect(storageFee(cal, due, bj('2026-10-16T09:00'), '50.00', '50')).toEqual({
      days: 7,
      total: '350.00',
      clerksShare: '175.00',
    });
    expect(storageFee(cal, due, bj('2026-10-12T09:00'), '33.33', '50').clerksShare).toBe('50.00'); // 99.99 / 2, half up
  });
});
