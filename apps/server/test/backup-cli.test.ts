import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterProcesses } from '../src/db/embedded-recovery.ts';
import { freePort, killStarted, npmRun, startServer, stopGracefully, waitHealthy } from './product-process.ts';

// Issue 9 item 6, as the README says it: `npm run backup` of the running product (embedded
// database in DATA_DIR), `npm run restore -- FILE` into a new DATA_DIR, and the product starts
// on the restored data.

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-backup-cli-'));
// As root the cluster runs as the postgres user, who must reach the data dirs inside.
fs.chmodSync(tmp, 0o755);
const source = path.join(tmp, 'source');
const restored = path.join(tmp, 'restored');

afterAll(() => {
  killStarted();
  for (const dir of [source, restored]) {
    const pgDir = path.join(dir, 'pg');
    if (fs.existsSync(pgDir)) for (const pid of clusterProcesses(pgDir)) process.kill(pid, 'SIGKILL');
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function counts(dataDir: string, pgPort: number) {
  const password = fs.readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
  const c = new pg.Client({ connectionString: `postgres://postgres:${password}@127.0.0.1:${pgPort}/sales` });
  await c.connect();
  const r = await c.query(
    `select (select count(*)::int from customers) as customers, (select count(*)::int from orders) as orders,
            (select count(*)::int from attachments) as attachments, (select count(*)::int from audit_log) as audit`,
  );
  await c.end();
  return r.rows[0];
}

async function login(port: number, user: string) {
  return fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: user, password: 'demo1234' }),
  });
}

describe('npm run backup / npm run restore', () => {
  it('backs up the running product and restores it into a new data dir that the product starts on', async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    // No scheduler: no sweep writes between the counts below and the backup.
    const server = startServer({ dataDir: source, port, pgPort, demo: true, env: { SCHEDULER: '0' } });
    await waitHealthy(server, port);
    const before = await counts(source, pgPort);
    expect(before.customers).toBeGreaterThan(0);

    const file = path.join(tmp, 'running.backup.gz');
    const backup = await npmRun('backup', [file], { DATA_DIR: source });
    expect(backup.output).toContain(`Backup written: ${file}`);
    expect(backup.code).toBe(0);
    // It read the running instance's database, not a second copy.
    expect(backup.output).toContain('the running embedded database');

    const restorePort = await freePort();
    const restore = await npmRun('restore', [file], { DATA_DIR: restored, EMBEDDED_PG_PORT: String(restorePort) });
    expect(restore.output).toContain("Verified: row count and SHA-256 of every table match the backup's manifest.");
    expect(restore.code).toBe(0);

    const again = await npmRun('restore', [file], { DATA_DIR: restored, EMBEDDED_PG_PORT: String(restorePort) });
    expect(again.code).toBe(1);
    expect(again.output).toContain('is not empty');

    expect(await stopGracefully(server)).toBe(0);
    // With nothing running, the backup starts the database itself; without a path it writes
    // backups/sales-<time>.backup.gz in the caller's folder.
    const offline = await npmRun('backup', [], { DATA_DIR: source, EMBEDDED_PG_PORT: String(await freePort()) }, tmp);
    expect(offline.code).toBe(0);
    const written = fs.readdirSync(path.join(tmp, 'backups'));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^sales-\d{4}-\d{2}-\d{2}T\d{6}Z\.backup\.gz$/);
    expect(clusterProcesses(path.join(source, 'pg'))).toEqual([]);

    const port2 = await freePort();
    const onRestored = startServer({ dataDir: restored, port: port2, pgPort: restorePort });
    await waitHealthy(onRestored, port2);
    // Before the login below, which writes its own audit row.
    expect(await counts(restored, restorePort)).toEqual(before);
    expect((await login(port2, 'manager1')).status).toBe(200);
    expect(onRestored.output()).not.toContain('First run');
    expect(await stopGracefully(onRestored)).toBe(0);
  }, 300_000);
});
