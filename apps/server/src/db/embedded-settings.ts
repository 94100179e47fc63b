import os from 'node:os';

/** What the sizing looks at: the machine's memory and processors. */
export interface MachineFacts {
  totalMemBytes: number;
  cpus: number;
}

export interface SizingOverrides {
  /**
   * EMBEDDED_PG_MEMORY: the memory PostgreSQL may plan with — bytes with a unit (`6GB`, `512MB`)
   * or a share of the machine (`40%`). Default 50 %: the application server shares the machine.
   */
  memory?: string;
  /**
   * EMBEDDED_PG_SETTINGS: any server settings, `name=value` separated by `;` or `,` (e.g.
   * `work_mem=64MB;max_connections=200`), applied after (and winning over) the computed ones.
   */
  settings?: string;
}

const MB = 1024 * 1024;
const GB = 1024 * MB;

export function machineFacts(): MachineFacts {
  return { totalMemBytes: os.totalmem(), cpus: Math.max(1, os.availableParallelism?.() ?? os.cpus().length) };
}

/** Bytes from `6GB` / `512MB` / `1024kB` / `40%` (of `total`); undefined when not understood. */
export function parseMemory(v: string, total: number): number | undefined {
  const m = v.trim().match(/^(\d+(?:\.\d+)?)\s*(%|b|kb|mb|gb|tb)?$/i);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'b').toLowerCase();
  if (unit === '%') return n > 0 && n <= 100 ? Math.floor((total * n) / 100) : undefined;
  const mult: Record<string, number> = { b: 1, kb: 1024, mb: MB, gb: GB, tb: 1024 * GB };
  return Math.floor(n * mult[unit]);
}

/** `name=value` pairs separated by `;` or `,`; a malformed pair is an error (a typo must not pass silently). */
export function parseSettings(s: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (s ?? '').split(/[;,]/)) {
    const t = part.trim();
    if (!t) continue;
    const m = t.match(/^([a-z_][a-z0-9_.]*)\s*=\s*(\S(?:.*\S)?)$/i);
    if (!m) throw new Error(`EMBEDDED_PG_SETTINGS: "${t}" is not name=value`);
    out[m[1].toLowerCase()] = m[2];
  }
  return out;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
/** PostgreSQL memory units: whole megabytes read best in `SHOW` and the logs. */
const mb = (bytes: number) => `${Math.max(1, Math.floor(bytes / MB))}MB`;

/**
 * Server settings for the embedded PostgreSQL sized to the machine it starts on (issue 10 item 6;
 * docs/operations.md explains each). PostgreSQL's own defaults (128 MB shared buffers, 4 MB
 * work_mem, 4 GB effective cache) suit a tiny VM, not an office server; the usual guidance for a
 * machine shared with the application:
 * - shared_buffers ≈ 25 % of the memory PostgreSQL may plan with, 128 MB – 8 GB;
 * - effective_cache_size ≈ 75 % of it (the planner's estimate of shared buffers + OS cache);
 * - work_mem: a quarter of what is left after shared buffers, spread over the connections times
 *   two sorts/hashes each, 4 – 64 MB (one query may use several);
 * - maintenance_work_mem ≈ 5 %, 64 MB – 1 GB (index builds, VACUUM);
 * - parallel workers per query: half the cores, at most 4 (0 on one core).
 */
export function embeddedPgSettings(
  machine: MachineFacts = machineFacts(),
  overrides: SizingOverrides = {},
): Record<string, string> {
  let budget = Math.floor(machine.totalMemBytes / 2);
  if (overrides.memory) {
    const b = parseMemory(overrides.memory, machine.totalMemBytes);
    if (b === undefined)
      throw new Error(`EMBEDDED_PG_MEMORY: "${overrides.memory}" is neither a size (6GB, 512MB) nor a share (40%)`);
    budget = b;
  }
  const extra = parseSettings(overrides.settings);
  const maxConnections = Number(extra.max_connections ?? 100);
  const sharedBuffers = clamp(budget / 4, 128 * MB, 8 * GB);
  const workMem = clamp((budget - sharedBuffers) / 4 / (maxConnections * 2), 4 * MB, 64 * MB);
  const parallel = Math.min(4, Math.floor(machine.cpus / 2));
  return {
    max_connections: String(maxConnections),
    shared_buffers: mb(sharedBuffers),
    effective_cache_size: mb(clamp((budget * 3) / 4, 512 * MB, 1024 * GB)),
    work_mem: mb(workMem),
    maintenance_work_mem: mb(clamp(budget / 20, 64 * MB, GB)),
    max_parallel_workers_per_gather: String(parallel),
    max_parallel_maintenance_workers: String(Math.max(1, parallel)),
    ...extra,
  };
}

/** The settings as `postgres` command-line flags (`-c name=value`), which win over postgresql.conf. */
export function settingsFlags(settings: Record<string, string>): string[] {
  return Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
}
