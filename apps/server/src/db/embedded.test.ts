import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirInUseError, startEmbeddedPostgres } from './embedded.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-embedded-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('embedded PostgreSQL', () => {
  it('keeps data across restarts and refuses a second instance on the same data dir', async () => {
    const port = 51000 + Math.floor(Math.random() * 900);
    const first = await startEmbeddedPostgres(dir, port);
    const c = new pg.Client({ connectionString: first.url });
    await c.connect();
    await c.query('create table kept (v text)');
    await c.query(`insert into kept values ('还在')`);
    await c.end();

    await expect(startEmbeddedPostgres(dir, port + 1)).rejects.toBeInstanceOf(DataDirInUseError);
    await first.stop();

    const again = await startEmbeddedPostgres(dir, port);
    const c2 = new pg.Client({ connectionString: again.url });
    await c2.connect();
    const r = await c2.query('select v from kept');
    await c2.end();
    await again.stop();
    expect(r.rows).toEqual([{ v: '还在' }]);
  });
});
