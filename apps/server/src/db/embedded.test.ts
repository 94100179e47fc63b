import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DataDirInUseError,
  DataDirUnreachableError,
  EmbeddedPortInUseError,
  startEmbeddedPostgres,
} from './embedded.ts';
import { embeddedPgSettings, machineFacts } from './embedded-settings.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-embedded-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('embedded PostgreSQL', () => {
  // As root the cluster runs as "postgres"; a data dir inside a private directory (mktemp -d) would
  // make initdb fail with a bare EACCES. The start says which directory blocks it, before trying.
  it.runIf(process.getuid?.() === 0)(
    'names the directory that keeps the postgres user out of the data dir',
    async () => {
      const closed = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-closed-'));
      fs.chmodSync(closed, 0o700);
      try {
        const start = startEmbeddedPostgres(path.join(closed, 'data'), 51990);
        await expect(start).rejects.toBeInstanceOf(DataDirUnreachableError);
        await expect(start).rejects.toThrow(`chmod o+x ${closed}`);
        expect(fs.existsSync(path.join(closed, 'data', 'pg'))).toBe(false);
      } finally {
        fs.rmSync(closed, { recursive: true, force: true });
      }
    },
  );

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

    // Restarted with settings of its own (EMBEDDED_PG_SETTINGS / EMBEDDED_PG_MEMORY in main.ts).
    const settings = embeddedPgSettings(machineFacts(), { memory: '1GB', settings: 'work_mem=12MB' });
    const again = await startEmbeddedPostgres(dir, port, { settings });
    const c2 = new pg.Client({ connectionString: again.url });
    await c2.connect();
    const r = await c2.query('select v from kept');
    const shown = await c2.query(
      `select current_setting('shared_buffers') as sb, current_setting('work_mem') as wm,
         current_setting('effective_cache_size') as ecs`,
    );
    await c2.end();
    await again.stop();
    expect(r.rows).toEqual([{ v: '还在' }]);
    expect(shown.rows[0]).toEqual({ sb: '256MB', wm: '12MB', ecs: '768MB' });
  });

  it('is not blocked by a lock and a pid file that no running instance backs', async () => {
    const port = 51000 + Math.floor(Math.random() * 900);
    await (await startEmbeddedPostgres(dir, port)).stop();
    // What a crash of host and app leaves: the lock of a dead app, and a postmaster.pid whose pid
    // now belongs to an unrelated live process (here the test runner itself).
    fs.writeFileSync(path.join(dir, 'instance.lock'), JSON.stringify({ pid: 2 ** 22 + 1, startTime: '1' }));
    fs.writeFileSync(path.join(dir, 'pg', 'postmaster.pid'), `${process.pid}\n${path.join(dir, 'pg')}\n`);
    const logs: string[] = [];
    const db = await startEmbeddedPostgres(dir, port, { log: (m) => logs.push(m) });
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const r = await c.query('select v from kept');
    await c.end();
    await db.stop();
    expect(r.rows).toEqual([{ v: '还在' }]);
    expect(logs.join('\n')).toContain('Removed a stale');
  });

  it('names EMBEDDED_PG_PORT and the port when another process listens there', async () => {
    const holder = net.createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', () => r()));
    const port = (holder.address() as net.AddressInfo).port;
    try {
      const err = await startEmbeddedPostgres(dir, port).catch((e: Error) => e);
      expect(err).toBeInstanceOf(EmbeddedPortInUseError);
      expect((err as Error).message).toContain(`EMBEDDED_PG_PORT ${port} is already in use`);
    } finally {
      await new Promise((r) => holder.close(r));
    }
    expect(fs.existsSync(path.join(dir, 'instance.lock'))).toBe(false);
  });
});
