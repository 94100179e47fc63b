import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBackup } from '../src/db/backup/backup.ts';
import {
  BackupVerificationError,
  RestoreTargetNotEmptyError,
  restoreBackup,
  userRelations,
} from '../src/db/backup/restore.ts';
import { Client, createTestEnv, seedOrg, type TestEnv } from './harness.ts';

// Issue 9 item 6: a backup taken while the app writes restores to exactly the snapshot's instant,
// checked table by table (row count + md5 of the ordered rows) by SQL independent of the backup code.

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-backup-'));
let env: TestEnv;
const extraDbs: string[] = [];

beforeAll(async () => {
  env = await createTestEnv();
  await seedOrg(env);
});
afterAll(async () => {
  await env.close();
  await withAdmin(async (a) => {
    for (const d of extraDbs) await a.query(`drop database if exists ${d} with (force)`);
  });
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const { inject } = await import('vitest');
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** A new, empty database (from template0: not even the template's extensions). */
async function emptyDatabase(): Promise<string> {
  const name = `${new URL(env.url).pathname.slice(1)}_r${extraDbs.length}`;
  extraDbs.push(name);
  await withAdmin((a) => a.query(`create database ${name} template template0`));
  const u = new URL(env.url);
  u.pathname = `/${name}`;
  return u.toString();
}

type Fingerprints = Record<string, { rows: number; md5: string }>;

/** Every application table (pg-boss's transient queue aside, ADR 0002), listed and hashed in SQL. */
async function fingerprints(c: pg.ClientBase): Promise<Fingerprints> {
  const tables = await c.query<{ s: string; t: string }>(
    `select table_schema as s, table_name as t from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema', 'pgboss')
     order by 1, 2`,
  );
  const out: Fingerprints = {};
  for (const { s, t } of tables.rows) {
    const r = await c.query<{ rows: number; md5: string }>(
      `select count(*)::int as rows, md5(coalesce(string_agg(x::text, E'\\n' order by x::text collate "C"), '')) as md5
       from "${s}"."${t}" x`,
    );
    // The migration log's serial ids are the restore's own; compare what was applied.
    if (s === 'drizzle') {
      const m = await c.query(
        `select string_agg(hash || ':' || created_at, ',' order by created_at) as h from "${s}"."${t}"`,
      );
      out[`${s}.${t}`] = { rows: r.rows[0].rows, md5: m.rows[0].h };
    } else out[`${s}.${t}`] = r.rows[0];
  }
  return out;
}

async function connectTo(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`set timezone = 'UTC'`);
  return c;
}

/** Writers through the app and straight SQL, each looping until stopped; counts their commits. */
function startWriters() {
  let stop = false;
  let commits = 0;
  let customers = 0;
  let failure: Error | undefined;
  const loop = (body: () => Promise<void>) =>
    body().catch((e: Error) => {
      failure ??= e;
      stop = true;
    });
  const loops: Promise<void>[] = [];
  for (const login of ['rep1', 'rep2']) {
    loops.push(
      loop(async () => {
        const c = await Client.login(env.app, login);
        for (let i = 0; !stop; i++) {
          const res = await c.post('/api/customers', { kind: 'company', name: `${login}并发客户${i}号有限公司` });
          if (res.statusCode !== 201) throw new Error(`create customer: ${res.statusCode} ${res.body}`);
          commits++;
          customers++;
        }
      }),
    );
  }
  for (let w = 0; w < 2; w++) {
    loops.push(
      loop(async () => {
        const c = await connectTo(env.url);
        try {
          for (let i = 0; !stop; i++) {
            await c.query('begin');
            const d = await c.query('insert into departments (name) values ($1) returning id', [`写入${w}-${i}`]);
            await c.query(`update departments set name = name || '改' where id = $1`, [d.rows[0].id]);
            await c.query('update users set updated_at = now() where id = (select min(id) + $1 from users)', [i % 5]);
            await c.query('commit');
            commits++;
          }
        } finally {
          await c.end();
        }
      }),
    );
  }
  return {
    commits() {
      if (failure) throw failure;
      return commits;
    },
    customers() {
      if (failure) throw failure;
      return customers;
    },
    async stop() {
      stop = true;
      await Promise.all(loops);
      if (failure) throw failure;
    },
  };
}

/**
 * Waits for `more` commits, at least one of them a customer made through the app: on a loaded
 * machine the plain-SQL writers alone can make all of them, and the drill must span both kinds.
 */
async function waitForCommits(writers: { commits(): number; customers(): number }, more: number) {
  const target = writers.commits() + more;
  const customers = writers.customers() + 1;
  while (writers.commits() < target || writers.customers() < customers) await new Promise((r) => setTimeout(r, 10));
}

function rewrite(file: string, out: string, edit: (lines: string[]) => string[]) {
  const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
  fs.writeFileSync(out, zlib.gzipSync(edit(lines).join('\n')));
}

describe('backup and restore drill', () => {
  const file = path.join(tmp, 'drill.backup.gz');
  let expected: Fingerprints;

  it('restores a backup taken under write load to exactly the snapshot, every table', async () => {
    const writers = startWriters();
    await waitForCommits(writers, 20);
    const witness = await connectTo(env.url);
    let result: Awaited<ReturnType<typeof writeBackup>>;
    try {
      result = await writeBackup(env.url, file, {
        onSnapshot: async (snapshotId) => {
          await witness.query('begin isolation level repeatable read read only');
          await witness.query(`set transaction snapshot '${snapshotId}'`);
          // Commits after the snapshot and before any table is read must not be in the backup.
          await waitForCommits(writers, 20);
        },
      });
      await waitForCommits(writers, 10);
    } finally {
      await writers.stop();
    }
    expected = await fingerprints(witness);
    await witness.query('commit');
    await witness.end();

    const live = await connectTo(env.url);
    const now = await fingerprints(live);
    await live.end();
    // The load really ran across the backup: the database moved on from the snapshot.
    expect(now['public.departments'].rows).toBeGreaterThan(expected['public.departments'].rows);
    expect(now['public.customers'].rows).toBeGreaterThan(expected['public.customers'].rows);
    expect(expected['public.customers'].rows).toBeGreaterThan(0);
    expect(result.manifest.totalRows).toBeGreaterThan(100);
    // Every table is in the backup, empty ones too (the migration log travels in the header).
    const backedUp = result.manifest.tables.map((t) => `${t.schema}.${t.name}`).sort();
    expect(backedUp).toEqual(
      Object.keys(expected)
        .filter((k) => !k.startsWith('drizzle.'))
        .sort(),
    );

    const target = await emptyDatabase();
    const restored = await restoreBackup(target, file);
    expect(restored.tables).toBe(result.manifest.tables.length);
    const c = await connectTo(target);
    try {
      const got = await fingerprints(c);
      expect(Object.keys(got).length).toBeGreaterThan(50);
      expect(got).toEqual(expected);
      // Identity sequences continue after the restored rows.
      const maxId = (await c.query('select max(id)::int as m from departments')).rows[0].m;
      const next = await c.query(`insert into departments (name) values ('恢复后新部门') returning id`);
      expect(next.rows[0].id).toBeGreaterThan(maxId);
      // Constraints and triggers are back: the audit trail stays append-only.
      await expect(c.query('delete from audit_log')).rejects.toThrow();
      await expect(
        c.query('insert into users (username, name, dept_id) values ($1, $2, 999999)', ['x', 'x']),
      ).rejects.toThrow(/foreign key|violates|null value/);
    } finally {
      await c.end();
    }
  });

  it('refuses a database that is not empty and changes nothing', async () => {
    const before = await connectTo(env.url);
    const count = (await before.query('select count(*)::int as n from customers')).rows[0].n;
    await before.end();
    const err = await restoreBackup(env.url, file).catch((e: Error) => e);
    expect(err).toBeInstanceOf(RestoreTargetNotEmptyError);
    expect((err as Error).message).toMatch(
      /is not empty \(\d+ relation\(s\): .*\)\. A restore only fills an empty database/,
    );
    const after = await connectTo(env.url);
    expect((await after.query('select count(*)::int as n from customers')).rows[0].n).toBe(count);
    await after.end();
  });

  it('rolls back and leaves the target empty when a row differs from the manifest', async () => {
    const tampered = path.join(tmp, 'tampered.backup.gz');
    rewrite(file, tampered, (lines) => {
      const at = lines.findIndex((l) => l.startsWith('{"type":"table","schema":"public","name":"customers"'));
      lines[at + 1] = lines[at + 1].replace('并发客户', '篡改客户');
      return lines;
    });
    const target = await emptyDatabase();
    const err = await restoreBackup(target, tampered).catch((e: Error) => e);
    expect(err).toBeInstanceOf(BackupVerificationError);
    expect((err as Error).message).toContain('public.customers');
    const c = await connectTo(target);
    expect(await userRelations(c)).toEqual([]);
    await c.end();
  });

  it('refuses a backup that misses a table', async () => {
    const partial = path.join(tmp, 'partial.backup.gz');
    rewrite(file, partial, (lines) => {
      const start = lines.findIndex((l) => l.startsWith('{"type":"table","schema":"public","name":"follow_ups"'));
      const end = lines.indexOf('\\.', start);
      lines.splice(start, end - start + 1);
      const m = lines.findIndex((l) => l.startsWith('{"type":"manifest"'));
      const manifest = JSON.parse(lines[m]);
      manifest.tables = manifest.tables.filter((t: { name: string }) => t.name !== 'follow_ups');
      lines[m] = JSON.stringify(manifest);
      return lines;
    });
    const target = await emptyDatabase();
    const err = await restoreBackup(target, partial).catch((e: Error) => e);
    expect(err).toBeInstanceOf(BackupVerificationError);
    expect((err as Error).message).toBe('The backup lacks table(s): public.follow_ups.');
  });
});
