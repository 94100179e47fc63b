import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { importComment } from './imports.service.ts';
import { SAMPLE_HEADERS, sampleCreditCode, sampleCustomerRow, sampleRows, sheetBuffer } from './imports.test-seed.ts';
import { importHooks, importSettled } from './index.ts';

/**
 * xlsx import of customers with contacts (SPEC 1.9, issue 14 item 5) through the HTTP API on a
 * real PostgreSQL: upload → mapping → dry run (every problem by row, column, reason) → commit,
 * all or nothing.
 */
let env: TestEnv;
let org: Org;
let director: Client;
let manager1: Client;
let manager2: Client;
let rep1: Client;

const q = async (text: string, params: unknown[] = []) => (await env.database.pool.query(text, params)).rows;
const count = async (where = "name like '导入样例客户%'") =>
  Number((await q(`select count(*) n from customers where ${where}`))[0].n);

async function upload(who: Client, buf: Buffer, fileName = '客户.xlsx') {
  const r = await who.post('/api/imports', { template: 'customers', fileName, contentBase64: buf.toString('base64') });
  expect(r.statusCode, r.body).toBe(202);
  const id = r.json().id as number;
  await importSettled(id);
  return id;
}
async function job(who: Client, id: number) {
  const r = await who.get(`/api/imports/${id}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}
async function dryRun(who: Client, id: number, mapping?: Record<string, string | null>) {
  const m = mapping ?? (await job(who, id)).mapping;
  const r = await who.post(`/api/imports/${id}/dry-run`, { mapping: m });
  expect(r.statusCode, r.body).toBe(202);
  await importSettled(id);
  return job(who, id);
}
async function commit(who: Client, id: number) {
  const r = await who.post(`/api/imports/${id}/commit`);
  expect(r.statusCode, r.body).toBe(202);
  await importSettled(id);
  return job(who, id);
}
async function problems(who: Client, id: number) {
  return (await who.get(`/api/imports/${id}/problems?pageSize=200`)).json().items as {
    row: number;
    column: string;
    message: string;
  }[];
}

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  director = await Client.login(env.app, 'director');
  manager1 = await Client.login(env.app, 'manager1');
  manager2 = await Client.login(env.app, 'manager2');
  rep1 = await Client.login(env.app, 'rep1');
}, 60_000);
afterAll(async () => env?.close());
afterEach(() => {
  importHooks.afterBatch = null;
});

describe('upload and mapping', () => {
  it('recognises the Chinese headers and remembers a user’s own mapping per template', async () => {
    const id = await upload(director, await sheetBuffer([...SAMPLE_HEADERS, '公司简称'], [sampleCustomerRow(1)]));
    const j = await job(director, id);
    expect(j).toMatchObject({ status: 'mapping', totalRows: 1, fileName: '客户.xlsx' });
    expect(j.mapping).toEqual({
      客户名称: 'name',
      统一社会信用代码: 'creditCode',
      手机: 'mobile',
      地区: 'region',
      客户分类: 'class',
      负责人: 'owner',
      联系人: 'contactName',
      联系人手机: 'contactMobile',
      公司简称: null,
    });
    // The director maps 公司简称 to the remark once; the next file proposes it again.
    await dryRun(director, id, { ...j.mapping, 公司简称: 'remark' });
    const again = await upload(director, await sheetBuffer([...SAMPLE_HEADERS, '公司简称'], [sampleCustomerRow(2)]));
    expect((await job(director, again)).mapping.公司简称).toBe('remark');
  });

  it('refuses a file that is not xlsx, and a mapping without the customer name', async () => {
    const r = await director.post('/api/imports', {
      template: 'customers',
      fileName: 'a.xlsx',
      contentBase64: Buffer.from('name,mobile\n').toString('base64'),
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().fields).toEqual([
      expect.objectContaining({ field: 'contentBase64', message: '请上传 Excel（.xlsx）文件' }),
    ]);
    const id = await upload(director, await sheetBuffer(SAMPLE_HEADERS, [sampleCustomerRow(3)]));
    const bad = await director.post(`/api/imports/${id}/dry-run`, { mapping: { 客户名称: null } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([
      expect.objectContaining({ field: 'mapping', message: '必须指定「客户名称」对应的列' }),
    ]);
    // Nothing changed: the job still waits for its mapping.
    expect(await job(director, id)).toMatchObject({ status: 'mapping', step: 'analyse' });
  });

  it('shows a job only to the user who uploaded it (404 to anyone else), and refuses users without the permission', async () => {
    const id = await upload(manager1, await sheetBuffer(SAMPLE_HEADERS, [sampleCustomerRow(4)]));
    expect((await manager2.get(`/api/imports/${id}`)).statusCode).toBe(404);
    expect((await manager2.post(`/api/imports/${id}/commit`)).statusCode).toBe(404);
    const mapping = (await job(manager1, id)).mapping;
    expect((await manager2.post(`/api/imports/${id}/dry-run`, { mapping })).statusCode).toBe(404);
    expect((await manager2.get(`/api/imports/${id}/problems`)).statusCode).toBe(404);
    expect((await manager2.get(`/api/imports/${id}/report`)).statusCode).toBe(404);
    // The refused calls changed nothing: the job still waits for its owner's mapping.
    expect(await job(manager1, id)).toMatchObject({ status: 'mapping', step: 'analyse' });
    expect((await rep1.get(`/api/imports/${id}`)).statusCode).toBe(403);
    const list = (await manager1.get('/api/imports')).json();
    expect(list.items.map((i: { id: number }) => i.id)).toContain(id);
    expect((await manager2.get('/api/imports')).json().items.map((i: { id: number }) => i.id)).not.toContain(id);
  });
});

describe('dry run', () => {
  it('is one transaction: when remembering the mapping fails, the job is unchanged and can be run again', async () => {
    const id = await upload(manager2, await sheetBuffer(SAMPLE_HEADERS, [sampleCustomerRow(90)]));
    const mapping = (await job(manager2, id)).mapping;
    // A real failure of the second write of the use case (no mock): the database refuses it.
    await q(`create function imports_test_refuse() returns trigger language plpgsql as
      $$ begin raise exception 'refused by test'; end $$`);
    await q(`create trigger imports_test_refuse before insert or update on user_preferences for each row
      when (new.user_id = ${org.user.manager2}) execute function imports_test_refuse()`);
    try {
      const r = await manager2.post(`/api/imports/${id}/dry-run`, { mapping });
      expect(r.statusCode).toBe(500);
    } finally {
      await q('drop trigger imports_test_refuse on user_preferences');
      await q('drop function imports_test_refuse()');
    }
    expect(await job(manager2, id)).toMatchObject({ status: 'mapping', step: 'analyse', processedRows: 1 });
    const audit = await q(`select action from audit_log where entity_type = 'import_job' and entity_id = $1`, [id]);
    expect(audit.map((a) => a.action)).toEqual(['upload']);
    // Nothing is stuck: the same dry run goes through now.
    expect((await dryRun(manager2, id, mapping)).status).toBe('validated');
  });

  it('names every validator’s problem by row and column, and writes nothing', async () => {
    const rows = [
      sampleCustomerRow(101),
      ['', sampleCreditCode(102), '13900000102', '', '', '', '', ''], // row 3: no name
      ['坏信用代码有限公司', '91350100MA0000103X', '13900000103', '', '', '', '', ''], // row 4: checksum
      ['坏手机有限公司', sampleCreditCode(104), '1234', '', '', '', '', ''], // row 5: mobile
      ['未知地区有限公司', sampleCreditCode(105), '13900000105', '火星', 'D 类', '', '', ''], // row 6: region + class
      ['未知负责人有限公司', sampleCreditCode(106), '13900000106', '', '', '不存在的人', '', ''], // row 7: owner
      ['越权负责人有限公司', sampleCreditCode(107), '13900000107', '', '', 'rep2', '', ''], // row 8: out of scope
      ['坏联系人有限公司', sampleCreditCode(108), '13900000108', '', '', '', '', '55'], // row 9: contact mobile, no contact name
      ['长度不对有限公司', '9135', '13900000109', '', '', '', '', ''], // row 10: length
    ];
    const id = await upload(manager1, await sheetBuffer(SAMPLE_HEADERS, rows));
    const j = await dryRun(manager1, id);
    expect(j.status).toBe('invalid');
    const p = await problems(manager1, id);
    const at = (row: number) => p.filter((x) => x.row === row).map((x) => [x.column, x.message]);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual([['客户名称', '此项为必填项']]);
    expect(at(4)).toEqual([['统一社会信用代码', expect.stringContaining('校验')]]);
    expect(at(5)).toEqual([['手机', expect.stringMatching(/手机/)]]);
    expect(at(6)).toEqual([
      ['地区', '无法识别的值「火星」'],
      ['客户分类', '无法识别的值「D 类」'],
    ]);
    expect(at(7)).toEqual([['负责人', '找不到负责人「不存在的人」（请填写账号或姓名）']]);
    expect(at(8)).toEqual([['负责人', '负责人「rep2」不在您的数据权限范围内']]);
    expect(
      at(9)
        .map((x) => x[0])
        .sort(),
    ).toEqual(['联系人', '联系人手机']);
    expect(at(10)).toEqual([['统一社会信用代码', expect.stringContaining('18')]]);
    expect(j.errorCount).toBe(p.length);
    expect(await count(`name like '%有限公司' and created_by = ${org.user.manager1}`)).toBe(0);
    // The report downloads as xlsx with the same rows.
    const rep = await manager1.get(`/api/imports/${id}/report`);
    expect(rep.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(rep.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(p.length + 1);
    expect(wb.worksheets[0].getRow(2).values).toEqual([undefined, 3, '客户名称', '此项为必填项']);
    // A commit of an invalid job is refused.
    expect((await manager1.post(`/api/imports/${id}/commit`)).statusCode).toBe(409);
  });

  it('finds duplicates within the file and against the database', async () => {
    const existing = await director.post('/api/customers', {
      kind: 'company',
      name: '已存在的客户有限公司',
      creditCode: sampleCreditCode(201),
      mobile: '13900000201',
    });
    expect(existing.statusCode, existing.body).toBe(201);
    const rows = [
      ['新客户甲有限公司', sampleCreditCode(201), '13900000299', '', '', '', '', ''], // credit code in DB
      ['已存在的客户股份有限公司', '', '', '', '', '', '', ''], // company name in DB (suffix ignored)
      ['新客户乙有限公司', sampleCreditCode(202), '13900000202', '', '', '', '', ''],
      ['新客户丙有限公司', sampleCreditCode(202), '139 0000 0202', '', '', '', '', ''], // both duplicate row 4
    ];
    const id = await upload(director, await sheetBuffer(SAMPLE_HEADERS, rows));
    await dryRun(director, id);
    const p = (await problems(director, id)).map((x) => [x.row, x.column, x.message]);
    expect(p).toEqual([
      [2, '统一社会信用代码', '与系统中已有客户重复'],
      [3, '客户名称', '与系统中已有客户重复'],
      [5, '手机', '与文件第 4 行重复'],
      [5, '统一社会信用代码', '与文件第 4 行重复'],
    ]);
  });
});

describe('commit', () => {
  it('creates every customer with its contact, number, owner, search keys and audit rows; lists them in the result file', async () => {
    const rows = [...sampleRows(30, 301)];
    rows[0][5] = 'rep1'; // owner by login
    const id = await upload(manager1, await sheetBuffer(SAMPLE_HEADERS, rows));
    expect((await dryRun(manager1, id)).status).toBe('validated');
    const j = await commit(manager1, id);
    expect(j).toMatchObject({ status: 'committed', createdCount: 30, processedRows: 30 });
    const c = await q(
      `select c.no, c.name, c.owner_id, c.owner_dept_id, c.region, c.class, c.search_text, k.name contact, k.mobile, k.is_primary
       from customers c join customer_contacts k on k.customer_id = c.id where c.name like '导入样例客户3__号%' order by c.no`,
    );
    expect(c).toHaveLength(30);
    expect(c[0]).toMatchObject({
      owner_id: org.user.rep1,
      region: '350000',
      class: 'B',
      contact: '联系人301',
      is_primary: true,
    });
    expect(c[1]).toMatchObject({ owner_id: org.user.manager1, owner_dept_id: org.dept.sales1 });
    expect(c[0].no).toMatch(/^KH-\d{4}-\d{6}$/);
    expect(c[0].search_text).toContain('drylkh'); // pinyin initials of 导入样例客户
    const audit = await q(
      `select entity_type, count(*)::int n from audit_log where actor_id = $1 and action = 'create'
         and entity_type in ('customer','customer_contact') and comment = $2 group by 1 order by 1`,
      [org.user.manager1, importComment(j.fileName)],
    );
    expect(audit).toEqual([
      { entity_type: 'customer', n: 30 },
      { entity_type: 'customer_contact', n: 30 },
    ]);
    // One new-customer fact per created customer, booked in the commit's transaction.
    const facts = await q(`select count(*)::int n from analytics_facts where kind = 'customer' and customer_id in
      (select id from customers where name like '导入样例客户3__号%')`);
    expect(facts[0].n).toBe(30);
    const res = await manager1.get(`/api/imports/${id}/result`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(31);
    expect(wb.worksheets[0].getRow(2).getCell(2).value).toBe('导入样例客户301号有限公司');
    // Committing twice is refused.
    expect((await manager1.post(`/api/imports/${id}/commit`)).statusCode).toBe(409);
  });

  it('writes nothing when a row fails at commit time (the database changed after the dry run)', async () => {
    const id = await upload(director, await sheetBuffer(SAMPLE_HEADERS, [...sampleRows(2500, 1001)]));
    expect((await dryRun(director, id)).status).toBe('validated');
    // Someone creates the customer of row 2400 meanwhile.
    const r = await director.post('/api/customers', {
      kind: 'company',
      name: '抢先录入有限公司',
      mobile: '13900003399',
    });
    expect(r.statusCode, r.body).toBe(201);
    const j = await commit(director, id);
    expect(j).toMatchObject({ status: 'invalid', createdCount: 0, errorCount: 1 });
    expect(await problems(director, id)).toEqual([{ row: 2400, column: '手机', message: '与系统中已有客户重复' }]);
    // The refusal is in the job's audit trail, after the commit that started it.
    const trail = await q(
      `select action, actor_id, changes from audit_log where entity_type = 'import_job' and entity_id = $1 order by id`,
      [id],
    );
    expect(trail.map((a) => a.action)).toEqual(['upload', 'dry_run', 'commit', 'refused']);
    expect(trail[3]).toMatchObject({
      actor_id: org.user.director,
      changes: [{ field: 'errorCount', old: null, new: 1 }],
    });
    expect(await count(`name like '导入样例客户%' and no is not null and created_by = ${org.user.director}`)).toBe(0);
  });

  it('leaves zero rows when the commit is killed midway', async () => {
    const id = await upload(director, await sheetBuffer(SAMPLE_HEADERS, [...sampleRows(3500, 5001)]));
    expect((await dryRun(director, id)).status).toBe('validated');
    let batches = 0;
    importHooks.afterBatch = (n) => {
      batches = n;
      if (n === 2) throw new Error('killed');
    };
    const j = await commit(director, id);
    expect(batches).toBe(2);
    expect(j).toMatchObject({ status: 'failed', failure: 'import.failed' });
    expect(await count(`name like '导入样例客户%' and created_by = ${org.user.director}`)).toBe(0);
    expect(Number((await q(`select count(*) n from customer_contacts where name like '联系人5%'`))[0].n)).toBe(0);
  });
});
