import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PNG_BASE64 } from '../../../test/audit-cases/service.ts';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertCustomer } from '../deliveries/deliveries.test-seed.ts';
import { insertDept, insertSignedDelivery, insertUserIn } from './service.test-seed.ts';

/**
 * Service tickets through the HTTP API on a real PostgreSQL (SPEC 4.1, issue 12 items 2–3). Time is
 * controlled by faking only Date (the app's ctx.now()); clients sign in again after each jump, as
 * sessions expire on the same clock. Company calendar: Mon–Fri 9:00–18:00 Asia/Shanghai.
 */
let env: TestEnv;
let org: Org;
const who: Record<string, Client> = {};
const ids: Record<string, number> = {};
const LOGINS = ['svcboss', 'eng1', 'eng2', 'rep1', 'admin'] as const;

async function at(iso: string) {
  vi.setSystemTime(new Date(iso));
  for (const u of LOGINS) who[u] = await Client.login(env.app, u);
}
const count = async (table: string) =>
  Number((await env.database.pool.query(`select count(*)::int as n from ${table}`)).rows[0].n);

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  const svc1 = await insertDept(env, '售后一部');
  const svc2 = await insertDept(env, '售后二部');
  ids.boss = await insertUserIn(env, 'svcboss', '陈主管', svc1, 'service_supervisor');
  ids.eng1 = await insertUserIn(env, 'eng1', '刘工', svc1, 'service_engineer');
  ids.eng2 = await insertUserIn(env, 'eng2', '黄工', svc2, 'service_engineer');
  ids.customer = await insertCustomer(env, '杭州售后测试医院', org.user.rep1);
  ids.other = await insertCustomer(env, '宁波另一家医院', org.user.rep1);
  // 12 months of warranty: signed 2026-06-01 → covered to 2027-05-31; signed 2025-01-10 → to 2026-01-09.
  ids.lineIn = (
    await insertSignedDelivery(env, {
      customerId: ids.customer,
      ownerId: org.user.rep1,
      signedDate: '2026-06-01',
      warrantyMonths: 12,
      batchNo: 'LOT-IN',
    })
  ).lineId;
  ids.lineOut = (
    await insertSignedDelivery(env, {
      customerId: ids.customer,
      ownerId: org.user.rep1,
      signedDate: '2025-01-10',
      warrantyMonths: 12,
    })
  ).lineId;
  ids.lineOther = (
    await insertSignedDelivery(env, {
      customerId: ids.other,
      ownerId: org.user.rep1,
      signedDate: '2026-06-01',
      warrantyMonths: 12,
    })
  ).lineId;
  vi.useFakeTimers({ toFake: ['Date'] });
  await at('2026-12-11T16:00:00+08:00'); // a Friday
});
afterAll(async () => {
  vi.useRealTimers();
  await env?.close();
});

const ticket = (over: Record<string, unknown> = {}) => ({
  type: 'repair',
  source: 'hotline',
  priority: 'normal',
  customerId: ids.customer,
  contactName: '王科长',
  contactPhone: '0571-87654321',
  subject: '监护仪开机报警',
  ...over,
});

describe('warranty from the signed delivery', () => {
  it('is in warranty (not chargeable) within the months after sign-off, chargeable after', async () => {
    const inside = await who.svcboss.post('/api/service-tickets', ticket({ deliveryLineId: ids.lineIn }));
    expect(inside.statusCode, inside.body).toBe(201);
    expect(inside.json()).toMatchObject({
      no: expect.stringMatching(/^GD-20261211-\d{4}$/),
      status: 'new',
      batchNo: 'LOT-IN',
      signedOn: '2026-06-01',
      warrantyUntil: '2027-05-31',
      inWarranty: true,
      chargeable: false,
    });
    const outside = await who.svcboss.post('/api/service-tickets', ticket({ deliveryLineId: ids.lineOut }));
    expect(outside.json()).toMatchObject({ warrantyUntil: '2026-01-09', inWarranty: false, chargeable: true });
    ids.outside = outside.json().id;
  });
});

describe('SLA clocks through the API', () => {
  it('meets first response only with a staff reply or visit, not assignment, a customer message or a status change', async () => {
    const t = (await who.svcboss.post('/api/service-tickets', ticket())).json();
    ids.t = t.id;
    expect(t.sla.response).toMatchObject({ state: 'running', targetMinutes: 240, dueAt: '2026-12-14T03:00:00.000Z' });
    expect(t.sla.resolution).toMatchObject({ state: 'running', targetMinutes: 2400 });
    await at('2026-12-11T16:10:00+08:00');
    let v = (
      await who.svcboss.post(`/api/service-tickets/${t.id}/assign`, { engineerId: ids.eng1, version: 1 })
    ).json();
    expect(v).toMatchObject({ status: 'assigned', engineerId: ids.eng1, ownerId: ids.eng1 });
    expect(v.sla.response.state).toBe('running');
    await at('2026-12-11T16:20:00+08:00');
    v = (
      await who.eng1.post(`/api/service-tickets/${t.id}/replies`, {
        kind: 'customer_message',
        body: '客户催问进度',
        version: 2,
      })
    ).json();
    expect(v.status).toBe('assigned');
    expect(v.sla.response.state).toBe('running');
    expect(v.firstResponseAt).toBeNull();
    await at('2026-12-11T16:30:00+08:00');
    v = (
      await who.eng1.post(`/api/service-tickets/${t.id}/replies`, {
        kind: 'staff_reply',
        body: '已电话联系，明早上门',
        version: 3,
      })
    ).json();
    expect(v).toMatchObject({ status: 'in_progress', firstResponseAt: '2026-12-11T08:30:00.000Z' });
    expect(v.sla.response).toMatchObject({ state: 'met', metAt: '2026-12-11T08:30:00.000Z' });
    expect(v.replies.map((r: { kind: string }) => r.kind)).toEqual(['customer_message', 'staff_reply']);
  });

  it('pauses in working time: waiting over a weekend costs no working time', async () => {
    await at('2026-12-11T17:00:00+08:00');
    let v = (await who.eng1.post(`/api/service-tickets/${ids.t}/wait`, { reason: 'customer', version: 4 })).json();
    expect(v).toMatchObject({ status: 'waiting', waitReason: 'customer' });
    expect(v.sla.resolution).toMatchObject({ state: 'paused', pausedSince: '2026-12-11T09:00:00.000Z', dueAt: null });
    const row = await env.database.pool.query(
      `select state, due_at from service_ticket_slas where ticket_id = $1 and metric = 'resolution'`,
      [ids.t],
    );
    expect(row.rows[0]).toMatchObject({ state: 'paused', due_at: null });
    await at('2026-12-14T10:00:00+08:00'); // Monday
    v = (await who.eng1.post(`/api/service-tickets/${ids.t}/resume`, { version: 5 })).json();
    expect(v.status).toBe('in_progress');
    // Paused Fri 17:00–18:00 and Mon 9:00–10:00: 120 working minutes, not the 65 wall-clock hours.
    expect(v.sla.resolution).toMatchObject({ state: 'running', pausedMinutes: 120 });
    // Due = Fri 16:00 + 2400 + 120 working minutes = the next Friday 13:00.
    expect(v.sla.resolution.dueAt).toBe('2026-12-18T05:00:00.000Z');
  });

  it('re-targets from the original start on a priority change, keeping the paused time', async () => {
    const v = (
      await who.svcboss.post(`/api/service-tickets/${ids.t}/priority`, { priority: 'urgent', version: 6 })
    ).json();
    // urgent: 480 working minutes; Fri 16:00 + 480 + 120 paused = Mon 17:00.
    expect(v.sla.resolution).toMatchObject({ state: 'running', targetMinutes: 480, pausedMinutes: 120 });
    expect(v.sla.resolution.dueAt).toBe('2026-12-14T09:00:00.000Z');
    // The response already met stays met under its new target.
    expect(v.sla.response).toMatchObject({ state: 'met', targetMinutes: 60 });
    const stored = await env.database.pool.query(
      `select due_at from service_ticket_slas where ticket_id = $1 and metric = 'resolution'`,
      [ids.t],
    );
    expect(stored.rows[0].due_at.toISOString()).toBe('2026-12-14T09:00:00.000Z');
  });

  it('closes only after resolve, on the customer’s confirmation; reopening runs the resolution clock again', async () => {
    const early = await who.eng1.post(`/api/service-tickets/${ids.t}/confirm`, { version: 7 });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('处理中');
    await at('2026-12-14T11:00:00+08:00');
    let v = (
      await who.eng1.post(`/api/service-tickets/${ids.t}/resolve`, { resolution: '更换电源板', version: 7 })
    ).json();
    expect(v).toMatchObject({ status: 'resolved', resolvedAt: '2026-12-14T03:00:00.000Z' });
    expect(v.sla.resolution).toMatchObject({ state: 'met', metAt: '2026-12-14T03:00:00.000Z' });
    const file = { fileName: '签字.png', mimeType: 'image/png', contentBase64: PNG_BASE64 };
    await who.eng1.post(`/api/service-tickets/${ids.t}/report/sign`, { signerName: '王科长', file, version: 8 });
    v = (await who.eng1.post(`/api/service-tickets/${ids.t}/confirm`, { version: 9 })).json();
    expect(v).toMatchObject({ status: 'closed', closedAt: '2026-12-14T03:00:00.000Z' });
    await at('2026-12-15T10:00:00+08:00');
    v = (
      await who.eng1.post(`/api/service-tickets/${ids.t}/reopen`, { reason: '同样故障再次出现', version: 10 })
    ).json();
    // The signed report confirmed the earlier resolution: the reopened ticket needs a new one.
    expect(v).toMatchObject({ status: 'in_progress', resolvedAt: null, closedAt: null, reportSignedAt: null });
    // Resolved Mon 11:00 → Tue 10:00 counts as paused (480 working minutes) on top of the 120;
    // due = Fri 16:00 + 480 + 600 working minutes = Tue 16:00.
    expect(v.sla.resolution).toMatchObject({ state: 'running', pausedMinutes: 600, metAt: null });
    expect(v.sla.resolution.dueAt).toBe('2026-12-15T08:00:00.000Z');
  });

  it('refuses to reopen after policy service.reopenWorkingDays (10) working days', async () => {
    const t = (await who.svcboss.post('/api/service-tickets', ticket({ subject: '打印机卡纸' }))).json();
    await who.svcboss.post(`/api/service-tickets/${t.id}/assign`, { engineerId: ids.eng1, version: 1 });
    await who.eng1.post(`/api/service-tickets/${t.id}/resolve`, { resolution: '清理纸道', version: 2 });
    await at('2027-01-06T10:00:00+08:00');
    const late = await who.eng1.post(`/api/service-tickets/${t.id}/reopen`, { reason: '又卡纸', version: 3 });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('ticket.reopen_expired');
    expect((await who.eng1.get(`/api/service-tickets/${t.id}`)).json()).toMatchObject({
      status: 'resolved',
      version: 3,
    });
  });
});

describe('list', () => {
  it('filters by status, priority, engineer and SLA state, latest change first', async () => {
    const list = async (q: string) =>
      (await who.svcboss.get(`/api/service-tickets?${q}`)).json().items.map((i: { id: number }) => i.id);
    expect(await list('slaState=met')).toContain(ids.t);
    expect(await list('slaState=met')).not.toContain(ids.outside);
    expect(await list(`engineerId=${ids.eng1}&status=in_progress`)).toEqual([ids.t]);
    expect(await list('priority=urgent')).toEqual([ids.t]);
    const page = (await who.svcboss.get('/api/service-tickets?pageSize=2')).json();
    expect(page).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(page.items[0].sla.resolution).toMatchObject({ state: 'met' });
    expect(page.items[0]).toMatchObject({ customerName: '杭州售后测试医院' });
  });
});

describe('breach', () => {
  it('reads as breached once the due time passes, and stays breached when the priority is lowered', async () => {
    await at('2027-01-06T10:00:00+08:00'); // a Wednesday
    const t = (
      await who.svcboss.post('/api/service-tickets', ticket({ priority: 'urgent', subject: '急救设备停机' }))
    ).json();
    expect(t.sla.response).toMatchObject({ state: 'running', dueAt: '2027-01-06T03:00:00.000Z' });
    await at('2027-01-06T12:00:00+08:00');
    const late = (await who.svcboss.get(`/api/service-tickets/${t.id}`)).json();
    expect(late.sla.response).toMatchObject({ state: 'breached', breachedAt: '2027-01-06T03:00:00.000Z' });
    const low = (
      await who.svcboss.post(`/api/service-tickets/${t.id}/priority`, { priority: 'low', version: 1 })
    ).json();
    // 480 minutes would not have been used up yet: the breach sticks all the same.
    expect(low.sla.response).toMatchObject({ state: 'breached', targetMinutes: 480 });
    const stored = await env.database.pool.query(
      `select state, breached_at from service_ticket_slas where ticket_id = $1 and metric = 'response'`,
      [t.id],
    );
    expect(stored.rows[0]).toMatchObject({ state: 'breached', breached_at: new Date('2027-01-06T03:00:00.000Z') });
  });
});

describe('scope', () => {
  it('another department’s engineer gets 404 on every surface and never sees it in the list', async () => {
    const id = ids.outside;
    const bodies: [string, unknown][] = [
      ['assign', { engineerId: ids.eng2, version: 1 }],
      ['replies', { kind: 'staff_reply', body: '越权', version: 1 }],
      ['wait', { reason: 'parts', version: 1 }],
      ['resume', { version: 1 }],
      ['priority', { priority: 'urgent', version: 1 }],
      ['resolve', { resolution: '越权', version: 1 }],
      ['confirm', { version: 1 }],
      ['reopen', { reason: '越权', version: 1 }],
    ];
    expect((await who.eng2.get(`/api/service-tickets/${id}`)).statusCode).toBe(404);
    for (const [path, body] of bodies) {
      const res = await who.eng2.post(`/api/service-tickets/${id}/${path}`, body);
      expect(res.statusCode, path).toBe(404);
    }
    const list = (await who.eng2.get('/api/service-tickets')).json();
    expect(list.items.map((i: { id: number }) => i.id)).not.toContain(id);
    // The same department's engineer sees it, but may handle only what is assigned to them.
    expect((await who.eng1.get(`/api/service-tickets/${id}`)).statusCode).toBe(200);
    expect((await who.eng1.post(`/api/service-tickets/${id}/wait`, { reason: 'parts', version: 1 })).statusCode).toBe(
      403,
    );
    expect(
      (await who.eng1.get('/api/service-tickets?status=new')).json().items.map((i: { id: number }) => i.id),
    ).toContain(id);
    expect((await who.eng2.get(`/api/service-tickets/${id}`)).json()).not.toHaveProperty('subject');
    const v = (await who.svcboss.get(`/api/service-tickets/${id}`)).json();
    expect(v.version).toBe(1);
  });
});

describe('bad input', () => {
  it('answers field by field in zh-CN and writes nothing', async () => {
    const before = await Promise.all([count('service_tickets'), count('service_ticket_slas'), count('audit_log')]);
    const res = await who.svcboss.post('/api/service-tickets', { ...ticket(), type: 'magic', subject: '' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['subject', 'type']);
    const phone = await who.svcboss.post('/api/service-tickets', ticket({ contactPhone: '12345' }));
    expect(phone.json().fields[0]).toMatchObject({ field: 'contactPhone', code: 'ticket.phone_invalid' });
    const line = await who.svcboss.post('/api/service-tickets', ticket({ deliveryLineId: ids.lineOther }));
    expect(line.statusCode).toBe(400);
    expect(line.json().fields[0]).toMatchObject({ field: 'deliveryLineId', code: 'ticket.delivery_line_invalid' });
    expect(line.json().fields[0].message).toContain('已签收');
    const notEngineer = await who.svcboss.post(`/api/service-tickets/${ids.outside}/assign`, {
      engineerId: org.user.rep1,
      version: 1,
    });
    expect(notEngineer.statusCode).toBe(400);
    expect(notEngineer.json().fields[0]).toMatchObject({ field: 'engineerId', code: 'ticket.engineer_invalid' });
    const after = await Promise.all([count('service_tickets'), count('service_ticket_slas'), count('audit_log')]);
    expect(after).toEqual(before);
    const seq = await env.database.pool.query(
      `select sum(last_value)::int as n from doc_sequences where doc_type = 'serviceTicket'`,
    );
    // A refused create consumes no number.
    expect(seq.rows[0].n).toBe(before[0]);
  });
});

describe('SLA policies', () => {
  it('are seeded for every type × priority and edited (versioned, audited) only with sla.manage', async () => {
    expect((await who.rep1.get('/api/sla-policies')).statusCode).toBe(403);
    const list = (await who.admin.get('/api/sla-policies')).json().items;
    expect(list).toHaveLength(28);
    const p = list.find(
      (x: { ticketType: string; priority: string }) => x.ticketType === 'consultation' && x.priority === 'low',
    );
    const body = { responseMinutes: 30, resolutionMinutes: 600, warnPercent: 75, version: p.version };
    expect((await who.eng1.put(`/api/sla-policies/${p.id}`, body)).statusCode).toBe(403);
    const bad = await who.admin.put(`/api/sla-policies/${p.id}`, { ...body, resolutionMinutes: 10 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ field: 'resolutionMinutes' });
    const ok = await who.admin.put(`/api/sla-policies/${p.id}`, body);
    expect(ok.json()).toMatchObject({ responseMinutes: 30, resolutionMinutes: 600, version: p.version + 1 });
    expect((await who.admin.put(`/api/sla-policies/${p.id}`, body)).statusCode).toBe(412);
    const audit = await env.database.pool.query(
      `select action from audit_log where entity_type = 'sla_policy' and entity_id = $1`,
      [p.id],
    );
    expect(audit.rows).toEqual([{ action: 'update' }]);
    // A new consultation ticket of low priority takes the edited targets.
    const t = (
      await who.svcboss.post('/api/service-tickets', ticket({ type: 'consultation', priority: 'low' }))
    ).json();
    expect(t.sla.response.targetMinutes).toBe(30);
    expect(t.sla.resolution.targetMinutes).toBe(600);
  });
});
