import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { SAMPLE_HEADERS, sampleCustomerRow, sheetBuffer } from '../imports/imports.test-seed.ts';
import { importSettled } from '../imports/index.ts';
import { orderBody, stockedProduct } from '../orders/orders.testkit.ts';
import { quoteBody, quoteFixtures } from '../quotes/quotes.test-helpers.ts';

/**
 * The onboarding gate (SPEC 5.4; seed 003: 新员工入职后进行为期[X]天的系统培训…考核合格者方可正式上岗):
 * a rep created on the users page is not active for sales — owns no customer (create, transfer,
 * pool claim and assignment) and creates no quote or order — until they pass the onboarding
 * session's assessment; then every surface accepts them. Users from before the gate stay active.
 */
let env: TestEnv;
let org: Org;
const who: Record<string, Client> = {};
const ids: Record<string, number> = {};
const q = async (text: string, values: unknown[] = []) => (await env.database.pool.query(text, values)).rows;
const GATE = '新人小刘 尚未通过岗前培训考核，暂不能负责客户或创建报价、订单（考核合格后方可正式上岗）';

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2027-05-14T10:00:00+08:00'));
  for (const u of ['admin', 'director', 'manager1', 'rep1', 'rep1b']) who[u] = await Client.login(env.app, u);
  const fx = await quoteFixtures(env, who.rep1, '门禁客户');
  Object.assign(ids, { rep1Customer: fx.customerId, p1: fx.p1, p2: fx.p2 });
  const stock = await stockedProduct(env, 'GATE-1', '20');
  Object.assign(ids, { product: stock.productId, wh: stock.warehouseId });
});
afterAll(async () => {
  vi.useRealTimers();
  await env?.close();
});

const refused = (
  res: { statusCode: number; json(): { fields: { field: string; message: string }[] } },
  field: string,
) => {
  expect(res.statusCode).toBe(400);
  expect(res.json().fields).toEqual([expect.objectContaining({ field, message: GATE })]);
};

describe('a new rep starts in onboarding', () => {
  it('the users page creates them in training, due after training.onboardingDays; other roles are not', async () => {
    const res = await who.admin.post('/api/users', {
      username: 'newrep',
      name: '新人小刘',
      mobile: '13912340001',
      deptId: org.dept.sales1,
      managerId: org.user.supervisor1,
      roles: ['sales_rep'],
      active: true,
      password: 'Newrep#2027',
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.newrep = res.json().id;
    expect(
      await q(
        'select onboarding_status, onboarding_started_on::text, onboarding_due_on::text from staff_records where user_id = $1',
        [ids.newrep],
      ),
    ).toEqual([
      { onboarding_status: 'in_training', onboarding_started_on: '2027-05-14', onboarding_due_on: '2027-05-21' },
    ]);
    const clerk = await who.admin.post('/api/users', {
      username: 'newclerk',
      name: '新会计',
      mobile: '13912340002',
      deptId: org.dept.finance,
      managerId: null,
      roles: ['finance'],
      active: true,
      password: 'Newclerk#2027',
    });
    expect(await q('select 1 from staff_records where user_id = $1', [clerk.json().id])).toEqual([]);
    who.newrep = await Client.login(env.app, 'newrep', 'Newrep#2027');
    expect((await who.newrep.get('/api/training/me')).json()).toEqual({
      activeForSales: false,
      onboardingStatus: 'in_training',
      dueOn: '2027-05-21',
    });
    // Users from before the gate (the harness's) are active.
    expect((await who.rep1.get('/api/training/me')).json()).toMatchObject({
      activeForSales: true,
      onboardingStatus: null,
    });
  });
});

describe('before the onboarding is passed, every surface refuses the new rep and writes nothing', () => {
  it('creating a customer (owning it) — by themselves or for them', async () => {
    refused(
      await who.newrep.post('/api/customers', { kind: 'individual', name: '新人客户', mobile: '13812345678' }),
      'ownerId',
    );
    refused(
      await who.manager1.post('/api/customers', {
        kind: 'individual',
        name: '代建客户',
        mobile: '13812345679',
        ownerId: ids.newrep,
      }),
      'ownerId',
    );
    expect(await q('select count(*)::int as n from customers where owner_id = $1', [ids.newrep])).toEqual([{ n: 0 }]);
  });

  it('a transfer to them', async () => {
    const res = await who.manager1.post(`/api/customers/${ids.rep1Customer}/transfer`, {
      toUserId: ids.newrep,
      reason: '交接',
      version: 1,
    });
    refused(res, 'toUserId');
    expect(await q('select owner_id, version from customers where id = $1', [ids.rep1Customer])).toEqual([
      { owner_id: org.user.rep1, version: 1 },
    ]);
  });

  it('a claim from the pool, and an assignment from it (the director manages the company pool)', async () => {
    const rel = await who.rep1.post(`/api/customers/${ids.rep1Customer}/release`, { reason: '暂无需求', version: 1 });
    expect(rel.statusCode, rel.body).toBe(200);
    refused(await who.newrep.post(`/api/pool/customers/${ids.rep1Customer}/claim`), 'ownerId');
    refused(
      await who.director.post(`/api/pool/customers/${ids.rep1Customer}/assign`, {
        toUserId: ids.newrep,
        reason: '分配给新人',
        version: 2,
      }),
      'toUserId',
    );
    expect(await q('select owner_id, version from customers where id = $1', [ids.rep1Customer])).toEqual([
      { owner_id: null, version: 2 },
    ]);
  });

  it('a quote and an order', async () => {
    refused(
      await who.newrep.post('/api/quotes', quoteBody({ customerId: ids.rep1Customer, p1: ids.p1, p2: ids.p2 })),
      'ownerId',
    );
    refused(
      await who.newrep.post('/api/orders', orderBody(ids.rep1Customer, ids.wh, [{ productId: ids.product, qty: '1' }])),
      'ownerId',
    );
    expect(await q('select (select count(*) from quotes)::int as q, (select count(*) from orders)::int as o')).toEqual([
      { q: 0, o: 0 },
    ]);
  });

  it('an imported customer owned by them (the dry run names the row)', async () => {
    const buf = await sheetBuffer(SAMPLE_HEADERS, [sampleCustomerRow(1, 'newrep'), sampleCustomerRow(2, 'rep1')]);
    const up = await who.manager1.post('/api/imports', {
      template: 'customers',
      fileName: '客户.xlsx',
      contentBase64: buf.toString('base64'),
    });
    expect(up.statusCode, up.body).toBe(202);
    const id = up.json().id as number;
    await importSettled(id);
    const mapping = (await who.manager1.get(`/api/imports/${id}`)).json().mapping;
    await who.manager1.post(`/api/imports/${id}/dry-run`, { mapping });
    await importSettled(id);
    expect((await who.manager1.get(`/api/imports/${id}`)).json().status).toBe('invalid');
    const problems = (await who.manager1.get(`/api/imports/${id}/problems`)).json().items;
    expect(problems.map((p: { row: number; column: string; message: string }) => [p.row, p.column, p.message])).toEqual(
      [[2, '负责人', GATE]],
    );
  });

  it('in English too', async () => {
    const en = await Client.login(env.app, 'newrep', 'Newrep#2027', 'en-US');
    const res = await en.post('/api/quotes', quoteBody({ customerId: ids.rep1Customer, p1: ids.p1, p2: ids.p2 }));
    expect(res.json().fields[0].message).toBe(
      '新人小刘 has not passed the onboarding training yet and cannot own customers or create quotes or orders until then',
    );
  });
});

describe('passing the onboarding assessment activates them', () => {
  it('a failing score keeps them in training; a pass at or above the mark activates them, audited', async () => {
    const plan = await who.manager1.post('/api/training/plans', {
      title: '2027年5月新员工岗前培训',
      kind: 'onboarding',
      goals: '熟悉公司文化、产品知识与销售流程',
      content: '公司文化、产品知识、销售技巧、客户服务规范',
      method: 'internal',
      trainer: '李经理',
      startsOn: '2027-05-10',
      endsOn: '2027-05-31',
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const session = await who.manager1.post(`/api/training/plans/${plan.json().id}/sessions`, {
      topic: '岗前培训结业考核',
      startsAt: '2027-05-14T08:30:00+08:00',
      endsAt: '2027-05-14T09:30:00+08:00',
      passScore: '60',
      participantIds: [ids.newrep],
    });
    expect(session.statusCode, session.body).toBe(201);
    ids.session = session.json().id;
    const record = (score: string, version: number) =>
      who.manager1.put(`/api/training/sessions/${ids.session}/results`, {
        version,
        rows: [{ userId: ids.newrep, status: 'present', score }],
      });
    expect((await record('59.5', 1)).statusCode).toBe(200);
    expect((await who.newrep.get('/api/training/me')).json().activeForSales).toBe(false);
    refused(
      await who.newrep.post('/api/customers', { kind: 'individual', name: '新人客户', mobile: '13812345678' }),
      'ownerId',
    );
    const pass = await record('60', 2);
    expect(pass.statusCode, pass.body).toBe(200);
    expect(pass.json().attendance[0]).toMatchObject({ status: 'present', score: '60.0', passed: true });
    expect(
      await q(
        'select onboarding_status, onboarding_passed_on::text, onboarding_session_id from staff_records where user_id = $1',
        [ids.newrep],
      ),
    ).toEqual([
      { onboarding_status: 'passed', onboarding_passed_on: '2027-05-14', onboarding_session_id: ids.session },
    ]);
    expect(
      await q(
        `select action, actor_id from audit_log where entity_type = 'staff_record' and entity_id = $1 order by id`,
        [ids.newrep],
      ),
    ).toEqual([
      { action: 'onboarding_start', actor_id: org.user.admin },
      { action: 'onboarding_pass', actor_id: org.user.manager1 },
    ]);
  });

  it('then every surface accepts them', async () => {
    expect((await who.newrep.post(`/api/pool/customers/${ids.rep1Customer}/claim`)).statusCode).toBe(200);
    const own = await who.newrep.post('/api/customers', {
      kind: 'individual',
      name: '新人客户',
      mobile: '13812345678',
    });
    expect(own.statusCode, own.body).toBe(201);
    const quote = await who.newrep.post(
      '/api/quotes',
      quoteBody({ customerId: own.json().id, p1: ids.p1, p2: ids.p2 }),
    );
    expect(quote.statusCode, quote.body).toBe(201);
    const order = await who.newrep.post(
      '/api/orders',
      orderBody(own.json().id, ids.wh, [{ productId: ids.product, qty: '1' }]),
    );
    expect(order.statusCode, order.body).toBe(201);
    const other = await quoteFixtures(env, who.rep1, '移交客户');
    const moved = await who.manager1.post(`/api/customers/${other.customerId}/transfer`, {
      toUserId: ids.newrep,
      reason: '交接',
      version: 1,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await q('select count(*)::int as n from customers where owner_id = $1', [ids.newrep])).toEqual([{ n: 3 }]);
  });

  it('a correction of the score below the mark puts them back into training', async () => {
    const res = await who.manager1.put(`/api/training/sessions/${ids.session}/results`, {
      version: 3,
      rows: [{ userId: ids.newrep, status: 'present', score: '45' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await who.newrep.get('/api/training/me')).json().activeForSales).toBe(false);
    refused(
      await who.newrep.post('/api/quotes', quoteBody({ customerId: ids.rep1Customer, p1: ids.p1, p2: ids.p2 })),
      'ownerId',
    );
  });

  it('a trainer may start onboarding by hand for someone from before the gate', async () => {
    const res = await who.manager1.post(`/api/training/staff/${org.user.rep1b}/onboarding`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ onboardingStatus: 'in_training', onboardingDueOn: '2027-05-21' });
    const quote = await who.rep1b.post(
      '/api/quotes',
      quoteBody({ customerId: ids.rep1Customer, p1: ids.p1, p2: ids.p2 }),
    );
    expect(quote.json().fields[0].message).toContain('李四 尚未通过岗前培训考核');
    expect((await who.manager1.post(`/api/training/staff/${org.user.rep1b}/onboarding`, {})).statusCode).toBe(409);
  });
});
