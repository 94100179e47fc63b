import { creditCodeCheckChar } from '@sales/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';

let env: TestEnv;
let org: Org;
let rep1: Client;
let rep2: Client;
let manager1: Client;

const creditCode = (seq: number) => {
  const first17 = `913301${String(seq).padStart(6, '0')}MA2${'0'.repeat(2)}`.slice(0, 17);
  return first17 + creditCodeCheckChar(first17);
};

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  rep1 = await Client.login(env.app, 'rep1');
  rep2 = await Client.login(env.app, 'rep2');
  manager1 = await Client.login(env.app, 'manager1');
});
afterAll(() => env.close());

const company = (over: Record<string, unknown> = {}) => ({
  kind: 'company',
  name: '杭州明达科技有限公司',
  creditCode: creditCode(1),
  mobile: '13812345678',
  address: '浙江省杭州市西湖区文三路100号',
  region: '330000',
  industry: 'manufacturing',
  source: 'exhibition',
  class: 'A',
  tags: ['展会'],
  ...over,
});

describe('customer create and validation', () => {
  it('refuses a wrong credit code with a field-level Chinese error and writes nothing', async () => {
    const bad = creditCode(2).slice(0, 17) + (creditCode(2).endsWith('0') ? '1' : '0');
    const res = await rep1.post('/api/customers', company({ creditCode: bad, name: '错误信用代码公司' }));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.fields).toEqual([
      expect.objectContaining({
        field: 'creditCode',
        code: 'validation.creditCode.checksum',
        message: '统一社会信用代码校验位错误，请核对',
      }),
    ]);
    const rows = await env.database.pool.query(`select count(*)::int n from customers where name = '错误信用代码公司'`);
    expect(rows.rows[0].n).toBe(0);
  });

  it('localises the same error in zh-TW and en-US', async () => {
    const bad = { ...company(), creditCode: '91350100M000100Y44' };
    const tw = await rep1.request('POST', '/api/customers', bad, { 'accept-language': 'zh-TW' });
    expect(tw.json().fields[0].message).toBe('統一社會信用代碼校驗位錯誤，請核對');
    const en = await rep1.request('POST', '/api/customers', bad, { 'accept-language': 'en-US' });
    expect(en.json().fields[0].message).toBe('The credit code check character is wrong');
  });

  it('refuses a bad ID number and a bad mobile with their own messages', async () => {
    const res = await rep1.post('/api/customers', {
      kind: 'individual',
      name: '张伟',
      idNumber: '110105194912310021',
      mobile: '12345678901',
    });
    expect(res.statusCode).toBe(400);
    const fields = Object.fromEntries(res.json().fields.map((f: { field: string; code: string }) => [f.field, f.code]));
    expect(fields).toEqual({ idNumber: 'validation.idNumber.checksum', mobile: 'validation.mobile.format' });
  });

  it('requires a name', async () => {
    const res = await rep1.post('/api/customers', { kind: 'company', name: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([expect.objectContaining({ field: 'name', message: '此项为必填项' })]);
  });

  it('creates a customer owned by the creator with a gapless KH number and an audit entry', async () => {
    const res = await rep1.post('/api/customers', company());
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c.no).toMatch(/^KH-\d{4}-000001$/);
    expect(c.ownerId).toBe(org.user.rep1);
    expect(c.mobile).toBe('13812345678');
    expect(c.masked).toBe(false);
    const audit = await env.database.pool.query(
      `select action, changes from audit_log where entity_type = 'customer' and entity_id = $1`,
      [c.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].action).toBe('create');
    expect(audit.rows[0].changes).toContainEqual({ field: 'name', old: null, new: '杭州明达科技有限公司' });
  });
});

describe('duplicate check (查重)', () => {
  it.each([
    ['full-width digits', { kind: 'individual', name: '王小明', mobile: '１３８１２３４５６７８' }],
    ['+86 prefix with spaces', { kind: 'individual', name: '王小明', mobile: '+86 138 1234 5678' }],
    ['0086 prefix with dashes', { kind: 'individual', name: '王小明', mobile: '0086-138-1234-5678' }],
  ])('finds the same mobile written with %s', async (_label, body) => {
    const res = await rep2.post('/api/customers', body);
    expect(res.statusCode).toBe(409);
    const b = res.json();
    expect(b.code).toBe('customer.duplicate');
    expect(b.field).toBe('mobile');
    expect(b.message).toBe('客户重复：已存在手机号码相同的客户，负责人：张三');
    // rep2 cannot see rep1's customer: the owner is named, nothing more.
    expect(b.duplicate).toEqual({ ownerName: '张三', customerId: null, customerNo: null, customerName: null });
  });

  it.each([
    ['股份有限公司 suffix', '杭州明达科技股份有限公司'],
    ['full-width and spaces', '杭州明达科技 有限公司'],
    ['no suffix', '杭州明达科技'],
  ])('finds the same company name with %s', async (_label, name) => {
    const res = await rep2.post('/api/customers', { kind: 'company', name });
    expect(res.statusCode).toBe(409);
    expect(res.json().field).toBe('name');
  });

  it('finds the same credit code in lower case', async () => {
    const res = await rep2.post('/api/customers', {
      kind: 'company',
      name: '另一家公司',
      creditCode: creditCode(1).toLowerCase(),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().field).toBe('creditCode');
  });

  it('reveals number and name to a user who can see the existing customer', async () => {
    const res = await manager1.post('/api/customers', { kind: 'individual', name: '某人', mobile: '13812345678' });
    expect(res.statusCode).toBe(409);
    expect(res.json().duplicate).toMatchObject({ ownerName: '张三', customerName: '杭州明达科技有限公司' });
  });

  it('lets individuals without any identifying key through (nothing to compare)', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await rep2.post('/api/customers', { kind: 'individual', name: '无联系方式访客' });
      expect(res.statusCode).toBe(201);
    }
  });

  it('checks duplicates on edit too', async () => {
    const other = (
      await rep1.post(
        '/api/customers',
        company({ name: '宁波港城贸易有限公司', creditCode: creditCode(3), mobile: '13900001111' }),
      )
    ).json();
    const res = await rep1.put(`/api/customers/${other.id}`, {
      ...company({ name: '杭州明达科技(有限公司)', creditCode: creditCode(3), mobile: '13900001111' }),
      version: other.version,
    });
    expect(res.statusCode).toBe(409);
  });
});

describe('versions, masking and transfer', () => {
  it('refuses a stale version with 412 and keeps the newer data', async () => {
    const c = (
      await rep1.post(
        '/api/customers',
        company({ name: '温州瓯江阀门有限公司', creditCode: creditCode(4), mobile: '13900002222' }),
      )
    ).json();
    const first = await rep1.put(`/api/customers/${c.id}`, {
      ...company({ name: '温州瓯江阀门有限公司', creditCode: creditCode(4), mobile: '13900002222', class: 'B' }),
      version: c.version,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(c.version + 1);
    // Saving unchanged data is not a change: same version, no new audit entry.
    const same = await rep1.put(`/api/customers/${c.id}`, {
      ...company({ name: '温州瓯江阀门有限公司', creditCode: creditCode(4), mobile: '13900002222', class: 'B' }),
      version: c.version + 1,
    });
    expect(same.json().version).toBe(c.version + 1);
    const audits = await env.database.pool.query(
      `select count(*)::int n from audit_log where entity_type = 'customer' and entity_id = $1`,
      [c.id],
    );
    expect(audits.rows[0].n).toBe(2);
    const stale = await rep1.put(`/api/customers/${c.id}`, {
      ...company({ name: '温州瓯江阀门有限公司', creditCode: creditCode(4), mobile: '13900002222', class: 'C' }),
      version: c.version,
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().message).toBe('数据已被他人修改，请刷新后重试');
    const now = (await rep1.get(`/api/customers/${c.id}`)).json();
    expect(now.class).toBe('B');
  });

  it('masks personal data for users neither owner nor above the owner, and logs unmasked views', async () => {
    const c = (
      await rep1.post(
        '/api/customers',
        company({ name: '嘉兴禾丰食品有限公司', creditCode: creditCode(5), mobile: '13900003333' }),
      )
    ).json();
    const views: Record<string, string> = {};
    for (const u of ['rep1', 'supervisor1', 'manager1', 'director', 'gm', 'admin', 'finance']) {
      const client = await Client.login(env.app, u);
      const res = await client.get(`/api/customers/${c.id}`);
      expect(res.statusCode, u).toBe(200);
      views[u] = res.json().mobile;
    }
    expect(views).toEqual({
      rep1: '13900003333', // owner
      supervisor1: '13900003333', // rep1's manager
      manager1: '13900003333', // head of 销售一部
      director: '13900003333', // above manager1 in the manager chain
      gm: '13900003333', // head of the root department
      admin: '139****3333', // sees all customers, but is not above the owner
      finance: '139****3333',
    });
    const log = await env.database.pool.query(
      `select u.username from access_log a join users u on u.id = a.user_id where $1 = any(a.entity_ids) and a.entity_type = 'customer'`,
      [c.id],
    );
    expect(new Set(log.rows.map((r) => r.username))).toEqual(
      new Set(['rep1', 'supervisor1', 'manager1', 'director', 'gm']),
    );
  });

  it('a masked value sent back unchanged keeps the stored value', async () => {
    const c = (
      await rep1.post(
        '/api/customers',
        company({ name: '湖州丝路纺织有限公司', creditCode: creditCode(6), mobile: '13900004444' }),
      )
    ).json();
    // 商务 may edit every customer but is not above the owner: sees the mask.
    const commerce = await Client.login(env.app, 'commerce');
    const masked = (await commerce.get(`/api/customers/${c.id}`)).json();
    expect(masked.mobile).toBe('139****4444');
    expect(masked.address).toBe('浙江省杭州市****');
    const body = {
      ...company({ name: '湖州丝路纺织有限公司', creditCode: creditCode(6), class: 'KEY' }),
      mobile: masked.mobile,
      address: masked.address,
    };
    const edit = await commerce.put(`/api/customers/${c.id}`, { ...body, version: c.version });
    expect(edit.statusCode).toBe(200);
    const stored = (await rep1.get(`/api/customers/${c.id}`)).json();
    expect(stored).toMatchObject({ class: 'KEY', mobile: '13900004444', address: '浙江省杭州市西湖区文三路100号' });
    // A different masked-looking value is refused, not stored.
    const wrong = await commerce.put(`/api/customers/${c.id}`, {
      ...body,
      mobile: '139****9999',
      version: stored.version,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields[0]).toMatchObject({ field: 'mobile' });
    const fin = await Client.login(env.app, 'finance');
    expect((await fin.put(`/api/customers/${c.id}`, { ...body, version: stored.version })).statusCode).toBe(403);
  });

  it('transfers a customer to another owner with a reason, audited; the old owner loses it', async () => {
    const c = (
      await rep1.post(
        '/api/customers',
        company({ name: '绍兴越州纺机有限公司', creditCode: creditCode(7), mobile: '13900005555' }),
      )
    ).json();
    expect(
      (await rep1.post(`/api/customers/${c.id}/transfer`, { toUserId: org.user.rep2, reason: 'x', version: c.version }))
        .statusCode,
    ).toBe(403);
    const res = await manager1.post(`/api/customers/${c.id}/transfer`, {
      toUserId: org.user.rep2,
      reason: '区域调整',
      version: c.version,
    });
    expect(res.statusCode).toBe(200);
    expect((await rep1.get(`/api/customers/${c.id}`)).statusCode).toBe(404);
    const mine = (await rep2.get(`/api/customers/${c.id}`)).json();
    expect(mine.ownerName).toBe('王五');
    const audit = await env.database.pool.query(
      `select changes, comment from audit_log where entity_type = 'customer' and entity_id = $1 and action = 'transfer'`,
      [c.id],
    );
    expect(audit.rows[0].comment).toBe('区域调整');
    expect(audit.rows[0].changes).toContainEqual({ field: 'ownerId', old: org.user.rep1, new: org.user.rep2 });
    const tl = (await rep2.get(`/api/customers/${c.id}/timeline`)).json();
    expect(tl.items[0]).toMatchObject({ action: 'transfer', comment: '区域调整' });
    expect(tl.items[0].changes).toContainEqual({ field: 'ownerId', old: '张三', new: '王五' });
    expect(tl.items[0].changes).toContainEqual({ field: 'ownerDeptId', old: '销售一部', new: '销售二部' });
  });
});

describe('list, follow-ups and timeline', () => {
  it('lists only customers in scope, filters by keyword on phone and credit code', async () => {
    const r1 = (await rep1.get('/api/customers?pageSize=200')).json();
    expect(r1.items.every((i: { ownerName: string }) => i.ownerName === '张三')).toBe(true);
    const byPhone = (await rep1.get('/api/customers?keyword=%2B86%20139%200000%202222')).json();
    expect(byPhone.items.map((i: { name: string }) => i.name)).toEqual(['温州瓯江阀门有限公司']);
    const byCode = (await rep1.get(`/api/customers?keyword=${creditCode(5).slice(4, 14)}`)).json();
    expect(byCode.items.map((i: { name: string }) => i.name)).toEqual(['嘉兴禾丰食品有限公司']);
    const count = (await rep1.get('/api/customers/count')).json();
    expect(count).toEqual({ total: r1.total, capped: false });
    const mgr = (await manager1.get('/api/customers?class=A&sort=name&order=asc')).json();
    expect(mgr.total).toBeGreaterThan(0);
  });

  it('records a follow-up, shows it as due, and on the timeline', async () => {
    const c = (
      await rep1.post(
        '/api/customers',
        company({ name: '台州海天塑业有限公司', creditCode: creditCode(8), mobile: '13900006666' }),
      )
    ).json();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const f = await rep1.post(`/api/customers/${c.id}/follow-ups`, {
      type: 'call',
      content: '电话沟通报价',
      outcome: 'positive',
      nextAction: '上门拜访',
      nextActionDate: today,
    });
    expect(f.statusCode).toBe(201);
    const due = (await rep1.get('/api/follow-ups/mine?status=due')).json();
    expect(due.items.map((i: { customerName: string }) => i.customerName)).toContain('台州海天塑业有限公司');
    const tl = (await rep1.get(`/api/customers/${c.id}/timeline`)).json();
    expect(tl.items[0]).toMatchObject({ kind: 'followup', followUp: { content: '电话沟通报价' } });
    expect(tl.items.at(-1)).toMatchObject({ kind: 'audit', action: 'create' });
    const bad = await rep1.post(`/api/customers/${c.id}/follow-ups`, {
      type: 'call',
      content: '',
      outcome: 'positive',
      nextActionDate: '2026-02-30',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((x: { field: string }) => x.field)
        .sort(),
    ).toEqual(['content', 'nextActionDate']);
  });

  it('keeps the position a rep shared with a visit, and rejects an impossible one without writing', async () => {
    const c = (
      await rep1.post(
        '/api/customers',
        company({ name: '湖州南浔木业有限公司', creditCode: creditCode(9), mobile: '13900007777' }),
      )
    ).json();
    const visit = { type: 'visit', content: '上门拜访，查看车间', outcome: 'positive' };
    const f = await rep1.post(`/api/customers/${c.id}/follow-ups`, {
      ...visit,
      location: { latitude: 30.873, longitude: 120.426511, accuracy: 24.6 },
    });
    expect(f.statusCode).toBe(201);
    expect(f.json()).toMatchObject({ latitude: 30.873, longitude: 120.426511, locationAccuracy: 25 });
    const bad = await rep1.post(`/api/customers/${c.id}/follow-ups`, {
      ...visit,
      content: '不应保存',
      location: { latitude: 91, longitude: 120 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((x: { field: string }) => x.field)).toEqual(['location.latitude']);
    const list = (await rep1.get(`/api/customers/${c.id}/follow-ups`)).json();
    expect(list.items.map((i: { content: string; latitude: number | null }) => [i.content, i.latitude])).toEqual([
      ['上门拜访，查看车间', 30.873],
    ]);
    const plain = (await rep1.post(`/api/customers/${c.id}/follow-ups`, { ...visit, content: '电话' })).json();
    expect(plain).toMatchObject({ latitude: null, longitude: null, locationAccuracy: null });
  });

  it('exports the filtered list as a real xlsx within scope', async () => {
    const res = await manager1.get('/api/customers/export?class=A');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('客户编号');
    const names = ws.getColumn(2).values.slice(2);
    expect(names).toContain('杭州明达科技有限公司');
    expect(names).not.toContain('绍兴越州纺机有限公司'); // transferred to 销售二部
  });
});
