import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { type App, buildApp } from '../../app.ts';

/**
 * Issue 11 item 5 (first load): compressed responses, hashed assets cached for a year, the page
 * itself revalidated on every load.
 */
let env: TestEnv;
let web: App;
let dist: string;
const script = `console.log(${JSON.stringify('销售'.repeat(2000))});`;

beforeAll(async () => {
  env = await createTestEnv();
  await seedOrg(env);
  // A build output as apps/web/vite.config.ts writes it: hashed assets with .br/.gz next to them.
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'web-dist-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  const index = '<!doctype html><html><body><div id="root"></div></body></html>';
  fs.writeFileSync(path.join(dist, 'index.html'), index);
  const asset = path.join(dist, 'assets', 'index-Ab12Cd34.js');
  fs.writeFileSync(asset, script);
  fs.writeFileSync(`${asset}.br`, zlib.brotliCompressSync(script));
  fs.writeFileSync(`${asset}.gz`, zlib.gzipSync(script));
  web = await buildApp({ db: env.database.db, webDist: dist });
});
afterAll(async () => {
  await web?.close();
  await env.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('web app delivery', () => {
  it('sends a hashed asset precompressed, cached immutable for a year', async () => {
    const br = await web.inject({ url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await web.inject({ url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await web.inject({ url: '/assets/index-Ab12Cd34.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('revalidates the page on every load, for / and for client-side routes', async () => {
    for (const url of ['/', '/customers/12']) {
      const res = await web.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toContain('<div id="root">');
    }
  });

  it('answers 404 for a chunk that is not there (an old release), not the page', async () => {
    const res = await web.inject({ url: '/assets/index-Old0Hash.js' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('<div id="root">');
  });

  it('compresses API responses when the client accepts it', async () => {
    const rep = await Client.login(env.app, 'rep1');
    // The OpenAPI document: a large JSON response.
    const res = await rep.request('GET', '/api/docs/json', undefined, { 'accept-encoding': 'gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(res.rawPayload).toString()).openapi).toMatch(/^3\./);
  });
});
