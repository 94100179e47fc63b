import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PNG_BASE64 } from '../../../test/audit-cases/service.ts';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertProduct, insertWarehouse, stockIn } from '../../../test/q2c-seed.ts';
import { pdfText } from '../../platform/printing/pdf-text.ts';
import { insertCustomer } from '../deliveries/deliveries.test-seed.ts';
import { onTicketClosed } from './index.ts';
import { insertDept, insertSignedDelivery, insertUserIn } from './service.test-seed.ts';

/**
 * Work on a ticket through the HTTP API (SPEC 4.1, issue 12 item 2): visits as first response,
 * parts issued from stock, charges of paid service, the signed service report, installation
 * handover facts, closure rules and the onTicketClosed hook. Time controlled by faking Date.
 */
let env: TestEnv;
let org: Org;
const who: Record<string, Client> = {};
const ids: Record<string, number> = {};
const closed: number[] = [];

async function at(iso: string) {
  vi.setSystemTime(new Date(iso));
  for (const u of ['svcboss', 'eng1']) who[u] = await Client.login(env.app, u);
}
const q = async (text: string, params: unknown[] = []) => (await env.database.pool.query(text, params)).rows;
const signature = { fileName: '客户签字.png', mimeType: 'image/png', contentBase64: PNG_BASE64 };

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  const dept = await insertDept(env, '售后部');
  ids.boss = await insertUserIn(env, 'svcboss', '陈主管', dept, 'service_supervisor');
  ids.eng1 = await insertUserIn(env, 'eng1', '刘工', dept, 'service_engineer');
  ids.customer = await insertCustomer(env, '温州维修测试医院', org.user.rep1);
  ids.lineOut = (
    await insertSignedDelivery(env, {
      customerId: ids.customer,
      ownerId: org.user.rep1,
      signedDate: '2024-03-01',
      warrantyMonths: 12,
    })
  ).lineId;
  ids.part = await insertProduct(env, { code: 'PART-PSU', name: '电源板', tracking: 'batch' });
  ids.wh = await insertWarehouse(env, 'WH-SPARE', '备件库');
  ids.batch = (await stockIn(env, ids.wh, ids.part, '2', 'PSU-2412')) as number;
  onTicketClosed(async (tx, _ctx, t) => {
    // Runs inside the confirm transaction: the ticket row is already locked by it.
    const r = await tx.execute<{ status: string }>(sql`select status from service_tickets where id = ${t.id}`);
    closed.push(t.id);
    expect(r.rows[0].status).toBe('resolved');
  });
  vi.useFakeTimers({ toFake: ['Date'] });
  await at('2027-01-06T09:30:00+08:00');
  const t = (
    await who.svcboss.post('/api/service-tickets', {
      type: 'repair',
      source: 'hotline',
      customerId: ids.customer,
      deliveryLineId: ids.lineOut,
      subject: '监护仪无法开机',
    })
  ).json();
  ids.t = t.id;
  await who.svcboss.post(`/api/service-tickets/${ids.t}/assign`, { engineerId: ids.eng1, version: 1 });
});
afterAll(async () => {
  vi.useRealTimers();
  await env?.close();
});

describe('visits', () => {
  it('a staff visit is the first response; photos are stored with it', async () => {
    await at('2027-01-06T11:30:00+08:00');
    const res = await who.eng1.post(`/api/service-tickets/${ids.t}/visits`, {
      arrivedAt: '2027-01-06T10:00:00+08:00',
      leftAt: '2027-01-06T11:15:00+08:00',
      workDone: '检测为电源板损坏',
      photos: [{ fileName: '现场.png', mimeType: 'image/png', contentBase64: PNG_BASE64 }],
      version: 2,
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({ status: 'in_progress', firstResponseAt: '2027-01-06T03:30:00.000Z' });
    expect(v.sla.response).toMatchObject({ state: 'met', usedMinutes: 120 });
    expect(v.visits).toEqual([
      expect.objectContaining({
        engineerName: '刘工',
        arrivedAt: '2027-01-06T02:00:00.000Z',
        leftAt: '2027-01-06T03:15:00.000Z',
        workDone: '检测为电源板损坏',
        photos: [expect.objectContaining({ fileName: '现场.png' })],
      }),
    ]);
    const photo = await who.eng1.get(`/api/attachments/${v.visits[0].photos[0].id}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
  });

  it('refuses a departure before the arrival and a visit in the future, field by field', async () => {
    const bad = await who.eng1.post(`/api/service-tickets/${ids.t}/visits`, {
      arrivedAt: '2027-01-06T10:00:00+08:00',
      leftAt: '2027-01-06T09:00:00+08:00',
      workDone: 'x',
      version: 3,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ field: 'leftAt', code: 'ticket.visit_left_before_arrival' });
    const future = await who.eng1.post(`/api/service-tickets/${ids.t}/visits`, {
      arrivedAt: '2027-01-07T10:00:00+08:00',
      workDone: 'x',
      version: 3,
    });
    expect(future.json().fields[0]).toMatchObject({ field: 'arrivedAt', code: 'ticket.visit_in_future' });
    expect(await q(`select count(*)::int n from service_visits`)).toEqual([{ n: 1 }]);
  });
});

describe('parts from stock', () => {
  it('issues the part by batch in the same transaction and never below zero', async () => {
    const noBatch = await who.eng1.post(`/api/service-tickets/${ids.t}/parts`, {
      warehouseId: ids.wh,
      productId: ids.part,
      qty: '1',
      version: 3,
    });
    expect(noBatch.json().fields[0]).toMatchObject({ field: 'batchId', code: 'stock.batch_required' });
    const ok = await who.eng1.post(`/api/service-tickets/${ids.t}/parts`, {
      warehouseId: ids.wh,
      productId: ids.part,
      batchId: ids.batch,
      qty: '1',
      version: 3,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().parts).toEqual([
      expect.objectContaining({ productCode: 'PART-PSU', batchNo: 'PSU-2412', qty: '1', warehouseName: '备件库' }),
    ]);
    const [lot] = await q(`select on_hand::text from stock_lots where batch_id = $1`, [ids.batch]);
    expect(lot.on_hand).toBe('1.0000');
    const [mv] = await q(
      `select kind, qty::text, ref_type, ref_id from stock_movements where ref_type = 'service_ticket'`,
    );
    expect(mv).toEqual({ kind: 'outbound', qty: '-1.0000', ref_type: 'service_ticket', ref_id: ids.t });
    const short = await who.eng1.post(`/api/service-tickets/${ids.t}/parts`, {
      warehouseId: ids.wh,
      productId: ids.part,
      batchId: ids.batch,
      qty: '2',
      version: 4,
    });
    expect(short.statusCode).toBe(409);
    expect(await q(`select count(*)::int n from service_ticket_parts`)).toEqual([{ n: 1 }]);
    expect((await q(`select on_hand::text from stock_lots where batch_id = $1`, [ids.batch]))[0].on_hand).toBe(
      '1.0000',
    );
  });
});

describe('charges', () => {
  it('adds charge lines on an out-of-warranty ticket, totalled exactly; refuses a non-positive amount', async () => {
    let v = (
      await who.eng1.post(`/api/service-tickets/${ids.t}/charges`, {
        description: '上门服务费',
        amount: '150.10',
        version: 4,
      })
    ).json();
    v = (
      await who.eng1.post(`/api/service-tickets/${ids.t}/charges`, {
        description: '电源板',
        amount: '1280.20',
        version: 5,
      })
    ).json();
    expect(v.chargeTotal).toBe('1430.30');
    expect(v.charges.map((c: { amount: string }) => c.amount)).toEqual(['150.10', '1280.20']);
    const bad = await who.eng1.post(`/api/service-tickets/${ids.t}/charges`, {
      description: '错误',
      amount: '0',
      version: 6,
    });
    expect(bad.json().fields[0]).toMatchObject({ field: 'amount', code: 'ticket.charge_positive' });
  });
});

describe('service report and closure', () => {
  it('cannot close before the customer signed; the report PDF carries the work; signed → closes, hook runs', async () => {
    await at('2027-01-06T15:00:00+08:00');
    let v = (
      await who.eng1.post(`/api/service-tickets/${ids.t}/resolve`, { resolution: '更换电源板', version: 6 })
    ).json();
    expect(v.closeBlockers).toEqual(['report']);
    const early = await who.eng1.post(`/api/service-tickets/${ids.t}/confirm`, { version: 7 });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('签字');
    const pdf = await who.eng1.get(`/api/service-tickets/${ids.t}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf.rawPayload);
    for (const s of ['售后服务报告单', '温州维修测试医院', '已过保修期', '检测为电源板损坏', 'PART-PSU', 'PSU-2412'])
      expect(text).toContain(s);
    expect(text).toContain('收费合计：¥1430.30');
    expect(text).toContain('壹仟肆佰叁拾元零叁角整');
    v = (
      await who.eng1.post(`/api/service-tickets/${ids.t}/report/sign`, {
        signerName: '王科长',
        file: signature,
        version: 7,
      })
    ).json();
    expect(v).toMatchObject({
      reportSignerName: '王科长',
      reportSignedAt: '2027-01-06T07:00:00.000Z',
      reportSignedByName: '刘工',
      closeBlockers: [],
    });
    expect((await who.eng1.get(`/api/attachments/${v.reportAttachmentId}`)).statusCode).toBe(200);
    v = (await who.eng1.post(`/api/service-tickets/${ids.t}/confirm`, { version: 8 })).json();
    expect(v.status).toBe('closed');
    expect(closed).toEqual([ids.t]);
  });

  it('refuses charges on an in-warranty ticket', async () => {
    const t = (
      await who.svcboss.post('/api/service-tickets', {
        type: 'consultation',
        source: 'online',
        customerId: ids.customer,
        subject: '咨询',
      })
    ).json();
    await q(`update service_tickets set in_warranty = true where id = $1`, [t.id]);
    const res = await who.svcboss.post(`/api/service-tickets/${t.id}/charges`, {
      description: '费用',
      amount: '10.00',
      version: 1,
    });
    // Not assigned yet: no work to charge for.
    expect(res.statusCode).toBe(409);
    await who.svcboss.post(`/api/service-tickets/${t.id}/assign`, { engineerId: ids.eng1, version: 1 });
    const again = await who.svcboss.post(`/api/service-tickets/${t.id}/charges`, {
      description: '费用',
      amount: '10.00',
      version: 2,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ticket.not_chargeable');
  });
});

describe('installation', () => {
  it('carries a due time and closes only with training and the operation manual recorded (who/when)', async () => {
    await at('2027-01-06T10:00:00+08:00');
    const t = (
      await who.svcboss.post('/api/service-tickets', {
        type: 'installation',
        source: 'visit',
        customerId: ids.customer,
        subject: '新购监护仪安装',
      })
    ).json();
    // normal installation: 2 × 2400 = 4800 working minutes of 9-hour days from Wed 10:00 → Mon 18 Jan 18:00.
    expect(t.dueAt).toBe('2027-01-18T10:00:00.000Z');
    await who.svcboss.post(`/api/service-tickets/${t.id}/assign`, { engineerId: ids.eng1, version: 1 });
    await who.eng1.post(`/api/service-tickets/${t.id}/resolve`, { resolution: '安装调试完成', version: 2 });
    let v = (
      await who.eng1.post(`/api/service-tickets/${t.id}/report/sign`, {
        signerName: '李主任',
        file: signature,
        version: 3,
      })
    ).json();
    expect(v.closeBlockers).toEqual(['training', 'manual']);
    const early = await who.eng1.post(`/api/service-tickets/${t.id}/confirm`, { version: 4 });
    expect(early.json().code).toBe('ticket.close_missing_training');
    v = (await who.eng1.post(`/api/service-tickets/${t.id}/checks`, { item: 'training', version: 4 })).json();
    expect(v).toMatchObject({ trainingDoneByName: '刘工', trainingDoneAt: '2027-01-06T02:00:00.000Z' });
    v = (await who.eng1.post(`/api/service-tickets/${t.id}/checks`, { item: 'manual', version: 5 })).json();
    expect(v).toMatchObject({ manualHandedByName: '刘工', closeBlockers: [] });
    expect((await who.eng1.post(`/api/service-tickets/${t.id}/confirm`, { version: 6 })).json().status).toBe('closed');
    const repair = await who.eng1.post(`/api/service-tickets/${ids.t}/checks`, { item: 'training', version: 9 });
    expect(repair.statusCode).toBe(409);
  });
});

describe('customer 360', () => {
  it('shows the customer’s tickets on its timeline and in its related records, and filters the list by customer', async () => {
    const timeline = (await who.svcboss.get(`/api/customers/${ids.customer}/timeline`)).json();
    const docs = JSON.stringify(timeline);
    expect(docs).toContain('service_ticket');
    const related = (await who.svcboss.get(`/api/customers/${ids.customer}/related`)).json();
    const kind = related.items.find((k: { type: string }) => k.type === 'service_ticket');
    expect(kind.total).toBe(3);
    expect(kind.recent[0]).toMatchObject({ name: '新购监护仪安装' });
    const list = (await who.svcboss.get(`/api/service-tickets?customerId=${ids.customer}`)).json();
    expect(list.total).toBe(3);
  });
});

describe('pickers', () => {
  it('lists the customer’s delivered lines with today’s warranty, and the engineers a ticket can go to', async () => {
    const lines = (await who.svcboss.get(`/api/service-tickets/delivered-lines?customerId=${ids.customer}`)).json();
    expect(lines.items).toEqual([
      expect.objectContaining({
        id: ids.lineOut,
        signedOn: '2024-03-01',
        warrantyUntil: '2025-02-28',
        inWarranty: false,
      }),
    ]);
    const engineers = (await who.svcboss.get('/api/service-tickets/engineers')).json();
    expect(engineers.items.map((u: { name: string }) => u.name)).toEqual(expect.arrayContaining(['刘工', '陈主管']));
    // Assignment by load (SPEC 4.1): each engineer's open tickets, the least loaded first.
    const open = await env.database.db.execute<{ engineer_id: number; n: number }>(
      sql`select engineer_id, count(*)::int as n from service_tickets
          where engineer_id is not null and status not in ('resolved', 'closed') group by engineer_id`,
    );
    const load = new Map(open.rows.map((r) => [Number(r.engineer_id), Number(r.n)]));
    expect(Math.max(...load.values())).toBeGreaterThan(0);
    type Eng = { id: number; openTickets: number };
    for (const u of engineers.items as Eng[]) expect(u.openTickets).toBe(load.get(u.id) ?? 0);
    const counts = (engineers.items as Eng[]).map((u) => u.openTickets);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    const t = (await who.svcboss.get(`/api/service-tickets/${ids.t}`)).json();
    expect(t.actions).toEqual(['reopen']);
    // Its delivery note among the document links (售后主管 holds delivery.view: it opens).
    const links = (await who.svcboss.get(`/api/service-tickets/${ids.t}/links`)).json();
    expect(links.sources).toEqual([
      expect.objectContaining({ type: 'delivery', id: expect.any(Number), no: expect.stringMatching(/^FH-T-/) }),
    ]);
  });
});

describe('contacts of served customers', () => {
  it('the engineer of an open ticket sees the customer’s phone in clear; once no ticket is open, masked again', async () => {
    await q(`update customers set mobile = '13912345678', mobile_norm = '13912345678' where id = $1`, [ids.customer]);
    const served = await insertCustomer(env, '丽水服务中客户', org.user.rep1);
    await q(`update customers set mobile = '13987654321', mobile_norm = '13987654321' where id = $1`, [served]);
    await at('2027-01-07T10:00:00+08:00');
    const t = (
      await who.svcboss.post('/api/service-tickets', {
        type: 'repair',
        source: 'hotline',
        customerId: served,
        subject: '报修',
      })
    ).json();
    expect((await who.eng1.get(`/api/customers/${served}`)).json().mobile).toBe('139****4321');
    await who.svcboss.post(`/api/service-tickets/${t.id}/assign`, { engineerId: ids.eng1, version: 1 });
    expect((await who.eng1.get(`/api/customers/${served}`)).json().mobile).toBe('13987654321');
    await who.eng1.post(`/api/service-tickets/${t.id}/resolve`, { resolution: '已修复', version: 2 });
    await who.eng1.post(`/api/service-tickets/${t.id}/report/sign`, {
      signerName: '客户',
      file: signature,
      version: 3,
    });
    expect((await who.eng1.post(`/api/service-tickets/${t.id}/confirm`, { version: 4 })).json().status).toBe('closed');
    // No open ticket of that customer left: masked for the engineer again.
    expect((await who.eng1.get(`/api/customers/${served}`)).json().mobile).toBe('139****4321');
  });
});
