import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';

/** Migration 0010: databases seeded with the old default (board step "any") get the all-of board step. */
let env: TestEnv;
const sqlFile = fs
  .readdirSync(path.resolve(import.meta.dirname, '../../../drizzle'))
  .find((f) => f.endsWith('_price_cut_board_all_of.sql')) as string;
const migration = fs.readFileSync(path.resolve(import.meta.dirname, '../../../drizzle', sqlFile), 'utf8');

beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const boardModes = async () =>
  (
    await env.database.pool.query(
      `select s->>'mode' as mode from approval_rules r, jsonb_array_elements(r.steps) s
       where r.doc_type = 'price_adjustment' and s->>'role' = 'board' order by r.id`,
    )
  ).rows.map((r) => r.mode);

describe('upgrade of the price-cut board step', () => {
  it('moves the old default "any" board step to "all", leaving other steps and edited rules alone', async () => {
    const q = (t: string) => env.database.pool.query(t);
    expect(await boardModes()).toContain('all');
    // As a database seeded before the change had it, plus a rule an admin renamed.
    await q(`update approval_rules set steps = (select jsonb_agg(case when s->>'role' = 'board'
      then jsonb_set(s, '{mode}', '"any"') else s end) from jsonb_array_elements(steps) s)
      where doc_type = 'price_adjustment'`);
    await q(`insert into approval_rules (doc_type, name, priority, steps) values ('price_adjustment', '自定义', 999,
      '[{"name": "董事会表决", "kind": "role", "role": "board", "mode": "any"}]')`);
    const before = (
      await q(`select id, steps, version from approval_rules where doc_type = 'price_adjustment' order by id`)
    ).rows;
    await q(migration);
    const after = (
      await q(`select id, steps, version from approval_rules where doc_type = 'price_adjustment' order by id`)
    ).rows;
    for (const [i, b] of before.entries()) {
      const a = after[i];
      if (b.steps.some((s: { name: string }) => s.name === '董事会审批')) {
        expect(a.version).toBe(b.version + 1);
        expect(a.steps).toEqual(
          b.steps.map((s: { role?: string }) => (s.role === 'board' ? { ...s, mode: 'all' } : s)),
        );
      } else {
        expect(a).toEqual(b);
      }
    }
    expect(await boardModes()).toEqual(
      after.flatMap((r) =>
        r.steps.filter((s: { role?: string }) => s.role === 'board').map((s: { mode: string }) => s.mode),
      ),
    );
  });
});
