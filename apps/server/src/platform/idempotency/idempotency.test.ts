import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ctxFor, seedOrg, type TestEnv } from '../../../test/harness.ts';
import type { Ctx } from '../context.ts';
import { nextDocNumber } from '../numbering/numbering.service.ts';
import { idempotent } from './idempotency.service.ts';

let env: TestEnv;
let ctx: Ctx;
beforeAll(async () => {
  env = await createTestEnv();
  await seedOrg(env);
  ctx = await ctxFor(env, await Client.login(env.app, 'rep1'));
});
afterAll(() => env.close());

// The use case under test issues a gapless number: it shows whether the body ran once or more.
const issue = (key: string | undefined, body: unknown = { a: 1 }) =>
  idempotent(ctx, 'test.issue', key, body, async (tx) => ({
    status: 201,
    body: { no: await nextDocNumber(tx, 'writeOff', new Date()) },
  }));
const issuedCount = async () =>
  Number(
    (
      await env.database.pool.query(
        `select coalesce(sum(last_value), 0)::int n from doc_sequences where doc_type = 'writeOff'`,
      )
    ).rows[0].n,
  );

describe('idempotent', () => {
  it('runs the use case once for 50 concurrent requests with the same key, all answered alike', async () => {
    const before = await issuedCount();
    const results = await Promise.all(Array.from({ length: 50 }, () => issue('key-concurrent-0001')));
    expect(await issuedCount()).toBe(before + 1);
    expect(new Set(results.map((r) => JSON.stringify([r.status, r.body]))).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    const rows = await env.database.pool.query(
      `select count(*)::int n from idempotency_keys where key = 'key-concurrent-0001'`,
    );
    expect(rows.rows[0].n).toBe(1);
  });

  it('refuses the same key with a different request, and runs every time without a key', async () => {
    await issue('key-reused-0001', { a: 1 });
    await expect(issue('key-reused-0001', { a: 2 })).rejects.toMatchObject({
      status: 409,
      code: 'idempotency.key_reused',
    });
    const before = await issuedCount();
    await issue(undefined);
    await issue(undefined);
    expect(await issuedCount()).toBe(before + 2);
  });

  it('frees the key when the use case fails, so a retry runs it', async () => {
    const failing = idempotent(ctx, 'test.issue', 'key-failing-0001', {}, async () => {
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    const retry = await issue('key-failing-0001', {});
    expect(retry.replayed).toBe(false);
  });

  it('rejects malformed keys with a field error', async () => {
    await expect(issue('short')).rejects.toMatchObject({ status: 400 });
  });
});
