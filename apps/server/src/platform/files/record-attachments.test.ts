import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';

// A 1×1 PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const png = (fileName: string) => ({ file: { fileName, mimeType: 'image/png', contentBase64: PNG } });

let env: TestEnv;
let org: Org;
let rep1: Client;
let rep2: Client;
let manager1: Client;
let finance: Client;
let customerId: number;

const count = async () =>
  Number(
    (
      await env.database.pool.query(
        `select count(*) from attachments where entity_type = 'customer' and entity_id = $1`,
        [customerId],
      )
    ).rows[0].count,
  );

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  [rep1, rep2, manager1, finance] = await Promise.all(
    ['rep1', 'rep2', 'manager1', 'finance'].map((u) => Client.login(env.app, u)),
  );
  customerId = (
    await rep1.post('/api/customers', { kind: 'company', name: '附件测试客户', mobile: '13600002201' })
  ).json().id;
});
afterAll(() => env.close());

describe('attachments on a record (issue 14 item 6)', () => {
  let fileId = 0;

  it('the owner attaches a file; it is listed with its uploader, downloads as sent, and is audited', async () => {
    const res = await rep1.post(`/api/customers/${customerId}/attachments`, png('营业执照.png'));
    expect(res.statusCode, res.body).toBe(201);
    fileId = res.json().id;
    const list = (await rep1.get(`/api/customers/${customerId}/attachments`)).json().items;
    expect(list).toEqual([
      expect.objectContaining({
        id: fileId,
        fileName: '营业执照.png',
        mimeType: 'image/png',
        uploadedByName: '张三',
        removable: true,
      }),
    ]);
    const file = await rep1.get(`/api/attachments/${fileId}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(Buffer.from(PNG, 'base64'))).toBe(true);
    const audit = await env.database.pool.query(
      `select action, changes from audit_log where entity_type = 'customer' and entity_id = $1 and action = 'attach'`,
      [customerId],
    );
    expect(audit.rows).toEqual([
      { action: 'attach', changes: [{ field: 'attachment', old: null, new: '营业执照.png' }] },
    ]);
  });

  it('the department head sees it; another department sees neither the record nor its files (404)', async () => {
    expect((await manager1.get(`/api/customers/${customerId}/attachments`)).json().items).toHaveLength(1);
    for (const r of [
      await rep2.get(`/api/customers/${customerId}/attachments`),
      await rep2.get(`/api/attachments/${fileId}`),
      await rep2.post(`/api/customers/${customerId}/attachments`, png('越权.png')),
      await rep2.delete(`/api/attachments/${fileId}`),
    ])
      expect(r.statusCode).toBe(404);
    expect(await count()).toBe(1);
  });

  it('who only views the record may read its files but not add any (403)', async () => {
    expect((await finance.get(`/api/customers/${customerId}/attachments`)).statusCode).toBe(200);
    const res = await finance.post(`/api/customers/${customerId}/attachments`, png('财务.png'));
    expect(res.statusCode).toBe(403);
    expect((await finance.delete(`/api/attachments/${fileId}`)).statusCode).toBe(403);
    expect(await count()).toBe(1);
  });

  it('a file that is not what it claims is refused at its field; nothing is stored', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');
    const res = await rep1.post(`/api/customers/${customerId}/attachments`, {
      file: { fileName: '照片.png', mimeType: 'image/png', contentBase64: html },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      expect.objectContaining({ field: 'file.contentBase64', code: 'attachment.content' }),
    ]);
    expect(await count()).toBe(1);
  });

  it('evidence another flow stored stays (409); the record file is removed and the removal audited', async () => {
    const evidence = await env.database.pool.query(
      `insert into attachments (entity_type, entity_id, purpose, file_name, mime_type, size, sha256, data, uploaded_by)
       values ('customer', $1, 'signed_copy', '签字件.png', 'image/png', 68, 'x', $2, $3) returning id`,
      [customerId, Buffer.from(PNG, 'base64'), org.user.rep1],
    );
    const kept = await rep1.delete(`/api/attachments/${evidence.rows[0].id}`);
    expect(kept.statusCode).toBe(409);
    expect(kept.json().code).toBe('attachment.evidence');
    expect((await rep1.delete(`/api/attachments/${fileId}`)).statusCode).toBe(204);
    const left = (await rep1.get(`/api/customers/${customerId}/attachments`)).json().items;
    expect(left.map((a: { fileName: string; removable: boolean }) => [a.fileName, a.removable])).toEqual([
      ['签字件.png', false],
    ]);
    expect((await rep1.get(`/api/attachments/${fileId}`)).statusCode).toBe(404);
    const audit = await env.database.pool.query(
      `select changes from audit_log where entity_type = 'customer' and entity_id = $1 and action = 'detach'`,
      [customerId],
    );
    expect(audit.rows).toEqual([{ changes: [{ field: 'attachment', old: '营业执照.png', new: null }] }]);
  });
});
