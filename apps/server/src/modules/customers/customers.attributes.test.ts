import { yearsBefore } from '@sales/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ctxFor, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { NotFoundError, ValidationError } from '../../platform/errors/errors.ts';
import { companyDate } from '../../platform/time.ts';
import { customers, customerWhere, resolveSavedCustomerFilter } from './index.ts';

// Issue 14 item 2–3: customer attributes for invitations, their list filters, saved filters.
let env: TestEnv;
let org: Org;
let rep1: Client;
let rep1b: Client;
let rep2: Client;
let manager1: Client;
let finance: Client;
const q = (text: string, params: unknown[] = []) => env.database.pool.query(text, params);
const today = companyDate(new Date());
/** A birth date giving an age of exactly `age` today. */
const bornAged = (age: number) => yearsBefore(today, age);

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  [rep1, rep1b, rep2, manager1, finance] = await Promise.all(
    ['rep1', 'rep1b', 'rep2', 'manager1', 'finance'].map((u) => Client.login(env.app, u)),
  );
  const people = [
    ['属性甲', 'male', bornAged(45), 'business_owner', ['golf', 'tea'], 'high'],
    ['属性乙', 'female', bornAged(40), 'executive', ['travel'], 'high'],
    ['属性丙', 'female', bornAged(61), 'retired', ['health', 'tea'], 'medium'],
    ['属性丁', 'male', bornAged(39), 'business_owner', [], 'low'],
    ['属性戊', null, null, null, [], null],
  ] as const;
  for (const [name, gender, birthDate, occupation, interests, purchaseIntent] of people) {
    const res = await rep1.post('/api/customers', {
      kind: 'individual',
      name,
      gender,
      birthDate,
      occupation,
      interests,
      purchaseIntent,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  await q(`update customers set last_deal_at = '2026-03-10T10:00:00+08' where name = '属性甲'`);
  await q(`update customers set last_deal_at = '2026-06-01T09:00:00+08' where name = '属性乙'`);
});
afterAll(() => env.close());

const names = async (c: Client, query: string) => {
  const res = await c.get(`/api/customers?pageSize=50&sort=name&order=asc&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((i: { name: string }) => i.name);
};

describe('attribute validation', () => {
  it('refuses a birth date in the future, field-level in three languages, creating nothing', async () => {
    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
    const body = { kind: 'individual', name: '未来出生', birthDate: tomorrow };
    const res = await rep1.post('/api/customers', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      expect.objectContaining({
        field: 'birthDate',
        code: 'validation.birthDate.future',
        message: '出生日期不能晚于今天',
      }),
    ]);
    const en = await rep1.request('POST', '/api/customers', body, { 'accept-language': 'en-US' });
    expect(en.json().fields[0].message).toBe('The birth date cannot be later than today');
    const tw = await rep1.request('POST', '/api/customers', body, { 'accept-language': 'zh-TW' });
    expect(tw.json().fields[0].message).toBe('出生日期不能晚於今天');
    expect((await q(`select count(*)::int n from customers where name = '未来出生'`)).rows[0].n).toBe(0);
  });

  it('refuses impossible dates, dates before 1900 and values outside the dictionaries', async () => {
    const bad = async (patch: Record<string, unknown>, field: string, code?: string) => {
      const res = await rep1.post('/api/customers', { kind: 'individual', name: '坏属性', ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().fields[0], JSON.stringify(patch)).toMatchObject(
        code ? { field, code } : { field: expect.stringMatching(new RegExp(`^${field}`)) },
      );
    };
    await bad({ birthDate: '1980-02-30' }, 'birthDate', 'validation.date');
    await bad({ birthDate: '1899-12-31' }, 'birthDate', 'validation.birthDate.too_early');
    await bad({ gender: 'other' }, 'gender');
    await bad({ purchaseIntent: 'very_high' }, 'purchaseIntent');
    await bad({ occupation: '老板' }, 'occupation');
    await bad({ interests: ['golf', 'skydiving'] }, 'interests');
    expect((await q(`select count(*)::int n from customers where name = '坏属性'`)).rows[0].n).toBe(0);
  });

  it('stores, shows and audits the attributes; masks the birth date to its year for others', async () => {
    const [{ id }] = (await q(`select id from customers where name = '属性甲'`)).rows;
    const c = (await rep1.get(`/api/customers/${id}`)).json();
    expect(c).toMatchObject({
      gender: 'male',
      birthDate: bornAged(45),
      occupation: 'business_owner',
      interests: ['golf', 'tea'],
      purchaseIntent: 'high',
    });
    const upd = await rep1.put(`/api/customers/${id}`, { ...c, purchaseIntent: 'medium', interests: ['golf'] });
    expect(upd.statusCode, upd.body).toBe(200);
    const { rows } = await q(
      `select changes from audit_log where entity_type = 'customer' and entity_id = $1 and action = 'update'`,
      [id],
    );
    expect(rows[0].changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'purchaseIntent', old: 'high', new: 'medium' }),
        expect.objectContaining({ field: 'interests', old: ['golf', 'tea'], new: ['golf'] }),
      ]),
    );
    const seen = (await finance.get(`/api/customers/${id}`)).json();
    expect(seen).toMatchObject({ masked: true, birthDate: `${bornAged(45).slice(0, 4)}-**-**` });
    // A masked birth date sent back unchanged keeps the stored one.
    const commerce = await Client.login(env.app, 'commerce');
    const view = (await commerce.get(`/api/customers/${id}`)).json();
    expect(view.birthDate).toContain('**');
    const edit = await commerce.put(`/api/customers/${id}`, { ...view, remark: '商务备注' });
    expect(edit.statusCode, edit.body).toBe(200);
    expect((await q('select birth_date::text b from customers where id = $1', [id])).rows[0].b).toBe(bornAged(45));
    const current = (await rep1.get(`/api/customers/${id}`)).json() as Record<string, unknown>;
    await rep1.put(`/api/customers/${id}`, { ...current, purchaseIntent: 'high', interests: ['golf', 'tea'] });
  });
});

describe('attribute list filters', () => {
  it('filters by gender, occupation, purchase intent and interests (any of)', async () => {
    expect(await names(rep1, 'gender=female')).toEqual(['属性丙', '属性乙']);
    expect(await names(rep1, 'occupation=business_owner')).toEqual(['属性丁', '属性甲']);
    expect(await names(rep1, 'purchaseIntent=high')).toEqual(['属性乙', '属性甲']);
    expect(await names(rep1, 'interests=tea,travel')).toEqual(['属性丙', '属性乙', '属性甲']);
    expect(await names(rep1, 'interests=health')).toEqual(['属性丙']);
    expect((await rep1.get('/api/customers?interests=skydiving')).statusCode).toBe(400);
  });

  it('filters by age band, inclusive at both ends', async () => {
    expect(await names(rep1, 'ageFrom=40&ageTo=60')).toEqual(['属性乙', '属性甲']);
    expect(await names(rep1, 'ageFrom=61')).toEqual(['属性丙']);
    expect(await names(rep1, 'ageTo=39')).toEqual(['属性丁']);
    expect(await names(rep1, 'ageFrom=40&ageTo=60&purchaseIntent=high&occupation=business_owner')).toEqual(['属性甲']);
    const count = await rep1.get('/api/customers/count?ageFrom=40&ageTo=60');
    expect(count.json().total).toBe(2);
  });

  it('filters by last purchase before / after a day (company time zone)', async () => {
    expect(await names(rep1, 'lastDealFrom=2026-03-10')).toEqual(['属性乙', '属性甲']);
    expect(await names(rep1, 'lastDealFrom=2026-03-11')).toEqual(['属性乙']);
    expect(await names(rep1, 'lastDealTo=2026-03-10')).toEqual(['属性甲']);
    expect(await names(rep1, 'lastDealTo=2026-03-09')).toEqual([]);
  });

  it('keeps the data scope: another department sees none of them', async () => {
    expect(await names(rep2, 'purchaseIntent=high')).toEqual([]);
  });
});

describe('saved customer filters', () => {
  const FILTER = { ageFrom: '40', ageTo: '60', purchaseIntent: 'high', occupation: 'business_owner' };

  it('saves, lists, applies, renames and deletes a filter, audited', async () => {
    const res = await rep1.post('/api/customer-filters', {
      name: '高意向 40-60 岁 企业主',
      filter: { ...FILTER, tag: '' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json();
    expect(saved).toMatchObject({ shared: false, mine: true, filter: FILTER });
    const list = (await rep1.get('/api/customer-filters')).json().items;
    expect(list.map((f: { name: string }) => f.name)).toEqual(['高意向 40-60 岁 企业主']);
    // Applying it: the stored filter gives the list's rows.
    const query = new URLSearchParams(saved.filter).toString();
    expect(await names(rep1, query)).toEqual(['属性甲']);
    const ctx = await ctxFor(env, rep1);
    const filter = await resolveSavedCustomerFilter(ctx, saved.id);
    expect(filter).toMatchObject({ ageFrom: 40, ageTo: 60, purchaseIntent: 'high', occupation: 'business_owner' });
    // What the event invitations do: the saved filter combined with the data scope.
    const picked = await ctx.db
      .select()
      .from(customers)
      .where(await customerWhere(ctx, filter));
    expect(picked.map((r) => r.name)).toEqual(['属性甲']);

    const renamed = await rep1.put(`/api/customer-filters/${saved.id}`, { name: '重点邀约', shared: true, version: 1 });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '重点邀约', shared: true, version: 2 });
    const dup = await rep1.post('/api/customer-filters', { name: '重点邀约', filter: FILTER });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().fields[0]).toMatchObject({ field: 'name', code: 'customer.savedFilter.name_taken' });
    const del = await rep1.delete(`/api/customer-filters/${saved.id}?version=2`);
    expect(del.statusCode, del.body).toBe(200);
    expect((await rep1.get('/api/customer-filters')).json().items).toEqual([]);
    const audit = await q(
      `select action from audit_log where entity_type = 'customer_saved_filter' and entity_id = $1 order by id`,
      [saved.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
  });

  it('refuses a filter the list schema refuses, on save', async () => {
    const res = await rep1.post('/api/customer-filters', { name: '坏筛选', filter: { purchaseIntent: 'very_high' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ field: 'filter.purchaseIntent' });
    expect((await q(`select count(*)::int n from customer_saved_filters`)).rows[0].n).toBe(0);
  });

  it('refuses a stored filter that no longer validates, on use', async () => {
    const saved = (await rep1.post('/api/customer-filters', { name: '旧筛选', filter: { gender: 'male' } })).json();
    await q(`update customer_saved_filters set filter = '{"gender":"unknown"}' where id = $1`, [saved.id]);
    await expect(resolveSavedCustomerFilter(await ctxFor(env, rep1), saved.id)).rejects.toBeInstanceOf(ValidationError);
    await rep1.delete(`/api/customer-filters/${saved.id}?version=1`);
  });

  it('keeps a private filter private (404), shares a shared one with the department read-only', async () => {
    const mine = (await rep1.post('/api/customer-filters', { name: '我的私有', filter: FILTER })).json();
    const shared = (
      await rep1.post('/api/customer-filters', { name: '部门共享', shared: true, filter: FILTER })
    ).json();
    // Same department (销售一部): the shared one only; another department: neither.
    for (const [who, expected] of [
      [rep1b, ['部门共享']],
      [manager1, ['部门共享']],
      [rep2, []],
    ] as const) {
      const items = (await who.get('/api/customer-filters')).json().items;
      expect(items.map((f: { name: string }) => f.name)).toEqual(expected);
    }
    expect((await rep1b.get(`/api/customer-filters/${mine.id}`)).statusCode).toBe(404);
    expect((await rep2.get(`/api/customer-filters/${shared.id}`)).statusCode).toBe(404);
    expect((await rep1b.get(`/api/customer-filters/${shared.id}`)).statusCode).toBe(200);
    await expect(resolveSavedCustomerFilter(await ctxFor(env, rep1b), mine.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(resolveSavedCustomerFilter(await ctxFor(env, rep2), shared.id)).rejects.toBeInstanceOf(NotFoundError);
    // Read-only for the department: renaming or deleting another's filter is refused, nothing changed.
    expect(
      (await rep1b.put(`/api/customer-filters/${shared.id}`, { name: '改', shared: false, version: 1 })).statusCode,
    ).toBe(403);
    expect((await rep1b.delete(`/api/customer-filters/${shared.id}?version=1`)).statusCode).toBe(403);
    expect((await rep2.delete(`/api/customer-filters/${mine.id}?version=1`)).statusCode).toBe(404);
    expect(
      (await q('select count(*)::int n from customer_saved_filters where owner_id = $1', [org.user.rep1])).rows[0].n,
    ).toBe(2);
    // Applied by a colleague, the shared filter still runs in his own data scope: rep1b sees none of rep1's customers.
    const f = await resolveSavedCustomerFilter(await ctxFor(env, rep1b), shared.id);
    const ctxB = await ctxFor(env, rep1b);
    expect(
      await ctxB.db
        .select()
        .from(customers)
        .where(await customerWhere(ctxB, f)),
    ).toEqual([]);
  });
});
