import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterProcesses } from '../src/db/embedded-recovery.ts';
import { freePort, killStarted, startServer as start, stopGracefully, waitHealthy } from './product-process.ts';

// Issue 9 item 5: after the Node process alone is killed (kill -9, as the OOM killer does), the
// next start must come up with the data kept; a second live instance is still refused; a port
// held by another process is named in a clear message.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-crash-'));
const pgDir = path.join(dataDir, 'pg');
const startServer = (port: number, pgPort: number) => start({ dataDir, port, pgPort });

afterAll(async () => {
  killStarted();
  // Whatever the test left of the cluster: stop it before removing its directory.
  if (fs.existsSync(pgDir)) for (const pid of clusterProcesses(pgDir)) process.kill(pid, 'SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('crash recovery of the embedded database', () => {
  it('comes up after kill -9 of the Node process alone, with the data kept; refuses a second live instance', async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    const first = startServer(port, pgPort);
    await waitHealthy(first, port);

    const password = fs.readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/sales`;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`insert into departments (name) values ('崩溃前的部门')`);
    await c.end();

    // A second instance on the same data dir, while the first runs: refused, first unharmed.
    const second = startServer(await freePort(), await freePort());
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('is already used by another running instance');
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

    first.child.kill('SIGKILL');
    await first.exited;
    // The precondition of the bug: PostgreSQL outlives the Node process.
    const orphans = clusterProcesses(pgDir);
    expect(orphans.length).toBeGreaterThan(0);

    const port2 = await freePort();
    const again = startServer(port2, pgPort);
    await waitHealthy(again, port2);
    expect(again.output()).toContain('left running by an instance that ended abnormally');
    for (const pid of orphans) expect(clusterProcesses(pgDir)).not.toContain(pid);

    const login = await fetch(`http://127.0.0.1:${port2}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password: 'demo1234' }),
    });
    expect(login.status).toBe(200);
    const c2 = new pg.Client({ connectionString: url });
    await c2.connect();
    const kept = await c2.query(`select count(*)::int as n from departments where name = '崩溃前的部门'`);
    await c2.end();
    expect(kept.rows[0].n).toBe(1);

    expect(await stopGracefully(again)).toBe(0);
    // A clean stop leaves neither the cluster nor the lock behind.
    expect(clusterProcesses(pgDir)).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'instance.lock'))).toBe(false);
  }, 240_000);

  it('stops the server and its database cleanly on SIGTERM to the process the start script runs', async () => {
    // `npm run start -w apps/server` runs `node --import tsx src/main.ts`: no relaying parent that
    // could SIGKILL the server under load (the tsx CLI does after 30 ms without an answer).
    const port = await freePort();
    const server = start({ dataDir, port, pgPort: await freePort() });
    await waitHealthy(server, port);
    expect(clusterProcesses(pgDir).length).toBeGreaterThan(0);
    expect(await stopGracefully(server)).toBe(0);
    expect(server.output()).toContain('SIGTERM received, shutting down');
    expect(clusterProcesses(pgDir)).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'instance.lock'))).toBe(false);
  }, 120_000);

  it('names EMBEDDED_PG_PORT and the port when another process holds it', async () => {
    const holder = net.createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', () => r()));
    const held = (holder.address() as net.AddressInfo).port;
    try {
      const server = startServer(await freePort(), held);
      expect(await server.exited).toBe(1);
      expect(server.output()).toContain(`EMBEDDED_PG_PORT ${held} is already in use by another process`);
      expect(server.output()).not.toContain('Cannot read properties of undefined');
    } finally {
      await new Promise((r) => holder.close(r));
    }
    // The refused start released the data dir: a start on a free port works.
    const port = await freePort();
    const server = startServer(port, await freePort());
    await waitHealthy(server, port);
    expect(await stopGracefully(server)).toBe(0);
  }, 180_000);
});
