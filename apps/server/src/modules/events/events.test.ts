import { renderScript } from '@sales/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertProduct, insertWarehouse, stockIn } from '../../../test/q2c-seed.ts';
import { runEventConfirmationSweep } from './events.sweep.ts';

/**
 * Conference marketing (会销, SPEC 2.7; seed 001 客户邀约管理): plan → approval → invitations with
 * rendered scripts → results (a decline needs its reason) → day-before confirmation tasks → check-in
 * with the gift leaving stock → deals attributed → the event report, computed by hand below.
 */
let env: TestEnv;
let org: Org;
const who: Record<string, Client> = {};
const ids: Record<string, number> = {};
const q = async (text: string, values: unknown[] = []) => (await env.database.pool.query(text, values)).rows;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-10T10:00:00+08:00'));
  for (const u of ['director', 'gm', 'rep1', 'rep2', 'manager1', 'manager2', 'front'])
    who[u] = await Client.login(env.app, u);
  ids.gift = await insertProduct(env, { code: 'GIFT-1', name: '保温杯' });
  ids.wh = await insertWarehouse(env, 'WH-EV', '会销仓');
  await stockIn(env, ids.wh, ids.gift, '10');
  const mk = async (c: Client, body: object) => {
    const r = await c.post('/api/customers', body);
    if (r.statusCode !== 201) throw new Error(r.body);
    return r.json().id as number;
  };
  ids.anna = await mk(who.rep1, { kind: 'individual', name: '刘安娜', mobile: '13800001111' });
  ids.bo = await mk(who.rep1, { kind: 'individual', name: '陈博', mobile: '13800002222' });
  ids.corp = await mk(who.rep1, { kind: 'company', name: '无联系人机电有限公司' });
  ids.dan = await mk(who.rep1, { kind: 'individual', name: '黄丹', mobile: '13800004444' });
  ids.other = await mk(who.rep2, { kind: 'individual', name: '二部客户', mobile: '13800009999' });
});
afterAll(async () => {
  vi.useRealTimers();
  await env?.close();
});

const EVENT = {
  theme: '智能仓储新品发布会',
  agenda: '14:00 签到；14:30 新品介绍；16:00 优惠洽谈',
  speakers: '行业专家 陈工',
  venue: '福州香格里拉酒店三楼',
  startsAt: '2026-12-20T14:00:00+08:00',
  endsAt: '2026-12-20T17:00:00+08:00',
  capacity: 50,
  materials: '产品手册 60 份',
  script: '您好，[客户姓名]，我是[公司名称]的销售[你的姓名]。我们将举办[产品/服务主题]，时间是[时间]，地点在[地点]。',
  budget: [
    { category: 'venue', budget: '2000.00', actual: '0' },
    { category: 'gifts', budget: '1000.00', actual: '0' },
  ],
};

describe('script templates', () => {
  it('renders every merge field, and a missing one visibly, listing it', () => {
    const tpl = '[客户姓名]|[公司名称]|[产品/服务主题]|[时间]|[地点]|[你的姓名]|[未知]';
    const all = renderScript(tpl, {
      客户姓名: '刘安娜',
      公司名称: '总公司',
      '产品/服务主题': '新品发布会',
      时间: '12月20日 14:00',
      地点: '香格里拉',
      你的姓名: '张三',
    });
    expect(all).toEqual({ text: '刘安娜|总公司|新品发布会|12月20日 14:00|香格里拉|张三|[未知]', missing: [] });
    const gap = renderScript(tpl, { 客户姓名: ' ', 公司名称: '总公司', 地点: null });
    expect(gap.text).toBe('【缺:客户姓名】|总公司|【缺:产品/服务主题】|【缺:时间】|【缺:地点】|【缺:你的姓名】|[未知]');
    expect(gap.missing).toEqual(['客户姓名', '产品/服务主题', '时间', '地点', '你的姓名']);
    // The seed's traditional spelling of the fields renders the same.
    expect(renderScript('[客戶姓名]在[地點]', { 客户姓名: '刘安娜' })).toEqual({
      text: '刘安娜在【缺:地点】',
      missing: ['地点'],
    });
  });
});

describe('an event from plan to report', () => {
  it('the director plans it; approval by the general manager opens invitations', async () => {
    const res = await who.director.post('/api/events', {
      ...EVENT,
      giftProductId: ids.gift,
      giftWarehouseId: ids.wh,
      responsibleIds: [org.user.manager1],
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.event = res.json().id;
    expect(res.json()).toMatchObject({ status: 'draft', giftName: 'GIFT-1 保温杯', ownerName: '赵总监' });
    const bad = await who.director.post('/api/events', { ...EVENT, endsAt: '2026-12-20T13:00:00+08:00' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ field: 'endsAt', message: '结束时间应晚于开始时间' });
    // A draft is the planners' own: rep1 (no invitation yet) and manager2 get 404.
    expect((await who.rep1.get(`/api/events/${ids.event}`)).statusCode).toBe(404);
    expect((await who.rep1.post(`/api/events/${ids.event}/invitations`, { customerIds: [ids.anna] })).statusCode).toBe(
      404,
    );
    expect((await who.director.post(`/api/events/${ids.event}/submit`, { version: 1 })).statusCode).toBe(200);
    const inbox = (await who.gm.get('/api/approvals/inbox')).json().items;
    const inst = inbox.find((i: { docType: string }) => i.docType === 'event');
    expect(inst).toBeDefined();
    expect((await who.gm.post(`/api/approvals/${inst.instanceId}/approve`, {})).statusCode).toBe(200);
    expect((await who.director.get(`/api/events/${ids.event}`)).json().status).toBe('approved');
  });

  it('a rep invites own customers; another rep’s customer refuses the whole batch with 404', async () => {
    const out = await who.rep1.post(`/api/events/${ids.event}/invitations`, {
      customerIds: [ids.anna, ids.other],
    });
    expect(out.statusCode).toBe(404);
    expect(await q('select count(*)::int as n from event_invitations')).toEqual([{ n: 0 }]);
    const res = await who.rep1.post(`/api/events/${ids.event}/invitations`, {
      customerIds: [ids.anna, ids.bo, ids.corp],
      method: 'phone',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ added: 3, skipped: 0 });
    // The customer filter applies rep1's scope: only rep1's customers (dan is new, the others skipped).
    const byFilter = await who.rep1.post(`/api/events/${ids.event}/invitations`, { filter: {}, method: 'sms' });
    expect(byFilter.json()).toEqual({ added: 1, skipped: 3 });
    const list = (await who.rep1.get(`/api/events/${ids.event}/invitations?pageSize=50`)).json();
    expect(list.total).toBe(4);
    const anna = list.items.find((i: { customerId: number }) => i.customerId === ids.anna);
    expect(anna.script).toBe(
      '您好，刘安娜，我是总公司的销售张三。我们将举办智能仓储新品发布会，时间是12月20日周日 14:00，地点在福州香格里拉酒店三楼。',
    );
    expect(anna.missing).toEqual([]);
    const corp = list.items.find((i: { customerId: number }) => i.customerId === ids.corp);
    expect(corp.script).toContain('您好，【缺:客户姓名】，');
    expect(corp.missing).toEqual(['客户姓名']);
    for (const i of list.items) ids[`inv${i.customerId}`] = i.id;
    // rep2 sees the approved campaign but none of rep1's invitations.
    expect((await who.rep2.get(`/api/events/${ids.event}/invitations`)).json().total).toBe(0);
    expect(
      (await who.rep2.put(`/api/event-invitations/${ids[`inv${ids.anna}`]}/result`, { result: 'accepted', version: 1 }))
        .statusCode,
    ).toBe(404);
  });

  it('a decline without a reason is refused field by field and changes nothing', async () => {
    const inv = ids[`inv${ids.corp}`];
    const r1 = await who.rep1.put(`/api/event-invitations/${inv}/result`, { result: 'declined', version: 1 });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().fields[0]).toMatchObject({ field: 'reason', message: '请选择拒绝原因' });
    const r2 = await who.rep1.put(`/api/event-invitations/${inv}/result`, {
      result: 'declined',
      reason: 'other',
      version: 1,
    });
    expect(r2.json().fields[0]).toMatchObject({ field: 'reasonNote' });
    expect(await q('select result, version from event_invitations where id = $1', [inv])).toEqual([
      { result: 'pending', version: 1 },
    ]);
    const ok = await who.rep1.put(`/api/event-invitations/${inv}/result`, {
      result: 'declined',
      reason: 'schedule',
      reasonNote: '出差',
      version: 1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    for (const [c, result] of [
      [ids.anna, 'accepted'],
      [ids.bo, 'accepted'],
      [ids.dan, 'undecided'],
    ] as const)
      expect(
        (await who.rep1.put(`/api/event-invitations/${ids[`inv${c}`]}/result`, { result, version: 1 })).statusCode,
      ).toBe(200);
  });

  it('confirmation tasks appear events.confirmationLeadHours (24) before the start, once, for accepted guests', async () => {
    const db = env.database.db;
    // 25 hours before: too early.
    expect(await runEventConfirmationSweep(db, new Date('2026-12-19T13:00:00+08:00'))).toEqual({ changed: 0 });
    expect(await runEventConfirmationSweep(db, new Date('2026-12-19T14:30:00+08:00'))).toEqual({ changed: 2 });
    expect(await runEventConfirmationSweep(db, new Date('2026-12-19T15:00:00+08:00'))).toEqual({ changed: 0 });
    const tasks = await q(
      `select user_id as "userId", ref_id as "refId", due_date::text as due, status from tasks where kind = 'event.confirm' order by ref_id`,
    );
    expect(tasks).toEqual(
      [ids[`inv${ids.anna}`], ids[`inv${ids.bo}`]]
        .sort((a, b) => a - b)
        .map((refId) => ({ userId: org.user.rep1, refId, due: '2026-12-19', status: 'open' })),
    );
    const c = await who.rep1.post(`/api/event-invitations/${ids[`inv${ids.anna}`]}/confirm`, { version: 2 });
    expect(c.statusCode, c.body).toBe(200);
    expect(
      (await q(`select status from tasks where ref_id = $1 and kind = 'event.confirm'`, [ids[`inv${ids.anna}`]]))[0]
        .status,
    ).toBe('done');
  });

  it('check-in by search and by QR token; the gift leaves stock in the same transaction', async () => {
    const found = (await who.front.get(`/api/events/${ids.event}/guests?keyword=${encodeURIComponent('刘安')}`)).json();
    expect(found.items).toEqual([
      expect.objectContaining({ customerName: '刘安娜', mobile: '138****1111', checkedInAt: null }),
    ]);
    const r = await who.front.post(`/api/event-invitations/${found.items[0].id}/check-in`, {
      seat: 'A-01',
      giveGift: true,
    });
    expect(r.statusCode, r.body).toBe(200);
    const onHand = async () =>
      (await q('select on_hand::text as n from stock_items where product_id = $1', [ids.gift]))[0].n;
    expect(await onHand()).toBe('9.0000');
    expect(
      await q(
        `select ref_type as "refType", ref_id as "refId" from stock_movements where product_id = $1 and ref_type is not null`,
        [ids.gift],
      ),
    ).toEqual([{ refType: 'event_invitation', refId: found.items[0].id }]);
    // A second gift is refused and nothing moves.
    const again = await who.front.post(`/api/event-invitations/${found.items[0].id}/check-in`, { giveGift: true });
    expect(again.statusCode).toBe(400);
    expect(await onHand()).toBe('9.0000');
    const [{ token }] = await q('select token from event_invitations where id = $1', [ids[`inv${ids.bo}`]]);
    expect((await who.front.get(`/api/event-guests/${token}`)).json()).toMatchObject({ customerName: '陈博' });
    expect((await who.front.post(`/api/event-guests/${token}/check-in`, { seat: 'A-02' })).statusCode).toBe(200);
    // A walk-in registered at the door becomes a customer (through the customers module) and attends.
    const w = await who.front.post(`/api/events/${ids.event}/walk-ins`, {
      name: '到场新客',
      mobile: '13900007777',
      giveGift: true,
    });
    expect(w.statusCode, w.body).toBe(201);
    expect(await onHand()).toBe('8.0000');
    expect((await q(`select owner_id as "ownerId" from customers where name = '到场新客'`))[0].ownerId).toBe(
      org.user.director,
    );
    // rep1 cannot work the door.
    expect((await who.rep1.post(`/api/event-invitations/${ids[`inv${ids.dan}`]}/check-in`, {})).statusCode).toBe(403);
  });

  it('deals: in-scope orders of attendees are attributed; the report matches the hand-computed figures', async () => {
    const order = async (c: Client, customerId: number, unitPrice: string) => {
      const r = await c.post('/api/orders', {
        customerId,
        channel: 'rep',
        requestedDate: '2027-01-10',
        warehouseId: ids.wh,
        lines: [{ productId: ids.gift, qty: '1', unitPrice, taxRate: '0.00' }],
      });
      if (r.statusCode !== 201) throw new Error(r.body);
      return r.json().id as number;
    };
    const o1 = await order(who.rep1, ids.anna, '4800.00');
    const o2 = await order(who.rep1, ids.bo, '1200.50');
    const o3 = await order(who.rep1, ids.dan, '999.00');
    const o4 = await order(who.rep2, ids.other, '100.00');
    expect((await who.rep1.post(`/api/events/${ids.event}/orders`, { orderId: o1 })).statusCode).toBe(200);
    expect((await who.rep1.post(`/api/events/${ids.event}/orders`, { orderId: o2 })).statusCode).toBe(200);
    // Dan did not attend; rep2's order is out of rep1's scope (404).
    expect((await who.rep1.post(`/api/events/${ids.event}/orders`, { orderId: o3 })).json().fields[0].field).toBe(
      'orderId',
    );
    expect((await who.rep1.post(`/api/events/${ids.event}/orders`, { orderId: o4 })).statusCode).toBe(404);
    // Actual spend booked after the event: 1500 + 900.
    const ev = (await who.director.get(`/api/events/${ids.event}`)).json();
    const put = await who.director.put(`/api/events/${ids.event}`, {
      ...EVENT,
      giftProductId: ids.gift,
      giftWarehouseId: ids.wh,
      budget: [
        { category: 'venue', budget: '2000.00', actual: '1500.00' },
        { category: 'gifts', budget: '1000.00', actual: '900.00' },
      ],
      version: ev.version,
    });
    expect(put.statusCode, put.body).toBe(200);
    const report = (await who.director.get(`/api/events/${ids.event}/report`)).json();
    // invited 4 (walk-in excluded); accepted 2; confirmed 1; attended 3 (anna, bo, walk-in);
    // revenue 4800 + 1200.50; cost 2400; per attendee 800; ROI (6000.50 − 2400) / 2400 = 150.02 %.
    expect(report.figures).toMatchObject({
      invited: 4,
      accepted: 2,
      declined: 1,
      undecided: 1,
      confirmed: 1,
      attended: 3,
      walkIns: 1,
      giftsGiven: 2,
      deals: 2,
      revenue: '6000.50',
      budget: '3000.00',
      cost: '2400.00',
      costPerAttendee: '800.00',
      roi: '150.02',
    });
    expect(report.declineReasons).toEqual([{ reason: 'schedule', count: 1 }]);
    expect(report.reps.find((r: { repName: string }) => r.repName === '张三')).toMatchObject({
      invited: 4,
      accepted: 2,
      attended: 2,
      deals: 2,
      revenue: '6000.50',
    });
    const list = (await who.director.get('/api/events')).json();
    expect(list.items[0]).toMatchObject({ id: ids.event, revenue: '6000.50', roi: '150.02', attended: 3 });
    // manager2 (销售二部): the approved campaign is visible, rep1's funnel is not.
    const m2 = (await who.manager2.get(`/api/events/${ids.event}/report`)).json();
    expect(m2.figures).toMatchObject({ invited: 0, deals: 0, revenue: '0.00' });
  });
});

describe('invitees from a saved customer filter (SPEC 2.4: saved filters on the attributes)', () => {
  it('picks the saved filter’s customers within the inviter’s scope; another user’s private filter is 404', async () => {
    const mk = await who.rep1.post('/api/customers', {
      kind: 'individual',
      name: '筛选邀约客户',
      mobile: '13800005555',
    });
    expect(mk.statusCode, mk.body).toBe(201);
    const save = (c: Client, name: string, keyword: string) =>
      c.post('/api/customer-filters', { name, filter: { keyword } });
    const mine = (await save(who.rep1, '筛选邀约', '筛选邀约')).json();
    // rep2's private filter matches his own customer; rep1 may not use it.
    const theirs = (await save(who.rep2, '二部客户筛选', '二部客户')).json();
    const before = await q('select count(*)::int as n from event_invitations');
    const refused = await who.rep1.post(`/api/events/${ids.event}/invitations`, { savedFilterId: theirs.id });
    expect(refused.statusCode).toBe(404);
    expect(await q('select count(*)::int as n from event_invitations')).toEqual(before);
    const res = await who.rep1.post(`/api/events/${ids.event}/invitations`, {
      savedFilterId: mine.id,
      method: 'wechat',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ added: 1, skipped: 0 });
    const [row] = await q(
      'select i.method, c.name from event_invitations i join customers c on c.id = i.customer_id where i.customer_id = $1',
      [mk.json().id],
    );
    expect(row).toEqual({ method: 'wechat', name: '筛选邀约客户' });
    // rep2 using his own filter on the same event invites his own customer only (his scope applies).
    const own = await who.rep2.post(`/api/events/${ids.event}/invitations`, { savedFilterId: theirs.id });
    expect(own.json()).toEqual({ added: 1, skipped: 0 });
  });
});
