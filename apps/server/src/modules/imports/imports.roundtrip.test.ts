import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { importSettled } from './index.ts';

/**
 * Round trip (issue 14 item 5): the customer export of one company, imported unchanged into a
 * fresh company, gives the same customers (the columns the export has).
 */
let from: TestEnv;
let to: TestEnv;

beforeAll(async () => {
  [from, to] = await Promise.all([createTestEnv(), createTestEnv()]);
  await Promise.all([seedOrg(from), seedOrg(to)]);
}, 60_000);
afterAll(async () => Promise.all([from?.close(), to?.close()]));

const SNAPSHOT = `select c.kind, c.name, c.mobile, c.credit_code, c.class, c.region, c.industry, c.source, c.tags,
  c.gender, c.birth_date::text, c.occupation, c.interests, c.purchase_intent, u.username owner
  from customers c join users u on u.id = c.owner_id order by c.name`;

describe('export → import', () => {
  it('brings the same customers into a fresh company', async () => {
    const director = await Client.login(from.app, 'director');
    const rep1 = (await from.database.pool.query(`select id from users where username = 'rep1'`)).rows[0].id;
    const inputs = [
      {
        kind: 'company',
        name: '往返测试甲有限公司',
        mobile: '13911110001',
        class: 'A',
        region: '350000',
        industry: 'retail',
        source: 'exhibition',
        tags: ['经销商', '老客户'],
      },
      { kind: 'company', name: '往返测试乙有限公司', class: 'KEY', region: '110000', ownerId: rep1 },
      {
        kind: 'individual',
        name: '王往返',
        mobile: '13911110003',
        source: 'referral',
        // Issue 14 item 2: the invitation attributes make the round trip too.
        gender: 'female',
        birthDate: '1975-08-19',
        occupation: 'business_owner',
        interests: ['golf', 'tea'],
        purchaseIntent: 'high',
      },
    ];
    for (const b of inputs) {
      const r = await director.post('/api/customers', b);
      expect(r.statusCode, r.body).toBe(201);
    }
    const exported = await director.get('/api/customers/export');
    expect(exported.statusCode).toBe(200);

    const importer = await Client.login(to.app, 'director');
    const up = await importer.post('/api/imports', {
      template: 'customers',
      fileName: '客户导出.xlsx',
      contentBase64: exported.rawPayload.toString('base64'),
    });
    expect(up.statusCode, up.body).toBe(202);
    const id = up.json().id;
    await importSettled(id);
    const job = (await importer.get(`/api/imports/${id}`)).json();
    expect(job).toMatchObject({ status: 'mapping', totalRows: 3 });
    expect(job.mapping).toMatchObject({
      客户名称: 'name',
      类型: 'kind',
      手机: 'mobile',
      等级: 'class',
      负责人: 'owner',
      客户编号: null,
      性别: 'gender',
      出生日期: 'birthDate',
      职业: 'occupation',
      兴趣爱好: 'interests',
      购买意向: 'purchaseIntent',
    });
    await importer.post(`/api/imports/${id}/dry-run`, { mapping: job.mapping });
    await importSettled(id);
    expect((await importer.get(`/api/imports/${id}`)).json().status).toBe('validated');
    await importer.post(`/api/imports/${id}/commit`);
    await importSettled(id);
    expect((await importer.get(`/api/imports/${id}`)).json()).toMatchObject({ status: 'committed', createdCount: 3 });

    const a = (await from.database.pool.query(SNAPSHOT)).rows;
    const b = (await to.database.pool.query(SNAPSHOT)).rows;
    expect(a).toHaveLength(3);
    expect(a).toContainEqual(
      expect.objectContaining({
        name: '王往返',
        birth_date: '1975-08-19',
        interests: ['golf', 'tea'],
        purchase_intent: 'high',
      }),
    );
    expect(b).toEqual(a);
  });
});
