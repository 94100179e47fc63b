/**
 * Ownership of an embedded data directory and recovery after a crash of its owner.
 *
 * The app that starts the bundled PostgreSQL holds `<dataDir>/instance.lock` (its pid and the
 * kernel's start time of that pid). When the Node process alone is killed (kill -9, the OOM
 * killer), PostgreSQL keeps running as an orphan and the lock stays behind. The next start tells
 * the two cases apart: a lock whose owner still runs means another live instance (refused); a
 * lock whose owner is gone means a crash, and the orphaned cluster of THIS data dir is stopped
 * cleanly before starting again.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export class DataDirInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The data directory ${dir} is already used by another running instance (pid ${pid}). ` +
        'Stop that instance first, or set DATA_DIR to another directory.',
    );
  }
}

export class EmbeddedPortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `EMBEDDED_PG_PORT ${port} is already in use by another process, so the embedded PostgreSQL cannot listen on ` +
        `127.0.0.1:${port}. Stop that process, or set EMBEDDED_PG_PORT to a free port (e.g. EMBEDDED_PG_PORT=${port + 1}).`,
    );
  }
}

interface ProcStat {
  state: string;
  ppid: number;
  startTime: string;
}

const hasProc = fs.existsSync('/proc/self/stat');

/** /proc/<pid>/stat of a live process; undefined when it does not exist or is a zombie. */
function procStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  // A zombie has exited and only waits for its parent (which may never reap it) to read its status.
  if (state === 'Z' || state === 'X') return undefined;
  return { state, ppid: Number(fields[1]), startTime: fields[19] };
}

function isRunning(pid: number): boolean {
  if (hasProc) return procStat(pid) !== undefined;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function cmdline(pid: number): string[] {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface LockOwner {
  pid: number;
  startTime?: string;
}

/** The lock's owner still runs: same pid and, where /proc tells, the same process (pids are reused). */
function ownerAlive(owner: LockOwner): boolean {
  if (!hasProc) return isRunning(owner.pid);
  const stat = procStat(owner.pid);
  return stat !== undefined && (owner.startTime === undefined || stat.startTime === owner.startTime);
}

export interface InstanceLock {
  /** True when the previous owner died without releasing the data dir. */
  previousOwnerDied: boolean;
  release(): void;
}

/**
 * Takes `<dataDir>/instance.lock` for this process, or throws DataDirInUseError while its owner
 * runs. A short-lived mkdir mutex makes "read the stale lock, take it over" atomic between two
 * instances starting at the same moment.
 */
export async function acquireInstanceLock(dataDir: string): Promise<InstanceLock> {
  const lockFile = path.join(dataDir, 'instance.lock');
  const mutex = `${lockFile}.taking`;
  for (let tries = 0; ; tries++) {
    try {
      fs.mkdirSync(mutex);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A mutex older than 10 s belongs to a process that died within those few milliseconds.
      const age = Date.now() - (fs.statSync(mutex, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 10_000) fs.rmSync(mutex, { recursive: true, force: true });
      else if (tries > 200) throw new Error(`Could not take ${lockFile}: ${mutex} stays in place.`);
      else await sleep(50);
    }
  }
  let previousOwnerDied = false;
  try {
    if (fs.existsSync(lockFile)) {
      let owner: LockOwner | undefined;
      try {
        owner = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
      } catch {
        owner = undefined; // torn or foreign content: nobody can own it
      }
      if (owner && Number.isInteger(owner.pid) && ownerAlive(owner)) throw new DataDirInUseError(dataDir, owner.pid);
      previousOwnerDied = true;
    }
    const mine: LockOwner & { startedAt: string } = {
      pid: process.pid,
      startTime: procStat(process.pid)?.startTime,
      startedAt: new Date().toISOString(),
    };
    const tmp = `${lockFile}.${process.pid}`;
    fs.writeFileSync(tmp, `${JSON.stringify(mine)}\n`);
    fs.renameSync(tmp, lockFile);
  } finally {
    fs.rmSync(mutex, { recursive: true, force: true });
  }
  return {
    previousOwnerDied,
    release() {
      try {
        const owner: LockOwner = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
        if (owner.pid === process.pid) fs.rmSync(lockFile, { force: true });
      } catch {
        // already gone
      }
    },
  };
}

/**
 * Live processes of the cluster in `pgDir`: PostgreSQL chdirs into its data directory, so the
 * postmaster and every backend have it as their working directory (checked with /proc/<pid>/cwd
 * and the program name, never by process name alone).
 */
export function clusterProcesses(pgDir: string): number[] {
  if (!hasProc) return [];
  const dir = fs.realpathSync(pgDir);
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    let cwd: string;
    try {
      cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
    } catch {
      continue;
    }
    if (cwd !== dir || !procStat(pid)) continue;
    const argv0 = cmdline(pid)[0] ?? '';
    if (path.basename(argv0) === 'postgres' || argv0.startsWith('postgres:')) pids.push(pid);
  }
  return pids;
}

function postmasterPid(pgDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function waitUntilGone(pgDir: string, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (clusterProcesses(pgDir).length === 0) return true;
    await sleep(100);
  }
  return clusterProcesses(pgDir).length === 0;
}

/**
 * Before starting the cluster in `pgDir` (with the instance lock held): stops an orphaned
 * PostgreSQL of this data dir — fast shutdown (SIGINT, what `pg_ctl stop -m fast` sends), then
 * immediate (SIGQUIT), then SIGKILL — and removes a postmaster.pid that no process backs.
 * Refuses (DataDirInUseError) when the postmaster's parent is still a live Node process, i.e.
 * an app that holds no lock (an older version) still owns it.
 */
export async function recoverOrphanedCluster(pgDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  if (!hasProc) {
    // Without /proc the owner cannot be verified: keep the old, conservative refusal.
    const pid = postmasterPid(pgDir);
    if (pid && isRunning(pid)) throw new DataDirInUseError(path.dirname(pgDir), pid);
    return;
  }
  const procs = clusterProcesses(pgDir);
  if (procs.length === 0) {
    // No process runs in this cluster (its pid may now be a zombie or another program's):
    // PostgreSQL would refuse on a live pid in the file, so remove it.
    fs.rmSync(pidFile, { force: true });
    log(`Removed a stale ${pidFile} (no PostgreSQL of this data directory is running).`);
    return;
  }
  const recorded = postmasterPid(pgDir);
  const postmaster =
    recorded && procs.includes(recorded)
      ? recorded
      : (procs.find((p) => !procs.includes(procStat(p)?.ppid ?? 0)) as number);
  const parent = procStat(postmaster)?.ppid ?? 0;
  if (parent > 1 && parent !== process.pid && path.basename(cmdline(parent)[0] ?? '') === 'node') {
    throw new DataDirInUseError(path.dirname(pgDir), parent);
  }
  log(`Stopping the embedded PostgreSQL (pid ${postmaster}) left running by an instance that ended abnormally …`);
  const steps: [NodeJS.Signals, number][] = [
    ['SIGINT', 30_000],
    ['SIGQUIT', 10_000],
  ];
  for (const [signal, wait] of steps) {
    try {
      process.kill(postmaster, signal);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
    }
    if (await waitUntilGone(pgDir, wait)) {
      log(`Stopped it (${signal === 'SIGINT' ? 'fast shutdown' : 'immediate shutdown; recovery runs at start'}).`);
      if (postmasterPid(pgDir) === postmaster) fs.rmSync(pidFile, { force: true });
      return;
    }
  }
  for (const pid of clusterProcesses(pgDir)) process.kill(pid, 'SIGKILL');
  if (!(await waitUntilGone(pgDir, 5_000))) {
    throw new Error(`The orphaned PostgreSQL of ${pgDir} (pid ${postmaster}) does not stop; stop it by hand.`);
  }
  // SIGKILL leaves the pid file behind; no process of the cluster is left, so recovery is safe.
  fs.rmSync(pidFile, { force: true });
  log('Stopped it (killed; recovery runs at start).');
}

/** Throws EmbeddedPortInUseError when something already listens on 127.0.0.1:port. */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new EmbeddedPortInUseError(port) : err),
    );
    srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => srv.close(() => resolve()));
  });
}
