import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { repoRoot } from '../src/config.ts';

/** The real product and its commands as separate processes, for tests of start, crash and backup. */

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface ProductProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const started: ChildProcess[] = [];

function run(command: string, args: string[], env: Record<string, string>, cwd = repoRoot): ProductProcess {
  let out = '';
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, DATABASE_URL: '', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

/**
 * The product as `npm start` runs it after the web build (`npm run start -w apps/server` runs
 * `node --import tsx src/main.ts`) on a data dir and ports.
 */
export function startServer(opts: {
  dataDir: string;
  port: number;
  pgPort: number;
  demo?: boolean;
  env?: Record<string, string>;
}): ProductProcess {
  return run(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    DATA_DIR: opts.dataDir,
    PORT: String(opts.port),
    EMBEDDED_PG_PORT: String(opts.pgPort),
    DEMO_DATA: opts.demo ? '1' : '0',
    ...opts.env,
  });
}

/** `npm run <script> -- args` as an operator types it in `cwd`. */
export async function npmRun(
  script: string,
  args: string[],
  env: Record<string, string>,
  cwd = repoRoot,
): Promise<{ code: number | null; output: string }> {
  const p = run('npm', ['--prefix', repoRoot, 'run', '--silent', script, '--', ...args], env, cwd);
  const code = await p.exited;
  return { code, output: p.output() };
}

export async function waitHealthy(server: ProductProcess, port: number, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not become healthy:\n${server.output()}`);
}

export function stopGracefully(server: ProductProcess): Promise<number | null> {
  server.child.kill('SIGTERM');
  return server.exited;
}

/** Kills whatever a test file left running (after a failed assertion). */
export function killStarted() {
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}
