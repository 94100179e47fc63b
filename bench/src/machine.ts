/** Describes the machine a benchmark ran on. */
import fs from 'node:fs';
import os from 'node:os';
import type pg from 'pg';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  postgres: string;
  os: string;
  date: string;
  loadAvg: string;
  database: string;
}

export async function describeMachine(pool: pg.Pool, database: string): Promise<Machine> {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m);
    if (m) cpu = m[1].trim();
  } catch {
    // not Linux
  }
  const { rows } = await pool.query<{ v: string }>(`select current_setting('server_version') as v`);
  return {
    cpu,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: rows[0].v,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    loadAvg: os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' / '),
    database,
  };
}
