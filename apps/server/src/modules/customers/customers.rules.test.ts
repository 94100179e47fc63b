import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ctxFor, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { runBackfills } from '../../platform/backfills/index.ts';
import { recomputeCustomerNameKeys } from './customers.backfill.ts';
import { deleteCustomer } from './customers.service.ts';

// Customer-development rules of issue 9: phone leads need a number, traditional = simplified in
// the duplicate check (also for rows stored before), a comment with an edit, and deletion within
// the retention period archives instead.
let env: TestEnv;
let org: Org;
let rep1: Client;
let rep2: Client;
let manager1: Client;
const q = (text: string, params: unknown[] = []) => env.database.pool.query(text, params);

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  [rep1, rep2, manager1] = await Promise.all(['rep1', 'rep2', 'manager1'].map((u) => Client.login(env.app, u)));
});
afterAll(() => env.close());

async function create(c: Client, body: Record<string, unknown>) {
  const res = await c.post('/api/customers', { kind: 'company', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('phone leads (来电客户)', () => {
  it('refuses a customer from the phone channel without a number, field-level, in three languages', async () => {
    const body = { kind: 'individual', name: '来电无号码', source: 'phone' };
    const res = await rep1.post('/api/customers', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      expect.objectContaining({
        field: 'mobile',
        code: 'validation.phone.lead_required',
        message: '来电客户必须留下有效的联系电话',
      }),
    ]);
    const tw = await rep1.request('POST', '/api/customers', body, { 'accept-language': 'zh-TW' });
    expect(tw.json().fields[0].message).toBe('來電客戶必須留下有效的聯絡電話');
    const en = await rep1.request('POST', '/api/customers', body, { 'accept-language': 'en-US' });
    expect(en.json().fields[0].message).toBe('A phone lead needs a valid phone number');
    expect((await q(`select count(*)::int n from customers where name = '来电无号码'`)).rows[0].n).toBe(0);
  });

  it('refuses an invalid number and accepts a valid mobile or landline', async () => {
    const bad = await rep1.post('/api/customers', {
      kind: 'individual',
      name: '来电错号',
      source: 'phone',
      mobile: '12',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ field: 'mobile', code: 'validation.mobile.format' });
    await create(rep1, { kind: 'individual', name: '来电手机', source: 'phone', mobile: '13911112222' });
    await create(rep1, { kind: 'individual', name: '来电座机', source: 'phone', phone: '0571-88886666' });
  });

  it('keeps a phone lead’s stored number when the edit form sends it back masked', async () => {
    const c = await create(rep1, { kind: 'individual', name: '来电脱敏', source: 'phone', mobile: '13911113333' });
    // The form shows the mask and sends it back unchanged: the stored number stays.
    const res = await rep1.put(`/api/customers/${c.id}`, {
      kind: 'individual',
      name: '来电脱敏',
      source: 'phone',
      mobile: '139****3333',
      version: c.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await q('select mobile from customers where id = $1', [c.id])).rows[0].mobile).toBe('13911113333');
  });
});

describe('traditional and simplified names in the duplicate check (查重)', () => {
  it('refuses 上海华为技术 when 上海華為技術有限公司 exists, naming the owner', async () => {
    await create(rep1, { name: '上海華為技術有限公司' });
    const res = await rep2.post('/api/customers', { kind: 'company', name: '上海华为技术' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'customer.duplicate', field: 'name' });
    expect(res.json().message).toContain('张三');
  });

  it('recomputes the keys of rows stored before, so old rows match too', async () => {
    // As stored by the previous release: the key kept the traditional characters.
    const old = await create(rep1, { name: '廣州發展集團有限公司' });
    await q(`update customers set name_norm = '廣州發展集團' where id = $1`, [old.id]);
    expect((await rep2.post('/api/customers', { kind: 'company', name: '广州发展集团' })).statusCode).toBe(201);
    const other = (await q(`select id from customers where name = '广州发展集团'`)).rows[0].id;
    await q('update customers set deleted_at = now() where id = $1', [other]);

    const clash = await create(rep1, { name: '臺北明達科技有限公司' });
    await q(`update customers set name_norm = '臺北明達科技' where id = $1`, [clash.id]);
    await create(rep2, { name: '台北明达科技' });

    const { changed, clashes } = await env.database.db.transaction((tx) => recomputeCustomerNameKeys(tx));
    expect(changed).toBeGreaterThanOrEqual(1);
    // The live simplified twin holds the key: the old row keeps its own and is reported.
    expect(clashes).toEqual([clash.id]);
    expect((await q('select name_norm from customers where id = $1', [old.id])).rows[0].name_norm).toBe('广州发展集团');
    const again = await rep2.post('/api/customers', { kind: 'company', name: '廣州發展集團' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('张三');
  });

  it('runs the registered backfill once per database', async () => {
    await q(`delete from data_backfills`);
    expect(await runBackfills(env.database.db)).toContain('customers.nameNorm.opencc');
    expect(await runBackfills(env.database.db)).toEqual([]);
    expect((await q(`select name from data_backfills`)).rows.map((r) => r.name)).toContain('customers.nameNorm.opencc');
  });
});

describe('a comment with an edit', () => {
  it('keeps the editor’s reason on the audit row and shows it on the timeline', async () => {
    const c = await create(rep1, { name: '评论测试有限公司', region: '330000' });
    const res = await rep1.put(`/api/customers/${c.id}`, {
      kind: 'company',
      name: '评论测试有限公司',
      region: '310000',
      version: c.version,
      comment: '客户迁址到上海',
    });
    expect(res.statusCode, res.body).toBe(200);
    const audit = await q(
      `select comment, changes from audit_log where entity_type = 'customer' and entity_id = $1 and action = 'update'`,
      [c.id],
    );
    expect(audit.rows).toEqual([
      { comment: '客户迁址到上海', changes: [{ field: 'region', old: '330000', new: '310000' }] },
    ]);
    const timeline = (await rep1.get(`/api/customers/${c.id}/timeline`)).json().items;
    expect(timeline.find((t: { action: string }) => t.action === 'update')).toMatchObject({
      comment: '客户迁址到上海',
      actorName: '张三',
    });
    const tooLong = await rep1.put(`/api/customers/${c.id}`, {
      kind: 'company',
      name: '评论测试有限公司',
      version: c.version + 1,
      comment: '长'.repeat(501),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().fields[0].field).toBe('comment');
  });
});

describe('retention (records.retentionYears): delete archives within the period', () => {
  const YEAR = 365.25 * 24 * 3600 * 1000;

  it('archives a young customer: gone from the lists, kept, listed under 已归档 for those allowed', async () => {
    const c = await create(rep1, { name: '归档测试有限公司', mobile: '13722223333' });
    const del = await manager1.delete(`/api/customers/${c.id}?version=${c.version}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json()).toMatchObject({ ok: true, archived: true });
    const row = (await q('select archived_at, archived_by, deleted_at from customers where id = $1', [c.id])).rows[0];
    expect(row.archived_at).not.toBeNull();
    expect(row.archived_by).toBe(org.user.manager1);
    expect(row.deleted_at).toBeNull();
    const names = async (c: Client, url: string) =>
      (await c.get(url)).json().items.map((i: { name: string }) => i.name) as string[];
    expect(await names(manager1, '/api/customers?keyword=归档测试')).toEqual([]);
    expect((await manager1.get('/api/customers/count?keyword=归档测试')).json().total).toBe(0);
    expect(await names(manager1, '/api/customers?keyword=归档测试&archived=true')).toEqual(['归档测试有限公司']);
    // Kept: the record is still readable, marked archived.
    expect((await manager1.get(`/api/customers/${c.id}`)).json().archivedAt).not.toBeNull();
    // A rep may not delete, so the archive is not theirs to browse.
    expect((await rep1.get('/api/customers?archived=true')).statusCode).toBe(403);
    // The manager of another department does not see it.
    const m2 = await Client.login(env.app, 'manager2');
    expect(await names(m2, '/api/customers?keyword=归档测试&archived=true')).toEqual([]);
    // Deleting again within the period is refused with the date it ends.
    const again = await manager1.delete(`/api/customers/${c.id}?version=${c.version + 1}`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'records.retention.archived' });
    expect(again.json().message).toMatch(/可于 \d{4}-\d{2}-\d{2} 后删除/);
    const audit = await q(
      `select action, changes from audit_log where entity_type = 'customer' and entity_id = $1 and action in ('archive','delete')`,
      [c.id],
    );
    expect(audit.rows).toEqual([{ action: 'archive', changes: [expect.objectContaining({ field: 'retainedUntil' })] }]);
  });

  it('follows the policy and a controlled clock: archive before the end of the period, delete after it', async () => {
    const ctx = await ctxFor(env, manager1);
    const c = await create(rep1, { name: '时钟测试有限公司' });
    const created = new Date((await q('select created_at from customers where id = $1', [c.id])).rows[0].created_at);
    // Default 10 years: at 9.9 years it archives.
    const young = { ...ctx, now: () => new Date(created.getTime() + 9.9 * YEAR) };
    expect(await deleteCustomer(young, c.id, c.version)).toMatchObject({ archived: true });
    // Past the period the archived record may be deleted for good.
    const old = { ...ctx, now: () => new Date(created.getTime() + 10.01 * YEAR) };
    expect(await deleteCustomer(old, c.id, c.version + 1)).toMatchObject({ archived: false });
    expect((await q('select deleted_at from customers where id = $1', [c.id])).rows[0].deleted_at).not.toBeNull();
    expect((await manager1.get(`/api/customers/${c.id}`)).statusCode).toBe(404);

    // The company shortens the period to 3 years: a 4-year-old record is deleted at once.
    const admin = await Client.login(env.app, 'admin');
    expect((await admin.put('/api/policies/records.retentionYears', { value: 3, version: 0 })).statusCode).toBe(200);
    const d = await create(rep1, { name: '短期保存有限公司' });
    const dCreated = new Date((await q('select created_at from customers where id = $1', [d.id])).rows[0].created_at);
    const later = { ...ctx, now: () => new Date(dCreated.getTime() + 4 * YEAR) };
    expect(await deleteCustomer(later, d.id, d.version)).toMatchObject({ archived: false });
    const soon = await create(rep1, { name: '短期保存二有限公司' });
    const sCreated = new Date(
      (await q('select created_at from customers where id = $1', [soon.id])).rows[0].created_at,
    );
    expect(
      await deleteCustomer({ ...ctx, now: () => new Date(sCreated.getTime() + 2 * YEAR) }, soon.id, soon.version),
    ).toMatchObject({ archived: true });
    expect((await admin.put('/api/policies/records.retentionYears', { value: 10, version: 1 })).statusCode).toBe(200);
  });

  it('archives contacts and opportunities the same way', async () => {
    const c = await create(rep1, { name: '联系人归档有限公司' });
    const contact = (await rep1.post(`/api/customers/${c.id}/contacts`, { name: '王联系' })).json();
    const del = await rep1.delete(`/api/contacts/${contact.id}?version=1`);
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json().archived).toBe(true);
    expect((await rep1.get(`/api/customers/${c.id}/contacts`)).json().items).toEqual([]);
    const archived = (await manager1.get(`/api/customers/${c.id}/contacts?archived=true`)).json().items;
    expect(archived).toEqual([expect.objectContaining({ name: '王联系', archivedAt: expect.any(String) })]);
    expect((await rep1.get(`/api/customers/${c.id}/contacts?archived=true`)).statusCode).toBe(403);

    const pipes = (await manager1.get('/api/pipelines')).json().items as { id: number; code: string }[];
    const pipelineId = pipes.find((p) => p.code === 'default')?.id;
    const opp = await manager1.post('/api/opportunities', {
      name: '归档商机',
      customerId: c.id,
      pipelineId,
      amount: '1000',
    });
    expect(opp.statusCode, opp.body).toBe(201);
    const o = opp.json();
    const od = await manager1.delete(`/api/opportunities/${o.id}?version=${o.version}`);
    expect(od.statusCode, od.body).toBe(200);
    expect(od.json().archived).toBe(true);
    const list = async (url: string) => (await manager1.get(url)).json().items.map((i: { id: number }) => i.id);
    expect(await list(`/api/opportunities?customerId=${c.id}`)).toEqual([]);
    expect(await list(`/api/opportunities?customerId=${c.id}&archived=true`)).toEqual([o.id]);
    expect((await q('select archived_at from opportunities where id = $1', [o.id])).rows[0].archived_at).not.toBeNull();
  });
});
