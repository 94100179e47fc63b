import { creditCodeCheckChar } from '@sales/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { runBackfills } from '../../platform/backfills/index.ts';
import { recomputeCustomerSearchKeys } from './customers.backfill.ts';
import { customerSearchKeys, grams, pinyinKeys } from './customers.search.ts';

/**
 * Search keys (docs/adr/0004): the customer picker and list find a customer by 1–2 Chinese
 * characters, pinyin initials, full pinyin, number, credit code or 4+ digits of a phone, within
 * the user's scope, and never by a phone the user sees masked.
 */
let env: TestEnv;
let rep1: Client;
let rep2: Client;
let admin: Client;
let manager1: Client;

const creditCode = (seq: number) => {
  const first17 = `913301${String(seq).padStart(6, '0')}MA2${'0'.repeat(2)}`.slice(0, 17);
  return first17 + creditCodeCheckChar(first17);
};

const company = (name: string, seq: number, over: Record<string, unknown> = {}) => ({
  kind: 'company',
  name,
  creditCode: creditCode(seq),
  mobile: `1381234${String(seq).padStart(4, '0')}`,
  address: '浙江省杭州市西湖区文三路100号',
  region: '330000',
  industry: 'manufacturing',
  source: 'exhibition',
  class: 'A',
  tags: [],
  ...over,
});

let hengda: { id: number; no: string };

beforeAll(async () => {
  env = await createTestEnv();
  await seedOrg(env);
  rep1 = await Client.login(env.app, 'rep1');
  rep2 = await Client.login(env.app, 'rep2');
  admin = await Client.login(env.app, 'admin');
  manager1 = await Client.login(env.app, 'manager1');
  const res = await rep1.post(
    '/api/customers',
    company('恒达商贸有限公司', 101, { mobile: '13812340101', phone: '0571-88776655' }),
  );
  expect(res.statusCode).toBe(201);
  hengda = res.json();
  expect((await rep1.post('/api/customers', company('杭州明远机械有限公司', 102))).statusCode).toBe(201);
  // Same two characters, but rep2's: outside rep1's scope.
  expect((await rep2.post('/api/customers', company('恒达物流有限公司', 103))).statusCode).toBe(201);
});
afterAll(() => env.close());

const search = async (who: Client, q: string) => {
  const res = await who.get(`/api/customers/search?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, q).toBe(200);
  return (res.json().items as { name: string }[]).map((i) => i.name).sort();
};
const listed = async (who: Client, keyword: string) => {
  const res = await who.get(`/api/customers?keyword=${encodeURIComponent(keyword)}`);
  expect(res.statusCode, keyword).toBe(200);
  return (res.json().items as { name: string }[]).map((i) => i.name).sort();
};

describe('search keys', () => {
  it('are built from number, name, credit code, pinyin, phone digits and grams', () => {
    expect(pinyinKeys('恒达商贸')).toEqual({ full: 'hengdashangmao', initials: 'hdsm' });
    expect(pinyinKeys('ABC Ltd')).toEqual({ full: '', initials: '' });
    const k = customerSearchKeys({
      no: 'KH-2026-000001',
      name: '恒达商贸',
      creditCode: '91330100MA2ABCDE1X',
      mobile: '13812340101',
      phone: '0571-88776655',
    });
    expect(k.searchText).toBe('kh-2026-000001 恒达商贸 91330100ma2abcde1x hengdashangmao hdsm');
    expect(k.searchPhone).toBe('13812340101 057188776655');
    expect(new Set(k.searchGrams)).toEqual(
      new Set(['恒', '达', '商', '贸', '恒达', '达商', '商贸', 'h', 'd', 's', 'm', 'hd', 'ds', 'sm']),
    );
    expect(grams('a b')).toEqual(['a', 'ab', 'b']);
  });
});

describe('customer picker and list search', () => {
  it('finds by 1 and 2 Chinese characters, within scope only', async () => {
    expect(await search(rep1, '恒达')).toEqual(['恒达商贸有限公司']);
    expect(await search(rep1, '恒')).toEqual(['恒达商贸有限公司']);
    expect(await search(rep2, '恒达')).toEqual(['恒达物流有限公司']);
    expect(await search(admin, '恒达')).toEqual(['恒达商贸有限公司', '恒达物流有限公司']);
    expect(await listed(rep1, '商贸')).toEqual(['恒达商贸有限公司']);
    // The capped count adds up one index scan per scope branch (department, owner): same answer.
    const count = async (who: Client, kw: string) =>
      (await who.get(`/api/customers/count?keyword=${encodeURIComponent(kw)}`)).json().total;
    expect(await count(manager1, '恒达')).toBe(1);
    expect(await count(admin, '恒达')).toBe(2);
    expect(await count(manager1, '有限公司')).toBe(2);
    expect((await rep1.get(`/api/customers/count?keyword=${encodeURIComponent('恒达')}`)).json()).toEqual({
      total: 1,
      capped: false,
    });
  });

  it('finds by 3+ Chinese characters, by pinyin initials and by full pinyin', async () => {
    expect(await search(rep1, '恒达商')).toEqual(['恒达商贸有限公司']);
    expect(await search(rep1, '达商贸有')).toEqual(['恒达商贸有限公司']);
    expect(await search(rep1, '恒贸')).toEqual([]);
    expect(await search(rep1, 'hdsm')).toEqual(['恒达商贸有限公司']);
    expect(await search(rep1, 'HD')).toEqual(['恒达商贸有限公司']);
    expect(await search(rep1, 'hengda')).toEqual(['恒达商贸有限公司']);
    expect(await search(rep1, 'hengdashangmao')).toEqual(['恒达商贸有限公司']);
    expect(await search(rep1, 'mingyuan')).toEqual(['杭州明远机械有限公司']);
    expect(await listed(rep1, 'hzmyjx')).toEqual(['杭州明远机械有限公司']);
  });

  it('finds by customer number and credit code', async () => {
    expect(await search(rep1, hengda.no)).toEqual(['恒达商贸有限公司']);
    expect(await search(rep1, hengda.no.toLowerCase().slice(3))).toEqual(['恒达商贸有限公司']);
    expect(await search(rep1, creditCode(101).slice(6, 14))).toEqual(['恒达商贸有限公司']);
  });

  it('finds by any 4+ digits of mobile or landline, not by 3', async () => {
    expect(await search(rep1, '0101')).toEqual(['恒达商贸有限公司']);
    expect(await search(rep1, '+86 138 1234 0101')).toEqual(['恒达商贸有限公司']);
    expect(await search(rep1, '8877')).toEqual(['恒达商贸有限公司']);
    expect(await listed(rep1, '0571-8877')).toEqual(['恒达商贸有限公司']);
    expect(await search(rep1, '877')).toEqual([]);
  });

  it('never finds a customer by a phone the user sees masked', async () => {
    // admin sees every customer but rep1's phone only masked (SPEC 1.2): digits must not reveal it.
    const detail = (await admin.get(`/api/customers/${hengda.id}`)).json();
    expect(detail.mobile).toBe('138****0101');
    expect(await search(admin, '8877')).toEqual([]);
    expect(await search(admin, '13812340101')).toEqual([]);
    expect(await listed(admin, '88776655')).toEqual([]);
    expect((await admin.get('/api/customers/count?keyword=88776655')).json().total).toBe(0);
    // The owner's manager sees it in clear, so finds it.
    expect(await search(manager1, '88776655')).toEqual(['恒达商贸有限公司']);
    // The picker returns no phone at all.
    const items = (await rep1.get('/api/customers/search?q=0101')).json().items;
    expect(Object.keys(items[0]).sort()).toEqual(['id', 'name', 'no']);
  });

  it('follows a rename and a phone change at once', async () => {
    const cur = (await rep1.get(`/api/customers/${hengda.id}`)).json();
    const res = await rep1.put(`/api/customers/${hengda.id}`, {
      ...company('恒达贸易有限公司', 101, { mobile: '13812349999', phone: null }),
      version: cur.version,
    });
    expect(res.statusCode).toBe(200);
    expect(await search(rep1, '商贸')).toEqual([]);
    expect(await search(rep1, '贸易')).toEqual(['恒达贸易有限公司']);
    expect(await search(rep1, 'hdmy')).toEqual(['恒达贸易有限公司']);
    expect(await search(rep1, '8877')).toEqual([]);
    expect(await search(rep1, '9999')).toEqual(['恒达贸易有限公司']);
  });

  it('backfills the keys of rows saved before they existed, once', async () => {
    const pool = env.database.pool;
    await pool.query(
      `update customers set search_text = lower(no || ' ' || name), search_phone = '', search_grams = '{}'`,
    );
    expect(await search(rep1, '贸易')).toEqual([]);
    const changed = await env.database.db.transaction((tx) => recomputeCustomerSearchKeys(tx, 2));
    expect(changed).toBe(3);
    expect(await search(rep1, '贸易')).toEqual(['恒达贸易有限公司']);
    expect(await search(rep1, 'hdmy')).toEqual(['恒达贸易有限公司']);
    expect(await search(rep1, '9999')).toEqual(['恒达贸易有限公司']);
    // Current keys are left alone.
    expect(await env.database.db.transaction((tx) => recomputeCustomerSearchKeys(tx))).toBe(0);
    // Registered as a startup backfill, run once per database.
    await pool.query(`delete from data_backfills`);
    const ran = await runBackfills(env.database.db);
    expect(ran).toContain('customers.searchKeys.v1');
    expect(await runBackfills(env.database.db)).not.toContain('customers.searchKeys.v1');
  });
});
