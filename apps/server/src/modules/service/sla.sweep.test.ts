import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertCustomer } from '../deliveries/deliveries.test-seed.ts';
import { insertDept, insertUserIn } from './service.test-seed.ts';
import { runSlaSweep } from './sla.sweep.ts';

/**
 * The SLA sweep on a real PostgreSQL with a controlled clock (Date faked; the sweep takes `now`).
 * Calendar Mon–Fri 9:00–18:00 Asia/Shanghai. Urgent targets: response 60, resolution 480 working
 * minutes, warning at 80 %.
 */
let env: TestEnv;
let org: Org;
const ids: Record<string, number> = {};
const who: Record<string, Client> = {};

async function at(iso: string) {
  vi.setSystemTime(new Date(iso));
  for (const u of ['svcboss', 'eng1']) who[u] = await Client.login(env.app, u);
}
const sweep = (iso: string) => runSlaSweep(env.database.db, new Date(iso));
const rows = async (text: string, params: unknown[]) => (await env.database.pool.query(text, params)).rows;
const clock = async (ticketId: number, metric: string) =>
  (
    await rows(
      `select state, breached_at, warned_at, escalated_at, used_ms from service_ticket_slas where ticket_id = $1 and metric = $2`,
      [ticketId, metric],
    )
  )[0];

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  const dept = await insertDept(env, '售后部');
  ids.boss = await insertUserIn(env, 'svcboss', '陈主管', dept, 'service_supervisor');
  ids.eng1 = await insertUserIn(env, 'eng1', '刘工', dept, 'service_engineer');
  ids.customer = await insertCustomer(env, '杭州SLA测试医院', org.user.rep1);
  vi.useFakeTimers({ toFake: ['Date'] });
  await at('2027-01-06T10:00:00+08:00'); // a Wednesday
  const t = await who.svcboss.post('/api/service-tickets', {
    type: 'repair',
    source: 'hotline',
    priority: 'urgent',
    customerId: ids.customer,
    subject: '呼吸机报警',
  });
  ids.t = t.json().id;
  await who.svcboss.post(`/api/service-tickets/${ids.t}/assign`, { engineerId: ids.eng1, version: 1 });
});
afterAll(async () => {
  vi.useRealTimers();
  await env?.close();
});

describe('SLA sweep', () => {
  it('does nothing before the warning time', async () => {
    expect((await sweep('2027-01-06T10:40:00+08:00')).changed).toBe(0);
  });

  it('warns the engineer once at 80 % of the target', async () => {
    // 80 % of 60 working minutes = 10:48.
    expect((await sweep('2027-01-06T10:50:00+08:00')).changed).toBe(1);
    expect((await clock(ids.t, 'response')).warned_at).toEqual(new Date('2027-01-06T02:50:00Z'));
    const notes = await rows(`select user_id, title_key, params from notifications where kind = 'sla.warning'`, []);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ user_id: ids.eng1, title_key: 'notify.sla.warning' });
    expect(notes[0].params).toMatchObject({ metric: 'response', due: '2027-01-06T03:00:00.000Z' });
    expect((await sweep('2027-01-06T10:55:00+08:00')).changed).toBe(0);
  });

  it('stores the breach at the due time and escalates to the supervisor once (task + notification)', async () => {
    expect((await sweep('2027-01-06T11:05:00+08:00')).changed).toBe(2);
    expect(await clock(ids.t, 'response')).toMatchObject({
      state: 'breached',
      breached_at: new Date('2027-01-06T03:00:00Z'),
      escalated_at: new Date('2027-01-06T03:05:00Z'),
    });
    const tasks = await rows(`select user_id, kind, ref_id, status from tasks where kind = 'sla.breached'`, []);
    expect(tasks).toEqual([{ user_id: ids.boss, kind: 'sla.breached', ref_id: ids.t, status: 'open' }]);
    const notes = await rows(`select user_id from notifications where kind = 'sla.breached' order by user_id`, []);
    expect(notes.map((n) => n.user_id).sort()).toEqual([ids.boss, ids.eng1].sort());
    const audit = await rows(`select action, actor_id from audit_log where action = 'sla_breach' and entity_id = $1`, [
      ids.t,
    ]);
    expect(audit).toEqual([{ action: 'sla_breach', actor_id: null }]);
    // Idempotent.
    expect((await sweep('2027-01-06T11:10:00+08:00')).changed).toBe(0);
    expect((await rows(`select count(*)::int n from tasks where kind = 'sla.breached'`, []))[0].n).toBe(1);
  });

  it('keeps a breached metric breached when answered late, and stores the working time it took', async () => {
    await at('2027-01-06T11:30:00+08:00');
    const v = (
      await who.eng1.post(`/api/service-tickets/${ids.t}/replies`, { kind: 'staff_reply', body: '已到场', version: 2 })
    ).json();
    expect(v.sla.response).toMatchObject({ state: 'breached', usedMinutes: 90 });
    expect(await clock(ids.t, 'response')).toMatchObject({ state: 'breached', used_ms: 90 * 60_000 });
    expect((await sweep('2027-01-06T11:35:00+08:00')).changed).toBe(0);
  });

  it('does not warn or breach a paused clock; escalates a breach recorded by an action', async () => {
    // Resolution: 480 working minutes from Wed 10:00 → due Thu 09:00 (Wed 10–18 = 480).
    await at('2027-01-06T12:00:00+08:00');
    await who.eng1.post(`/api/service-tickets/${ids.t}/wait`, { reason: 'parts', version: 3 });
    expect((await sweep('2027-01-08T12:00:00+08:00')).changed).toBe(0);
    expect((await clock(ids.t, 'resolution')).state).toBe('paused');
    // Resumed Friday 12:00 with 360 minutes left → due Fri 18:00; resolved Monday 10:00: breached by the action.
    await at('2027-01-08T12:00:00+08:00');
    await who.eng1.post(`/api/service-tickets/${ids.t}/resume`, { version: 4 });
    await at('2027-01-11T10:00:00+08:00');
    await who.eng1.post(`/api/service-tickets/${ids.t}/resolve`, { resolution: '更换传感器', version: 5 });
    expect(await clock(ids.t, 'resolution')).toMatchObject({
      state: 'breached',
      breached_at: new Date('2027-01-08T10:00:00Z'),
      escalated_at: null,
      used_ms: 540 * 60_000,
    });
    expect((await sweep('2027-01-11T10:05:00+08:00')).changed).toBe(1);
    expect((await clock(ids.t, 'resolution')).escalated_at).toEqual(new Date('2027-01-11T02:05:00Z'));
  });
});
