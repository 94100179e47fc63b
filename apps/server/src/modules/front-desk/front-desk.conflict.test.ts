import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { companyDate } from '../../platform/time.ts';

// Front-desk rules of issue 9: a phone lead needs a valid number, and a visitor naming rep A while
// their phone belongs to rep B's customer goes to B and is a conflict the manager must settle.
let env: TestEnv;
let org: Org;
let front: Client;
let manager1: Client;
let manager2: Client;
let rep1: Client;
let rep2: Client;
const q = (text: string, params: unknown[] = []) => env.database.pool.query(text, params);

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  [front, manager1, manager2, rep1, rep2] = await Promise.all(
    ['front', 'manager1', 'manager2', 'rep1', 'rep2'].map((u) => Client.login(env.app, u)),
  );
  const g = await manager1.post('/api/duty-groups', {
    name: '一部接待组',
    deptId: org.dept.sales1,
    memberIds: [org.user.rep1],
  });
  const today = companyDate(new Date());
  await manager1.put(`/api/duty-groups/${g.json().id}/roster`, {
    dates: [today],
    members: [{ userId: org.user.rep1 }],
  });
});
afterAll(() => env.close());

describe('phone leads at the front desk', () => {
  it('refuses a call without a phone number, field-level, and writes nothing', async () => {
    const res = await front.post('/api/front-desk/registrations', {
      kind: 'call',
      visitorName: '来电甲',
      channel: 'phone',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      expect.objectContaining({ field: 'phone', code: 'validation.phone.lead_required' }),
    ]);
    // A visit registered from the phone channel is a phone lead too.
    const visit = await front.post('/api/front-desk/registrations', {
      kind: 'visit',
      visitorName: '来电乙',
      channel: 'phone',
    });
    expect(visit.json().fields[0]).toMatchObject({ field: 'phone', code: 'validation.phone.lead_required' });
    const bad = await front.post('/api/front-desk/registrations', {
      kind: 'call',
      visitorName: '来电丙',
      channel: 'phone',
      phone: '12ab',
    });
    expect(bad.json().fields[0]).toMatchObject({ field: 'phone', code: 'validation.phone.format' });
    expect((await q('select count(*)::int n from front_desk_registrations')).rows[0].n).toBe(0);
    expect((await q(`select count(*)::int n from customers where name like '来电%'`)).rows[0].n).toBe(0);
  });

  it('registers a call with a valid number', async () => {
    const res = await front.post('/api/front-desk/registrations', {
      kind: 'call',
      visitorName: '来电丁',
      channel: 'phone',
      phone: '139 0000 8888',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'call', routedToId: org.user.rep1, conflict: null });
  });
});

describe('ownership conflict (归属冲突)', () => {
  let customerId: number;
  let regId: number;
  let version: number;

  beforeAll(async () => {
    // rep2 (销售二部, under manager2) owns the customer with this phone.
    const c = await rep2.post('/api/customers', { kind: 'individual', name: '冲突客户', mobile: '13755556666' });
    expect(c.statusCode, c.body).toBe(201);
    customerId = c.json().id;
  });

  it('routes the visitor to the owner B and flags a conflict when they name rep A', async () => {
    const res = await front.post('/api/front-desk/registrations', {
      kind: 'visit',
      visitorName: '冲突访客',
      phone: '137-5555-6666',
      channel: 'walk_in',
      repUserId: org.user.rep1,
    });
    expect(res.statusCode, res.body).toBe(201);
    const reg = res.json();
    regId = reg.id;
    version = reg.version;
    expect(reg).toMatchObject({
      routedToId: org.user.rep2,
      routeReason: 'existing_owner',
      customerId,
      conflict: { status: 'open', repId: org.user.rep1, repName: '张三', resolvedByName: null },
    });
    // The owner department's manager (manager2, head of 销售二部) gets a task and a notification.
    const tasks = await q(
      `select user_id, status, title_key, params, link from tasks where ref_type = 'frontdesk_conflict'`,
    );
    expect(tasks.rows).toEqual([
      expect.objectContaining({
        user_id: org.user.manager2,
        status: 'open',
        title_key: 'task.frontdesk.conflict',
        params: expect.objectContaining({ claimedName: '张三', ownerName: '王五', customerName: '冲突客户' }),
        link: `/front-desk/registrations/${regId}`,
      }),
    ]);
    const mine = (await manager2.get('/api/tasks?status=open')).json();
    expect(JSON.stringify(mine)).toContain('归属冲突');
    const notes = await q(`select user_id from notifications where kind = 'frontdesk.conflict'`);
    expect(notes.rows.map((r) => r.user_id)).toEqual([org.user.manager2]);
    const audit = await q(
      `select changes from audit_log where entity_type = 'frontdesk_registration' and entity_id = $1 and action = 'route'`,
      [regId],
    );
    expect(audit.rows[0].changes).toContainEqual({ field: 'conflictRepId', old: null, new: org.user.rep1 });
  });

  it('lists open conflicts where the manager works, within scope', async () => {
    const ids = async (c: Client, f: string) =>
      (await c.get(`/api/front-desk/registrations?conflict=${f}`)).json().items.map((i: { id: number }) => i.id);
    expect(await ids(manager2, 'open')).toEqual([regId]);
    expect(await ids(front, 'open')).toEqual([regId]);
    // manager1's scope (销售一部) holds no registration routed to 销售二部.
    expect(await ids(manager1, 'open')).toEqual([]);
    expect(await ids(manager2, 'any')).toEqual([regId]);
  });

  it('lets only the manager in scope resolve it, with a reason', async () => {
    const body = { decision: 'reassign', note: '客户确认一直与张三联系', version };
    expect((await manager1.post(`/api/front-desk/registrations/${regId}/conflict`, body)).statusCode).toBe(404);
    expect((await rep2.post(`/api/front-desk/registrations/${regId}/conflict`, body)).statusCode).toBe(403);
    const noNote = await manager2.post(`/api/front-desk/registrations/${regId}/conflict`, { ...body, note: '' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().fields[0].field).toBe('note');
    expect((await q('select owner_id from customers where id = $1', [customerId])).rows[0].owner_id).toBe(
      org.user.rep2,
    );
  });

  it('reassigns the customer to rep A, audited, and closes the task', async () => {
    const res = await manager2.post(`/api/front-desk/registrations/${regId}/conflict`, {
      decision: 'reassign',
      note: '客户确认一直与张三联系',
      version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      routedToId: org.user.rep1,
      routedDeptId: org.dept.sales1,
      conflict: { status: 'reassigned', resolvedByName: '周经理', note: '客户确认一直与张三联系' },
    });
    const c = (await q('select owner_id, owner_dept_id from customers where id = $1', [customerId])).rows[0];
    expect(c).toEqual({ owner_id: org.user.rep1, owner_dept_id: org.dept.sales1 });
    const audit = await q(
      `select entity_type, action, comment from audit_log where (entity_type = 'customer' and entity_id = $1 and action = 'transfer')
         or (entity_type = 'frontdesk_registration' and entity_id = $2 and action = 'conflict_resolve') order by id`,
      [customerId, regId],
    );
    expect(audit.rows).toEqual([
      { entity_type: 'customer', action: 'transfer', comment: '客户确认一直与张三联系' },
      { entity_type: 'frontdesk_registration', action: 'conflict_resolve', comment: '客户确认一直与张三联系' },
    ]);
    expect((await q(`select status from tasks where ref_type = 'frontdesk_conflict'`)).rows).toEqual([
      { status: 'done' },
    ]);
    // Both reps are told; the conflict is no longer open, and cannot be resolved twice.
    const told = await q(
      `select user_id from notifications where title_key = 'notify.frontdesk.conflict_reassigned' order by user_id`,
    );
    expect(told.rows.map((r) => r.user_id).sort()).toEqual([org.user.rep1, org.user.rep2].sort());
    expect((await manager2.get('/api/front-desk/registrations?conflict=open')).json().items).toEqual([]);
    const twice = await manager1.post(`/api/front-desk/registrations/${regId}/conflict`, {
      decision: 'keep',
      note: '再次处理',
      version: version + 1,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('frontdesk.conflict.none');
    expect((await rep1.get(`/api/customers/${customerId}`)).statusCode).toBe(200);
  });

  it('keeps the owner when the manager decides so; no conflict when the named rep is the owner', async () => {
    // Now rep1 owns it: naming rep2 is a conflict for manager1; naming rep1 is none.
    const named = await front.post('/api/front-desk/registrations', {
      kind: 'call',
      visitorName: '冲突访客',
      phone: '13755556666',
      channel: 'phone',
      repUserId: org.user.rep2,
    });
    const reg = named.json();
    expect(reg.conflict).toMatchObject({ status: 'open', repId: org.user.rep2 });
    const keep = await manager1.post(`/api/front-desk/registrations/${reg.id}/conflict`, {
      decision: 'keep',
      note: '以系统归属为准',
      version: reg.version,
    });
    expect(keep.statusCode, keep.body).toBe(200);
    expect(keep.json()).toMatchObject({ routedToId: org.user.rep1, conflict: { status: 'kept' } });
    expect((await q('select owner_id from customers where id = $1', [customerId])).rows[0].owner_id).toBe(
      org.user.rep1,
    );
    const same = await front.post('/api/front-desk/registrations', {
      kind: 'call',
      visitorName: '冲突访客',
      phone: '13755556666',
      channel: 'phone',
      repUserId: org.user.rep1,
    });
    expect(same.json().conflict).toBeNull();
  });
});
