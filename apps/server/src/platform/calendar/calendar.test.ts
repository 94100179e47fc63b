import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { loadWorkCalendar } from './calendar.service.ts';

let env: TestEnv;
let admin: Client;
let rep: Client;

beforeAll(async () => {
  env = await createTestEnv();
  await seedOrg(env);
  admin = await Client.login(env.app, 'admin');
  rep = await Client.login(env.app, 'rep1');
});
afterAll(() => env.close());

const auditOf = (entity: string) =>
  env.database.pool.query<{ action: string; changes: unknown }>(
    'select action, changes from audit_log where entity_type = $1 order by id',
    [entity],
  );

describe('company calendar', () => {
  it('shows every user the official schedule: 春节 off, the 调休 Saturday worked', async () => {
    const res = await rep.get('/api/calendar/days?from=2026-02-13&to=2026-02-16');
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((d: { date: string; working: boolean; source: string; name: string | null }) => [
          d.date,
          d.working,
          d.source,
          d.name,
        ]),
    ).toEqual([
      ['2026-02-13', true, 'weekly', null],
      ['2026-02-14', true, 'official', '春节'],
      ['2026-02-15', false, 'official', '春节'],
      ['2026-02-16', false, 'official', '春节'],
    ]);
    const bad = await rep.get('/api/calendar/days?from=2026-01-01&to=2027-12-31');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([expect.objectContaining({ field: 'to', code: 'calendar.rangeTooLong' })]);
  });

  it('lets the administrator add a company holiday and a working Saturday, audited, and the clock follows', async () => {
    expect((await rep.put('/api/calendar/days/2026-12-31', { kind: 'holiday', name: '司庆' })).statusCode).toBe(403);
    expect((await admin.put('/api/calendar/days/2026-12-31', { kind: 'holiday', name: '司庆' })).statusCode).toBe(200);
    expect((await admin.put('/api/calendar/days/2026-12-26', { kind: 'workday', name: '年终盘点' })).statusCode).toBe(
      200,
    );
    const cal = await loadWorkCalendar(env.database.db);
    expect(cal.addWorkingDays('2026-12-30', 1)).toBe('2027-01-01');
    expect(cal.isWorkingDay('2026-12-26')).toBe(true);
    const days = (await rep.get('/api/calendar/days?from=2026-12-31&to=2026-12-31')).json().items;
    expect(days[0]).toMatchObject({ working: false, source: 'company', name: '司庆' });

    // Renaming replaces the entry; removing it restores the weekly pattern.
    await admin.put('/api/calendar/days/2026-12-31', { kind: 'holiday', name: '公司年会' });
    expect((await admin.delete('/api/calendar/days/2026-12-26')).statusCode).toBe(204);
    expect((await admin.delete('/api/calendar/days/2026-12-26')).statusCode).toBe(404);
    expect((await loadWorkCalendar(env.database.db)).isWorkingDay('2026-12-26')).toBe(false);
    const audit = await auditOf('calendar_day');
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'create', 'update', 'delete']);
    expect(audit.rows[2].changes).toEqual([{ field: 'name', old: '司庆', new: '公司年会' }]);
  });

  it('changes working hours with a lunch break; bad hours are refused field by field and change nothing', async () => {
    const before = (await rep.get('/api/calendar/settings')).json() as Record<string, unknown>;
    expect(before).toMatchObject({
      weekdays: [1, 2, 3, 4, 5],
      dayStart: '09:00',
      dayEnd: '18:00',
      breakStart: null,
      version: 0,
    });
    const bad = await admin.put('/api/calendar/settings', { ...before, dayStart: '18:00', dayEnd: '09:00' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([
      expect.objectContaining({ field: 'dayEnd', code: 'calendar.dayEndBeforeStart' }),
    ]);
    const badTime = await admin.put('/api/calendar/settings', { ...before, dayStart: '9:00' });
    expect(badTime.json().fields).toEqual([expect.objectContaining({ field: 'dayStart', code: 'validation.time' })]);
    const outside = await admin.put('/api/calendar/settings', { ...before, breakStart: '08:00', breakEnd: '09:30' });
    expect(outside.json().fields).toEqual([
      expect.objectContaining({ field: 'breakStart', code: 'calendar.breakOutsideDay' }),
    ]);
    expect((await rep.get('/api/calendar/settings')).json().version).toBe(0);

    const ok = await admin.put('/api/calendar/settings', {
      weekdays: [1, 2, 3, 4, 5, 6],
      dayStart: '08:30',
      dayEnd: '17:30',
      breakStart: '12:00',
      breakEnd: '13:00',
      version: 0,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ weekdays: [1, 2, 3, 4, 5, 6], dayStart: '08:30', breakEnd: '13:00', version: 1 });
    const stale = await admin.put('/api/calendar/settings', {
      ...(ok.json() as object),
      dayStart: '09:00',
      version: 0,
    });
    expect(stale.statusCode).toBe(412); // StaleVersionError: someone saved in between
    const cal = await loadWorkCalendar(env.database.db);
    expect(cal.dayLengthMs).toBe(8 * 3_600_000);
    expect(cal.isWorkingDay('2026-03-07')).toBe(true); // a Saturday, now in the working week
    const audit = await auditOf('calendar_settings');
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].changes).toEqual([
      { field: 'weekdays', old: [1, 2, 3, 4, 5], new: [1, 2, 3, 4, 5, 6] },
      { field: 'dayStart', old: '09:00', new: '08:30' },
      { field: 'dayEnd', old: '18:00', new: '17:30' },
      { field: 'breakStart', old: null, new: '12:00' },
      { field: 'breakEnd', old: null, new: '13:00' },
    ]);
  });
});
