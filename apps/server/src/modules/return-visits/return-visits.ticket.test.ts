import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_BASE64 } from '../../../test/audit-cases/service.ts';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { insertCustomer, insertRoleUser } from '../deliveries/deliveries.test-seed.ts';
import { insertSignedDelivery } from '../service/service.test-seed.ts';

/**
 * A closed ticket plans a return visit (SPEC 4.4, onTicketClosed): called back by the desk that took
 * the request, about the engineer's work; a complaint decided as repair opens a ticket; the quality
 * tracking card of the batch lists the ticket, the complaint and the visit.
 */
let env: TestEnv;
let org: Org;
let boss: Client;
let eng: Client;
let biz: Client;
let engId: number;
let bossId: number;
const pool = () => env.database.pool;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  bossId = await insertRoleUser(env, 'svcboss', '陈主管', 'service_supervisor');
  engId = await insertRoleUser(env, 'eng1', '刘工', 'service_engineer');
  await insertRoleUser(env, 'biz1', '商务甲', 'commerce');
  boss = await Client.login(env.app, 'svcboss');
  eng = await Client.login(env.app, 'eng1');
  biz = await Client.login(env.app, 'biz1');
});
afterAll(() => env.close());

describe('after a ticket closes', () => {
  it('a return visit is planned for the desk that took it, naming the engineer; the card lists it all', async () => {
    const customerId = await insertCustomer(env, '杭州工单回访医院', org.user.rep1);
    const { lineId } = await insertSignedDelivery(env, {
      customerId,
      ownerId: org.user.rep1,
      signedDate: '2026-06-01',
      warrantyMonths: 12,
      batchNo: 'CARD-01',
    });
    const t = await boss.post('/api/service-tickets', {
      type: 'repair',
      source: 'hotline',
      customerId,
      deliveryLineId: lineId,
      subject: '开机报警',
    });
    expect(t.statusCode, t.body).toBe(201);
    const id = t.json().id;
    let v = (await boss.post(`/api/service-tickets/${id}/assign`, { engineerId: engId, version: 1 })).json();
    v = (
      await eng.post(`/api/service-tickets/${id}/replies`, { kind: 'visit', body: '上门检查', version: v.version })
    ).json();
    v = (await eng.post(`/api/service-tickets/${id}/resolve`, { resolution: '更换传感器', version: v.version })).json();
    expect(
      (
        await pool().query(
          `select count(*)::int n from return_visits where source_type = 'ticket' and source_id = $1`,
          [id],
        )
      ).rows[0].n,
    ).toBe(0);
    // The customer signs the service report; only then does the ticket close (SPEC 4.1).
    const file = { fileName: '签字.png', mimeType: 'image/png', contentBase64: PNG_BASE64 };
    v = (
      await eng.post(`/api/service-tickets/${id}/report/sign`, { signerName: '王科长', file, version: v.version })
    ).json();
    const closed = await eng.post(`/api/service-tickets/${id}/confirm`, { version: v.version });
    expect(closed.statusCode, closed.body).toBe(200);
    const visit = (
      await pool().query(`select * from return_visits where source_type = 'ticket' and source_id = $1`, [id])
    ).rows[0];
    expect(visit).toMatchObject({ status: 'planned', owner_id: bossId, engineer_id: engId, rep_id: org.user.rep1 });
    expect(Number(visit.ticket_id)).toBe(id);
    const task = await pool().query(`select user_id from tasks where dedupe_key = $1`, [`visit:${visit.id}`]);
    expect(task.rows[0].user_id).toBe(bossId);

    // A complaint on the same delivery decided as a repair opens a ticket (source complaint).
    const d = (await pool().query(`select delivery_id from delivery_lines where id = $1`, [lineId])).rows[0]
      .delivery_id;
    const c = (
      await biz.post('/api/complaints', {
        customerId,
        deliveryId: Number(d),
        category: 'quality',
        severity: 'serious',
        subject: '维修后仍报警',
        description: '更换传感器后第三天再次报警',
      })
    ).json();
    const inv = (
      await biz.post(`/api/complaints/${c.id}/investigate`, {
        version: c.version,
        investigators: [{ userId: engId, role: 'technical' }],
      })
    ).json();
    const dec = await biz.post(`/api/complaints/${c.id}/decide`, {
      version: inv.version,
      cause: '主板故障',
      decision: 'repair',
    });
    expect(dec.statusCode, dec.body).toBe(200);
    const ticket = (
      await pool().query(`select source, priority, batch_id from service_tickets where id = $1`, [dec.json().ticketId])
    ).rows[0];
    expect(ticket).toMatchObject({ source: 'complaint', priority: 'high' });

    const card = (await biz.get(`/api/trace/batches/${ticket.batch_id}/card`)).json();
    expect(card.batch.batchNo).toBe('CARD-01');
    const kinds = card.entries.map((e: { kind: string }) => e.kind);
    expect(kinds.filter((k: string) => k === 'service_ticket')).toHaveLength(2);
    expect(kinds).toContain('complaint');
    expect(kinds).toContain('delivery');
  });
});
