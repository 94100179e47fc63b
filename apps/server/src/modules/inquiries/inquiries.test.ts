import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertProduct } from '../../../test/q2c-seed.ts';
import { runInquiryReplySweep } from './inquiries.sweep.ts';

/**
 * Pre-sale inquiries (SPEC 2.9) on a real PostgreSQL with a controlled clock (Date faked; the sweep
 * takes `now`). Calendar Mon–Fri 9:00–18:00 Asia/Shanghai; policy inquiries.onlineReplyMinutes 30.
 * rep1 (销售一部, head manager1) handles; rep2 (销售二部) and manager2 are outside that scope.
 */
let env: TestEnv;
let org: Org;
const who: Record<string, Client> = {};
const ids: Record<string, number> = {};
const rows = async (text: string, params: unknown[] = []) => (await env.database.pool.query(text, params)).rows;
const sweep = (iso: string) => runInquiryReplySweep(env.database.db, new Date(iso));

async function at(iso: string) {
  vi.setSystemTime(new Date(iso));
  for (const u of ['rep1', 'rep2', 'manager1', 'manager2', 'front', 'director'])
    who[u] = await Client.login(env.app, u);
}
const online = (contactName: string, extra: Record<string, unknown> = {}) =>
  who.rep1.post('/api/inquiries', { channel: 'online', contactName, question: '呼吸机的价格是多少？', ...extra });

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  ids.p1 = await insertProduct(env, { code: 'INQ-1', name: '呼吸机 V60' });
  ids.p2 = await insertProduct(env, { code: 'INQ-2', name: '监护仪 M8' });
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterAll(async () => {
  vi.useRealTimers();
  await env?.close();
});

describe('online reply clock and breach alert', () => {
  it('counts the reply time in working hours across the weekend', async () => {
    await at('2027-01-08T17:50:00+08:00'); // a Friday, 10 working minutes left
    const res = await online('周末客户', { company: '杭州周末医院', productIds: [ids.p1] });
    expect(res.statusCode).toBe(201);
    ids.weekend = res.json().id;
    // 10 minutes on Friday + 20 on Monday morning.
    expect(res.json().replyDueAt).toBe(new Date('2027-01-11T09:20:00+08:00').toISOString());
    expect(res.json().overdue).toBe(false);
  });

  it('does not alert inside the reply time, even days later over the weekend', async () => {
    expect((await sweep('2027-01-09T12:00:00+08:00')).changed).toBe(0);
    expect((await sweep('2027-01-11T09:20:00+08:00')).changed).toBe(0);
    expect(await rows(`select 1 from notifications where kind = 'inquiry.breached'`)).toHaveLength(0);
  });

  it('alerts the handler’s department head exactly once when the time has passed', async () => {
    expect((await sweep('2027-01-11T09:21:00+08:00')).changed).toBe(1);
    expect((await sweep('2027-01-11T09:30:00+08:00')).changed).toBe(0);
    const notes = await rows(`select user_id, params, link from notifications where kind = 'inquiry.breached'`);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ user_id: org.user.manager1, link: `/inquiries/${ids.weekend}` });
    expect(notes[0].params).toMatchObject({ contact: '周末客户', handler: '张三', minutes: 30 });
    const [q] = await rows(`select reply_breached_at, breach_alerted_at from inquiries where id = $1`, [ids.weekend]);
    expect(q.reply_breached_at).toEqual(new Date('2027-01-11T09:20:00+08:00'));
    const audit = await rows(`select action from audit_log where entity_type = 'inquiry' and entity_id = $1`, [
      ids.weekend,
    ]);
    expect(audit.map((a) => a.action)).toEqual(['create', 'reply_breach']);
  });

  it('an answer within the time is on time; a late answer is a breach alerted once', async () => {
    await at('2027-01-11T10:00:00+08:00');
    ids.onTime = (await online('准时客户')).json().id;
    ids.late = (await online('迟复客户')).json().id;
    await at('2027-01-11T10:30:00+08:00'); // exactly on time
    const a = await who.rep1.post(`/api/inquiries/${ids.onTime}/answer`, { answer: '报价单已发邮箱', version: 1 });
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({ status: 'answered', overdue: false });
    await at('2027-01-11T10:45:00+08:00');
    const b = await who.rep1.post(`/api/inquiries/${ids.late}/answer`, { answer: '已回复', version: 1 });
    expect(b.json()).toMatchObject({ status: 'answered', overdue: true });
    expect((await sweep('2027-01-11T10:46:00+08:00')).changed).toBe(1);
    expect((await sweep('2027-01-11T11:00:00+08:00')).changed).toBe(0);
    const notes = await rows(`select link from notifications where kind = 'inquiry.breached' order by id`);
    expect(notes.map((n) => n.link)).toEqual([`/inquiries/${ids.weekend}`, `/inquiries/${ids.late}`]);
    // Answering twice is refused.
    const again = await who.rep1.post(`/api/inquiries/${ids.onTime}/answer`, { answer: 'x', version: 2 });
    expect(again.statusCode).toBe(409);
  });

  it('a department head’s own breach goes to the head above (the general manager)', async () => {
    await at('2027-01-13T10:00:00+08:00');
    const own = (
      await who.manager1.post('/api/inquiries', { channel: 'online', contactName: '经理客户', question: '交期？' })
    ).json();
    expect((await sweep('2027-01-13T10:31:00+08:00')).changed).toBe(1);
    const [n] = await rows(`select user_id from notifications where kind = 'inquiry.breached' and link = $1`, [
      `/inquiries/${own.id}`,
    ]);
    expect(n.user_id).toBe(org.user.gm);
    await env.database.pool.query(`delete from inquiries where id = $1`, [own.id]);
  });

  it('lists overdue inquiries by filter', async () => {
    const res = await who.rep1.get('/api/inquiries?overdue=true');
    expect(
      res
        .json()
        .items.map((i: { id: number }) => i.id)
        .sort(),
    ).toEqual([ids.weekend, ids.late].sort());
    const phone = await who.rep1.get('/api/inquiries?channel=phone');
    expect(phone.json().items).toHaveLength(0);
  });
});

describe('data scope', () => {
  it('answers 404 outside the scope, while the department head sees it', async () => {
    for (const c of [who.rep2, who.manager2]) {
      expect((await c.get(`/api/inquiries/${ids.weekend}`)).statusCode).toBe(404);
      const w = await c.post(`/api/inquiries/${ids.weekend}/convert-customer`, { version: 1 });
      expect(w.statusCode).toBe(404);
    }
    expect((await who.manager1.get(`/api/inquiries/${ids.weekend}`)).statusCode).toBe(200);
    expect((await who.rep2.get('/api/inquiries')).json().items).toHaveLength(0);
  });

  it('the front desk records for a rep and still sees what it recorded', async () => {
    const res = await who.front.post('/api/inquiries', {
      channel: 'phone',
      contactName: '来电客户',
      mobile: '13800138000',
      question: '是否提供上门演示？',
      handlerId: org.user.rep1,
    });
    expect(res.statusCode).toBe(201);
    ids.phone = res.json().id;
    expect(res.json()).toMatchObject({ handlerId: org.user.rep1, replyDueAt: null });
    expect((await who.front.get(`/api/inquiries/${ids.phone}`)).statusCode).toBe(200);
    const noMobile = await who.front.post('/api/inquiries', { channel: 'phone', contactName: '无号', question: '?' });
    expect(noMobile.statusCode).toBe(400);
    expect(noMobile.json().fields?.mobile ?? noMobile.body).toBeTruthy();
  });
});

describe('conversion', () => {
  it('creates the customer through the customers module', async () => {
    const before = (await rows(`select count(*)::int as n from customers`))[0].n;
    const res = await who.rep1.post(`/api/inquiries/${ids.weekend}/convert-customer`, { version: 1 });
    expect(res.statusCode, res.body).toBe(201);
    const [c] = await rows(`select name, kind, owner_id, source from customers where id = $1`, [res.json().customerId]);
    expect(c).toMatchObject({ name: '杭州周末医院', kind: 'company', owner_id: org.user.rep1, source: 'online' });
    expect((await rows(`select count(*)::int as n from customers`))[0].n).toBe(before + 1);
    const [q] = await rows(`select customer_id, converted_at from inquiries where id = $1`, [ids.weekend]);
    expect(Number(q.customer_id)).toBe(res.json().customerId);
    ids.customer = res.json().customerId;
  });

  it('refuses a duplicate naming the existing customer, writing nothing', async () => {
    await at('2027-01-12T10:00:00+08:00');
    ids.dup = (await online('重复客户', { company: '杭州周末医院' })).json().id;
    const before = await rows(
      `select (select count(*)::int from customers) c, (select count(*)::int from audit_log) a`,
    );
    const res = await who.rep1.post(`/api/inquiries/${ids.dup}/convert-customer`, { version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().duplicate).toMatchObject({ customerId: ids.customer, customerName: '杭州周末医院' });
    const opp = await who.rep1.post(`/api/inquiries/${ids.dup}/convert-opportunity`, {
      version: 1,
      name: '重复商机',
      pipelineId: (await rows(`select id from pipelines order by id limit 1`))[0].id,
    });
    expect(opp.statusCode).toBe(409);
    const after = await rows(`select (select count(*)::int from customers) c, (select count(*)::int from audit_log) a`);
    expect(after).toEqual(before);
    const [q] = await rows(`select customer_id, opportunity_id, version from inquiries where id = $1`, [ids.dup]);
    expect(q).toEqual({ customer_id: null, opportunity_id: null, version: 1 });
    expect(await rows(`select 1 from opportunities where name = '重复商机'`)).toHaveLength(0);
  });

  it('creates customer and opportunity in one step', async () => {
    ids.oppInq = (await online('商机客户', { company: '宁波新医院', mobile: '13900139001' })).json().id;
    const pipelineId = (await rows(`select id from pipelines order by id limit 1`))[0].id;
    const res = await who.rep1.post(`/api/inquiries/${ids.oppInq}/convert-opportunity`, {
      version: 1,
      name: '宁波新医院呼吸机',
      pipelineId,
      amount: '120000.00',
    });
    expect(res.statusCode).toBe(201);
    const [o] = await rows(`select name, customer_id, owner_id, amount from opportunities where id = $1`, [
      res.json().opportunityId,
    ]);
    expect(o).toMatchObject({ name: '宁波新医院呼吸机', owner_id: org.user.rep1, amount: '120000.00' });
    const [c] = await rows(`select name, mobile from customers where id = $1`, [o.customer_id]);
    expect(c).toEqual({ name: '宁波新医院', mobile: '13900139001' });
    const [q] = await rows(`select customer_id, opportunity_id from inquiries where id = $1`, [ids.oppInq]);
    expect([Number(q.customer_id), Number(q.opportunity_id)]).toEqual([
      Number(o.customer_id),
      res.json().opportunityId,
    ]);
  });
});

describe('pre-sale sample tracking', () => {
  it('requires product, quantity and return date for a sample', async () => {
    const res = await who.rep1.post(`/api/inquiries/${ids.oppInq}/presale-requests`, {
      kind: 'sample',
      detail: '样机',
    });
    expect(res.statusCode).toBe(400);
    expect(await rows(`select 1 from presale_requests`)).toHaveLength(0);
  });

  it('tracks a sample to fulfilment and return; an overdue return is listed', async () => {
    const res = await who.rep1.post(`/api/inquiries/${ids.oppInq}/presale-requests`, {
      kind: 'sample',
      detail: '试用样机一台',
      productId: ids.p1,
      quantity: 1,
      expectedReturnDate: '2027-01-20',
    });
    expect(res.statusCode).toBe(201);
    ids.sample = res.json().id;
    const bad = await who.rep1.post(`/api/presale-requests/${ids.sample}/actions`, { action: 'return', version: 1 });
    expect(bad.statusCode).toBe(409);
    const done = await who.rep1.post(`/api/presale-requests/${ids.sample}/actions`, { action: 'fulfil', version: 1 });
    expect(done.json()).toMatchObject({ status: 'fulfilled', fulfilledBy: org.user.rep1, returnOverdue: false });
    await at('2027-01-21T10:00:00+08:00');
    const overdue = await who.rep1.get('/api/presale-requests?returnOverdue=true');
    expect(overdue.json().items.map((r: { id: number }) => r.id)).toEqual([ids.sample]);
    expect((await who.rep2.get(`/api/presale-requests/${ids.sample}`)).statusCode).toBe(404);
    const back = await who.rep1.post(`/api/presale-requests/${ids.sample}/actions`, { action: 'return', version: 2 });
    expect(back.json()).toMatchObject({ returnOverdue: false });
    expect(back.json().returnedAt).toBe(new Date('2027-01-21T10:00:00+08:00').toISOString());
    expect((await who.rep1.get('/api/presale-requests?returnOverdue=true')).json().items).toHaveLength(0);
  });
});

describe('analysis', () => {
  it('figures the period against the fixture', async () => {
    const res = await who.manager1.get('/api/inquiries/analysis?from=2027-01-01&to=2027-01-31');
    expect(res.statusCode).toBe(200);
    const a = res.json();
    // weekend, onTime, late, phone, dup, oppInq = 6; converted: weekend (customer), oppInq (both).
    expect(a.totals).toEqual({ total: 6, answered: 2, customers: 2, opportunities: 1 });
    expect(a.questions).toEqual([{ question: '呼吸机的价格是多少？', count: 5 }]);
    expect(a.products).toEqual([{ productId: ids.p1, code: 'INQ-1', name: '呼吸机 V60', count: 1, customers: 1 }]);
    // Online: weekend (late), onTime, late (late), dup, oppInq — the last two still waiting since 12 Jan → late.
    expect(a.handlers).toEqual([{ handlerId: org.user.rep1, name: '张三', online: 5, onTime: 1, late: 4, waiting: 0 }]);
    const other = (await who.manager2.get('/api/inquiries/analysis?from=2027-01-01&to=2027-01-31')).json();
    expect(other.totals.total).toBe(0);
    const outside = (await who.manager1.get('/api/inquiries/analysis?from=2027-02-01&to=2027-02-28')).json();
    expect(outside.totals.total).toBe(0);
  });
});
