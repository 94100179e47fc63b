import { RegistrationInput } from '@sales/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ctxFor, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { companyDate } from '../../platform/time.ts';
import { registerVisit } from './front-desk.service.ts';

let env: TestEnv;
let org: Org;
let front: Client;
let manager1: Client;
let manager2: Client;
let director: Client;
let rep1: Client;
let rep2: Client;
let groupId: number;
let seq = 0;
const today = () => companyDate(new Date());
const q = (text: string, params: unknown[] = []) => env.database.pool.query(text, params);

const visitor = (over: Record<string, unknown> = {}) => ({
  kind: 'visit',
  visitorName: `访客${++seq}`,
  phone: `1380000${String(seq).padStart(4, '0')}`,
  channel: 'walk_in',
  intent: '了解产品',
  budget: '50000',
  ...over,
});

async function register(body: Record<string, unknown>) {
  const res = await front.post('/api/front-desk/registrations', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function setRoster(members: { userId: number; absent?: boolean }[]) {
  const res = await manager1.put(`/api/duty-groups/${groupId}/roster`, { dates: [today()], members });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  [front, manager1, manager2, director, rep1, rep2] = await Promise.all(
    ['front', 'manager1', 'manager2', 'director', 'rep1', 'rep2'].map((u) => Client.login(env.app, u)),
  );
  const g = await manager1.post('/api/duty-groups', {
    name: '一部接待组',
    deptId: org.dept.sales1,
    memberIds: [org.user.rep1, org.user.rep1b, org.user.teamRep],
  });
  expect(g.statusCode, g.body).toBe(201);
  groupId = g.json().id;
});
afterAll(() => env.close());

describe('duty roster', () => {
  it('is managed within the manager’s departments only', async () => {
    const bad = await manager2.post('/api/duty-groups', { name: '越权', deptId: org.dept.sales1, memberIds: [] });
    expect(bad.statusCode).toBe(400);
    expect(
      (await manager2.put(`/api/duty-groups/${groupId}/roster`, { dates: [today()], members: [] })).statusCode,
    ).toBe(404);
    const foreign = await manager1.put(`/api/duty-groups/${groupId}/roster`, {
      dates: [today()],
      members: [{ userId: org.user.rep2 }],
    });
    expect(foreign.json().fields[0]).toMatchObject({ field: 'members', code: 'duty.member_invalid' });
    expect((await rep1.get('/api/duty-groups')).statusCode).toBe(403);
  });

  it('refuses to route a new visitor when nobody is on duty', async () => {
    const res = await front.post('/api/front-desk/registrations', visitor());
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('frontdesk.no_one_on_duty');
    expect((await q('select count(*)::int n from front_desk_registrations')).rows[0].n).toBe(0);
  });
});

describe('routing by rotation (轮值)', () => {
  it('is fair over a day: 9 new visitors over 3 reps on duty → 3 each, in turn', async () => {
    await setRoster([{ userId: org.user.rep1 }, { userId: org.user.rep1b }, { userId: org.user.teamRep }]);
    const routed: number[] = [];
    for (let i = 0; i < 9; i++) {
      const r = await register(visitor({ kind: i % 2 ? 'call' : 'visit', channel: i % 3 ? 'phone' : 'exhibition' }));
      expect(r).toMatchObject({ routeReason: 'rotation', isNewCustomer: true, dutyGroupId: groupId });
      routed.push(r.routedToId);
      const c = (await q('select owner_id, source, created_by from customers where id = $1', [r.customerId])).rows[0];
      expect(c).toMatchObject({ owner_id: r.routedToId, created_by: org.user.front });
    }
    const turn = [org.user.rep1, org.user.rep1b, org.user.teamRep];
    expect(routed).toEqual([...turn, ...turn, ...turn]);
  });

  it('takes turns under concurrency (row lock on the day’s pointer)', async () => {
    const res = await Promise.all(
      Array.from({ length: 9 }, () => front.post('/api/front-desk/registrations', visitor())),
    );
    expect(res.map((r) => r.statusCode)).toEqual(Array(9).fill(201));
    const counts = new Map<number, number>();
    for (const r of res) counts.set(r.json().routedToId, (counts.get(r.json().routedToId) ?? 0) + 1);
    expect([...counts.values()]).toEqual([3, 3, 3]);
  });

  it('skips absent members', async () => {
    await setRoster([
      { userId: org.user.rep1 },
      { userId: org.user.rep1b, absent: true },
      { userId: org.user.teamRep },
    ]);
    const a = await register(visitor());
    const b = await register(visitor());
    const c = await register(visitor());
    expect([a.routedToId, b.routedToId, c.routedToId]).toEqual([org.user.rep1, org.user.teamRep, org.user.rep1]);
    await setRoster([{ userId: org.user.rep1 }, { userId: org.user.rep1b }, { userId: org.user.teamRep }]);
  });

  it('shows the front desk who is on duty and who is next', async () => {
    const d = (await front.get('/api/front-desk/on-duty')).json();
    expect(d.groups).toHaveLength(1);
    expect(d.groups[0].members.map((m: { userId: number }) => m.userId)).toEqual([
      org.user.rep1,
      org.user.rep1b,
      org.user.teamRep,
    ]);
    // The last assignment went to rep1: rep1b is next.
    expect(d.groups[0].nextUserId).toBe(org.user.rep1b);
  });

  it('refuses routing on a day without a roster (service clock)', async () => {
    const ctx = await ctxFor(env, front);
    const later = { ...ctx, now: () => new Date(Date.now() + 10 * 86_400_000) };
    await expect(registerVisit(later, RegistrationInput.parse(visitor()))).rejects.toMatchObject({
      code: 'frontdesk.no_one_on_duty',
    });
  });
});

describe('routing to the owner (客户归属)', () => {
  it('sends a returning customer to the current owner, notified, whatever the turn', async () => {
    const c = (
      await rep2.post('/api/customers', { kind: 'company', name: '杭州明远机械有限公司', mobile: '13911112222' })
    ).json();
    const before = (await q('select last_position, assigned_count from duty_rotation where group_id = $1', [groupId]))
      .rows[0];
    const byPhone = await register(visitor({ kind: 'call', phone: '+86 139-1111-2222', channel: 'phone' }));
    expect(byPhone).toMatchObject({
      routedToId: org.user.rep2,
      routeReason: 'existing_owner',
      customerId: c.id,
      isNewCustomer: false,
    });
    const byName = await register(visitor({ phone: null, companyName: '杭州明远机械股份有限公司' }));
    expect(byName).toMatchObject({ routedToId: org.user.rep2, routeReason: 'existing_owner', customerId: c.id });
    const after = (await q('select last_position, assigned_count from duty_rotation where group_id = $1', [groupId]))
      .rows[0];
    expect(after).toEqual(before);
    const notes = (await rep2.get('/api/notifications'))
      .json()
      .items.filter((n: { titleKey: string }) => n.titleKey === 'notify.frontdesk.returning');
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatchObject({ link: `/customers/${c.id}` });
    // The owner's customer timeline records the visits.
    const tl = (await rep2.get(`/api/customers/${c.id}/timeline`)).json().items;
    expect(tl.filter((e: { action: string }) => e.action === 'frontdesk_route')).toHaveLength(2);
  });

  it('routes a visitor whose customer sits in the pool to the rep on duty, as a new assignment', async () => {
    const c = (
      await rep2.post('/api/customers', { kind: 'individual', name: '公海回头客', mobile: '13922223333' })
    ).json();
    expect(
      (await rep2.post(`/api/customers/${c.id}/release`, { reason: '无意向', version: c.version })).statusCode,
    ).toBe(200);
    const r = await register(visitor({ phone: '13922223333' }));
    expect(r).toMatchObject({
      routeReason: 'rotation',
      matchedInPool: true,
      customerId: c.id,
      isNewCustomer: false,
      routedToId: org.user.rep1b,
    });
    expect((await q('select owner_id from customers where id = $1', [c.id])).rows[0].owner_id).toBe(org.user.rep1b);
  });

  it('sends a new visitor who names their rep to that rep', async () => {
    const r = await register(visitor({ repUserId: org.user.rep2, repName: '王先生' }));
    expect(r).toMatchObject({
      routeReason: 'claimed_rep',
      routedToId: org.user.rep2,
      repClaimedName: '王五',
      repClaimedText: '王先生',
      isNewCustomer: true,
    });
  });

  it('audits every routing decision', async () => {
    const regs = (await q('select id, routed_to, route_reason from front_desk_registrations')).rows;
    const audits = (
      await q(
        `select entity_id, changes, comment from audit_log where entity_type = 'frontdesk_registration' and action = 'route'`,
      )
    ).rows;
    expect(audits).toHaveLength(regs.length);
    for (const reg of regs) {
      const a = audits.find((x) => Number(x.entity_id) === Number(reg.id));
      expect(a?.comment).toBe(reg.route_reason);
      expect(a?.changes).toContainEqual({ field: 'routedTo', old: null, new: reg.routed_to });
    }
  });
});

describe('market survey (市场调查) and 补客户', () => {
  it('flags a visit only with both confirmations by the receiving rep; the director grants a replacement that goes first', async () => {
    const v = await register(visitor());
    const rep = v.routedToId;
    const url = `/api/front-desk/registrations/${v.id}/market-survey`;
    const body = {
      repUserId: rep,
      repConfirmed: true,
      visitorConfirmed: true,
      note: '竞品公司调研',
      version: v.version,
    };
    expect((await front.post(url, { ...body, visitorConfirmed: false })).statusCode).toBe(400);
    const wrongRep = await front.post(url, { ...body, repUserId: org.user.rep2 });
    expect(wrongRep.json().fields[0]).toMatchObject({ field: 'repUserId', code: 'frontdesk.survey.rep_mismatch' });
    expect((await rep1.post(url, body)).statusCode).toBe(403);
    const flagged = await front.post(url, body);
    expect(flagged.statusCode, flagged.body).toBe(200);
    expect(flagged.json().survey).toMatchObject({
      repId: rep,
      visitorConfirmed: true,
      flaggedByName: '郑前台',
      note: '竞品公司调研',
    });
    expect((await front.post(url, { ...body, version: flagged.json().version })).json().code).toBe(
      'frontdesk.survey.already',
    );
    // The directors are asked for 补客户.
    const ask = (await director.get('/api/notifications'))
      .json()
      .items.filter((n: { titleKey: string }) => n.titleKey === 'notify.frontdesk.survey_flagged');
    expect(ask).toHaveLength(1);

    const call = await register(visitor({ kind: 'call' }));
    const callFlag = await front.post(`/api/front-desk/registrations/${call.id}/market-survey`, {
      ...body,
      repUserId: call.routedToId,
      version: call.version,
    });
    expect(callFlag.json().code).toBe('frontdesk.survey.not_visit');

    const grantUrl = `/api/front-desk/registrations/${v.id}/replacement`;
    expect((await manager1.post(grantUrl, { note: '补' })).statusCode).toBe(403);
    const granted = await director.post(grantUrl, { note: '同意补客户' });
    expect(granted.statusCode, granted.body).toBe(201);
    expect(granted.json().replacement).toMatchObject({ userId: rep, grantedByName: '赵总监', consumedAt: null });
    expect((await director.post(grantUrl, {})).json().code).toBe('frontdesk.replacement.already');

    // Whose turn is it? The replacement goes first, then the turn order continues unchanged.
    const next = (await front.get('/api/front-desk/on-duty')).json().groups[0];
    expect(next.nextUserId).toBe(rep);
    const before = (await q('select last_position from duty_rotation where group_id = $1', [groupId])).rows[0]
      .last_position;
    const first = await register(visitor());
    expect(first).toMatchObject({ routedToId: rep, routeReason: 'replacement' });
    const pos = (await q('select last_position from duty_rotation where group_id = $1', [groupId])).rows[0]
      .last_position;
    expect(pos).toBe(before);
    const consumed = (await director.get(`/api/front-desk/registrations/${v.id}`)).json().replacement;
    expect(consumed).toMatchObject({ consumedRegistrationId: first.id });
    expect(consumed.consumedAt).not.toBeNull();
    const second = await register(visitor());
    expect(second.routeReason).toBe('rotation');
  });
});

describe('registrations: scope and daily counts', () => {
  it('keeps registrations routed elsewhere out of a manager’s scope (404, never listed)', async () => {
    const r = await register(visitor({ companyName: '范围测试有限公司' }));
    expect(r.routedDeptId).not.toBe(org.dept.sales2);
    const hidden = await manager2.get(`/api/front-desk/registrations/${r.id}`);
    const unknown = await manager2.get('/api/front-desk/registrations/987654321');
    expect(hidden.statusCode).toBe(404);
    expect({ ...hidden.json(), requestId: 0 }).toEqual({ ...unknown.json(), requestId: 0 });
    expect((await manager2.get('/api/front-desk/registrations?keyword=范围测试')).json().total).toBe(0);
    expect((await manager1.get('/api/front-desk/registrations?keyword=范围测试')).json().total).toBe(1);
    expect((await rep1.get('/api/front-desk/registrations')).statusCode).toBe(403);
  });

  it('counts visits, calls and new customers per day and channel within scope', async () => {
    const all = (
      await q(
        `select kind, channel, is_new_customer, routed_dept_id from front_desk_registrations where reg_date = $1`,
        [today()],
      )
    ).rows;
    const s = (await front.get(`/api/front-desk/stats?from=${today()}&to=${today()}`)).json();
    expect(s.total).toBe(all.length);
    expect(s.totals.visits).toBe(all.filter((r) => r.kind === 'visit').length);
    expect(s.totals.calls).toBe(all.filter((r) => r.kind === 'call').length);
    expect(s.totals.newCustomers).toBe(all.filter((r) => r.is_new_customer).length);
    expect(s.totals.byChannel.exhibition.visits + s.totals.byChannel.exhibition.calls).toBe(
      all.filter((r) => r.channel === 'exhibition').length,
    );
    expect(s.days).toHaveLength(1);
    expect(s.days[0]).toMatchObject({ date: today(), visits: s.totals.visits, calls: s.totals.calls });
    const theirs = (await manager2.get('/api/front-desk/stats')).json();
    expect(theirs.total).toBe(all.filter((r) => r.routed_dept_id === org.dept.sales2).length);
    expect((await front.get(`/api/front-desk/stats?from=${today()}&to=2000-01-01`)).statusCode).toBe(400);
  });
});
