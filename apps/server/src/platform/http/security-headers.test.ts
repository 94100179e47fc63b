import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ctxFor, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { ValidationError } from '../errors/errors.ts';
import { registerAttachmentOwner, saveAttachment } from '../files/index.ts';

/** Issue 9 item 3: security headers on every response; uploads judged by their content. */
let env: TestEnv;
let rep: Client;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const HTML = Buffer.from('<html><script>alert(document.cookie)</script></html>');

beforeAll(async () => {
  env = await createTestEnv();
  await seedOrg(env);
  rep = await Client.login(env.app, 'rep1');
  // A record type whose attachments everyone signed in may see, for this test only.
  registerAttachmentOwner('security-test', async () => {});
});
afterAll(() => env.close());

async function upload(mimeType: string, data: Buffer) {
  const ctx = await ctxFor(env, rep);
  return env.database.db.transaction((tx) =>
    saveAttachment(tx, ctx, 'security-test', 1, 'test', {
      fileName: '文件.png',
      mimeType,
      contentBase64: data.toString('base64'),
    }),
  );
}

describe('security headers', () => {
  it('every response carries CSP, frame, sniffing and referrer protections', async () => {
    for (const url of ['/api/health', '/api/customers', '/api/no-such-route']) {
      const res = await env.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['referrer-policy'], url).toBe('same-origin');
    }
  });
});

describe('uploads are checked by content', () => {
  it('refuses a page disguised as an image, with a field error', async () => {
    const err = await upload('image/png', HTML).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fields).toEqual([
      expect.objectContaining({ field: 'file.contentBase64', code: 'attachment.content' }),
    ]);
    const n = await env.database.pool.query(
      `select count(*)::int n from attachments where entity_type = 'security-test'`,
    );
    expect(n.rows[0].n).toBe(0);
  });

  it('stores the type the content has, and serves it inline with nosniff', async () => {
    const png = await upload('image/jpeg', PNG);
    const res = await rep.get(`/api/attachments/${png.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(`inline; filename*=UTF-8''${encodeURIComponent('文件.png')}`);
    expect(res.rawPayload.equals(PNG)).toBe(true);

    const pdf = await upload('application/pdf', PDF);
    const r2 = await rep.get(`/api/attachments/${pdf.id}`);
    expect(r2.headers['content-type']).toBe('application/pdf');
    expect(String(r2.headers['content-disposition'])).toMatch(/^inline;/);
  });

  it('serves a stored file of any other type as a download, never as a page', async () => {
    const png = await upload('image/png', PNG);
    // A row written before content checks existed, claiming to be HTML.
    await env.database.pool.query(`update attachments set mime_type = 'text/html', data = $2 where id = $1`, [
      png.id,
      HTML,
    ]);
    const res = await rep.get(`/api/attachments/${png.id}`);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
