/**
 * Benchmark harness: npm run bench [-- --customers 1000000 --rounds 3 …]
 * Opens (or creates in ./data-bench) the database, seeds it, starts the API in-process on a free
 * loopback port, runs B1 and B5 and writes docs/benchmarks.md.
 * `--only b9` measures the receivables pages on whatever ledger the database holds (seed it first:
 * npm run seed:large -- --customers 0 --orders 2000000) and rewrites only the B9 section.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../../apps/server/src/app.ts';
import { repoRoot } from '../../apps/server/src/config.ts';
import { rebuildFacts } from '../../apps/server/src/modules/analytics/index.ts';
import { loadPrincipal } from '../../apps/server/src/platform/auth/auth.service.ts';
import { DEMO_PASSWORD } from '../../scripts/src/demo-data.ts';
import { freePort, openDatabase } from '../../scripts/src/open-db.ts';
import { seedCustomers } from '../../scripts/src/seed/seed-customers.ts';
import { seedOrders } from '../../scripts/src/seed/seed-orders.ts';
import { type B1Result, runB1 } from './b1.ts';
import { type B2Result, runB2 } from './b2.ts';
import { b1Section, b2Section } from './b2-report.ts';
import { runB3 } from './b3.ts';
import { b3Section } from './b3-report.ts';
import { type B5Case, type B5CaseResult, runB5 } from './b5.ts';
import { type B6Case, type B6CaseResult, runB6 } from './b6.ts';
import { b7Section, runB7 } from './b7.ts';
import { runB8 } from './b8.ts';
import { b8Section } from './b8-report.ts';
import { runB9 } from './b9.ts';
import { b9Section } from './b9-report.ts';
import { login } from './http.ts';
import { describeMachine } from './machine.ts';
import { notesFor } from './notes.ts';
import { renderReport } from './report.ts';
import { b5Section, b6Section } from './search-report.ts';
import { spliceSection } from './sections.ts';

const { values: a } = parseArgs({
  options: {
    customers: { type: 'string', default: '1000000' },
    // B3: orders (10 lines each) in the database before measuring.
    orders: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    samples: { type: 'string', default: '100' },
    'max-seconds': { type: 'string', default: '8' },
    only: { type: 'string' },
    // The app without its principal cache (ADR 0005), to measure what the cache buys.
    'no-principal-cache': { type: 'boolean', default: false },
    keyword: { type: 'string', default: '恒达' },
    // B6: 3+ characters and pinyin initials (精密机械 → jmjx).
    'initials-keyword': { type: 'string', default: 'jmjx' },
    'long-keyword': { type: 'string', default: '精密机械' },
    manager: { type: 'string', default: 'manager1' },
    rep: { type: 'string', default: 'rep1' },
    'no-report': { type: 'boolean', default: false },
    // B9: a finance user (all scope) and a manager (department scope).
    finance: { type: 'string', default: 'finance' },
    'concurrent-seconds': { type: 'string', default: '20' },
    // B8: rebuild the indicator facts from the documents first (seeded orders have none).
    'rebuild-facts': { type: 'boolean', default: false },
    // B7: customer rows imported from xlsx (and copied by COPY for reference).
    'import-rows': { type: 'string', default: '100000' },
    director: { type: 'string', default: 'director' },
    out: { type: 'string', default: path.join(repoRoot, 'docs/benchmarks.md') },
  },
});
const opts = {
  customers: Number(a.customers),
  rounds: Number(a.rounds),
  duration: Number(a.duration),
  connections: Number(a.connections),
  samples: Number(a.samples),
  maxSeconds: Number(a['max-seconds']),
};
const log = (m: string) => console.log(m);
/** `--only b1,b2,b3`: run these and splice their sections into the report, keeping the others. */
const want = (b: string) => !a.only || a.only.split(',').includes(b);
const t0 = performance.now();

const db = await openDatabase({
  dataDir: path.join(repoRoot, 'data-bench'),
  port: await freePort(),
  poolSize: 10,
  log,
});
const refPool = new pg.Pool({ connectionString: db.url, max: 4, application_name: 'bench-reference' });
refPool.on('error', () => {}); // the embedded server's shutdown ends idle connections
let app: Awaited<ReturnType<typeof buildApp>> | undefined;
let pendingB3: string | undefined;
try {
  // Data: seed up to --customers.
  const have = Number((await db.database.pool.query<{ n: string }>('select count(*) as n from customers')).rows[0].n);
  // How long seeding took is kept beside the embedded cluster, so later runs can still report it.
  const timingFile = db.embedded ? path.join(repoRoot, 'data-bench', 'seed-timing.json') : undefined;
  let seedNote = `Already present in the database (${have.toLocaleString('en')}); seeding skipped.`;
  if (timingFile && fs.existsSync(timingFile)) {
    const t = JSON.parse(fs.readFileSync(timingFile, 'utf8')) as {
      customers: number;
      seconds: number;
      at: string;
      detail?: string;
    };
    seedNote += ` They were bulk-inserted on ${t.at} by an earlier run: ${t.customers.toLocaleString('en')} in ${t.seconds.toFixed(0)} s${t.detail ? ` (${t.detail})` : ''}.`;
  }
  if (have < opts.customers) {
    const n = opts.customers - have;
    log(`Seeding ${n.toLocaleString('en')} customers (have ${have.toLocaleString('en')}) …`);
    const ts = performance.now();
    await seedCustomers(db.database.pool, n, { log });
    const secs = (performance.now() - ts) / 1000;
    seedNote = `${n.toLocaleString('en')} of them were bulk-inserted by this run in ${secs.toFixed(0)} s.`;
    if (timingFile)
      fs.writeFileSync(
        timingFile,
        JSON.stringify({
          customers: n,
          seconds: secs,
          at: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        }),
      );
  }
  seedNote +=
    ' Seeding is scripts/src/seed (set-based `insert … select … from generate_series` in 100k chunks in one transaction, secondary indexes dropped and rebuilt, then VACUUM ANALYZE).';
  const total = Number((await db.database.pool.query<{ n: string }>('select count(*) as n from customers')).rows[0].n);
  seedNote += ' Owners are the sales staff (director, managers, supervisor, reps; reps hold twice the share).';

  // The app, with a tap on its pool to see which statements one request sends.
  let tap: string[] | null = null;
  const pool = db.database.pool as unknown as { query: (...args: unknown[]) => unknown };
  const origQuery = pool.query.bind(pool);
  pool.query = (...args: unknown[]) => {
    if (tap) {
      const q = args[0] as string | { text: string };
      tap.push(typeof q === 'string' ? q : q.text);
    }
    return origQuery(...args);
  };
  const captureAppQueries = async (fn: () => Promise<unknown>) => {
    tap = [];
    try {
      await fn();
      return tap;
    } finally {
      tap = null;
    }
  };
  app = await buildApp({
    db: db.database.db,
    logger: false,
    principalCache: a['no-principal-cache'] ? false : undefined,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  log(`API listening on 127.0.0.1:${port}`);
  const machine = await describeMachine(refPool, db.embedded ? 'embedded, ./data-bench' : 'DATABASE_URL');

  let b1: B1Result | undefined;
  if (want('b1')) {
    log('B1: /api/auth/me full app vs bare Fastify …');
    const { Agent } = await import('node:http');
    const cookie = await login(new Agent({ keepAlive: false }), port, a.rep as string, DEMO_PASSWORD);
    const loadSession = (token: string) => loadPrincipal(db.database.db, token);
    b1 = await runB1({
      fullPort: port,
      cookie,
      loadSession,
      connections: opts.connections,
      duration: opts.duration,
      rounds: opts.rounds,
      log,
    });
  }

  let b5: B5CaseResult[] | undefined;
  if (want('b5') || want('search')) {
    log('B5: customer list API vs direct SQL …');
    const cases: B5Case[] = [];
    for (const [who, username] of [
      ['manager', a.manager],
      ['rep', a.rep],
    ] as const) {
      cases.push({ label: `${who} class=A`, username: username as string });
      cases.push({ label: `${who} class=A "${a.keyword}"`, username: username as string, keyword: a.keyword });
      cases.push({
        label: `${who} class=A "${a['long-keyword']}"`,
        username: username as string,
        keyword: a['long-keyword'],
      });
    }
    b5 = await runB5({
      port,
      pool: refPool,
      password: DEMO_PASSWORD,
      cases,
      rounds: opts.rounds,
      samples: opts.samples,
      maxSeconds: opts.maxSeconds,
      log,
      captureAppQueries,
    });
  }

  let b6: B6CaseResult[] | undefined;
  if (want('b6') || want('search')) {
    log('B6: customer picker API vs direct SQL …');
    const cases: B6Case[] = [];
    for (const [who, username] of [
      ['manager', a.manager],
      ['rep', a.rep],
    ] as const) {
      for (const kw of [a.keyword, a['long-keyword'], a['initials-keyword']] as string[])
        cases.push({ label: `${who} "${kw}"`, username: username as string, keyword: kw });
    }
    b6 = await runB6({
      port,
      pool: refPool,
      password: DEMO_PASSWORD,
      cases,
      rounds: opts.rounds,
      samples: opts.samples,
      maxSeconds: opts.maxSeconds,
      log,
    });
  }

  let b2: B2Result | undefined;
  if (want('b2') || want('b3')) {
    const haveOrders = Number((await refPool.query<{ n: string }>('select count(*) as n from orders')).rows[0].n);
    const wantOrders = Number(a.orders);
    if (haveOrders < wantOrders) {
      log(`Seeding ${(wantOrders - haveOrders).toLocaleString('en')} orders × 10 lines …`);
      const ts = performance.now();
      await seedOrders(db.database.pool, wantOrders - haveOrders, { log });
      log(`  seeded in ${((performance.now() - ts) / 1000).toFixed(1)} s`);
    }
  }
  if (want('b2')) {
    log('B2: order by id with 10 lines, API vs SQL …');
    b2 = await runB2({
      port,
      pool: refPool,
      password: DEMO_PASSWORD,
      rep: a.rep as string,
      rounds: opts.rounds,
      samples: opts.samples,
      maxSeconds: opts.maxSeconds,
      log,
      captureAppQueries,
    });
  }
  if (want('b3')) {
    log('B3: order with 10 lines, API vs SQL …');
    const b3 = await runB3({
      port,
      pool: refPool,
      password: DEMO_PASSWORD,
      rounds: opts.rounds,
      samples: opts.samples,
      maxSeconds: opts.maxSeconds,
      log,
    });
    const section = b3Section(
      b3,
      machine,
      `npm run bench -- --only ${a.only ?? 'b3'} --customers ${opts.customers} --orders ${a.orders} --rounds ${opts.rounds}`,
    );
    // B3 is spliced into the report as its own section, so a B3-only run keeps B1/B5 as measured.
    pendingB3 = section;
  }

  let pendingB9: string | undefined;
  if (a.only === 'b9') {
    log('B9: receivables aging and arrears pages, API vs SQL …');
    const fin = a.finance as string;
    const mgr = a.manager as string;
    // The manager's receivable scope as the app resolves it (own records + the departments of their tree).
    const m = await refPool.query<{ id: number; dept_id: number; depts: number[] }>(
      `select u.id, u.dept_id, array(select d2.id from departments d2 where d2.path like d.path || '%') as depts
       from users u join departments d on d.id = u.dept_id where u.username = $1`,
      [mgr],
    );
    const mgrScope = `(r.owner_id = ${m.rows[0].id} or r.owner_dept_id = any('{${m.rows[0].depts.join(',')}}'::int[]))`;
    const b9 = await runB9({
      port,
      pool: refPool,
      password: DEMO_PASSWORD,
      samples: opts.samples,
      concurrentSeconds: Number(a['concurrent-seconds']),
      log,
      cases: [
        { label: `aging, ${fin} (all), page 1`, username: fin, path: '/api/receivables' },
        { label: `aging, ${fin} (all), page 200`, username: fin, path: '/api/receivables', page: 200 },
        { label: `arrears, ${fin} (all), page 1`, username: fin, path: '/api/receivables/arrears' },
        { label: `arrears, ${fin} (all), page 200`, username: fin, path: '/api/receivables/arrears', page: 200 },
        {
          label: `aging, ${mgr} (department tree)`,
          username: mgr,
          path: '/api/receivables',
          scope: mgrScope,
          subtreeDept: m.rows[0].dept_id,
        },
        {
          label: `arrears, ${mgr} (department tree)`,
          username: mgr,
          path: '/api/receivables/arrears',
          scope: mgrScope,
        },
      ],
    });
    pendingB9 = b9Section(
      b9,
      machine,
      `npm run bench -- --only b9 --samples ${opts.samples}`,
      'Invoices, payments and write-offs come from scripts/src/seed/seed-finance.ts (run by `npm run seed:large` after the orders).',
    );
  }

  let pendingB7: string | undefined;
  if (a.only === 'b7') {
    log('B7: xlsx import of customers through the product vs COPY …');
    const b7 = await runB7({
      port,
      pool: refPool,
      username: a.director as string,
      password: DEMO_PASSWORD,
      rows: Number(a['import-rows']),
      log,
    });
    // The heap cap the server's start script uses (NODE_OPTIONS here: the API runs in this process).
    const heap = /--max-old-space-size=\d+/.exec(process.env.NODE_OPTIONS ?? '')?.[0];
    const cmd = `${heap ? `NODE_OPTIONS=${heap} ` : ''}npm run bench -- --only b7 --customers ${opts.customers} --import-rows ${a['import-rows']}`;
    pendingB7 = b7Section(b7, machine, cmd, total);
  }

  let pendingB8: string | undefined;
  if (a.only === 'b8') {
    log('B8: the monthly dashboard, API vs the same SQL …');
    let rebuildSeconds: number | null = null;
    const facts = Number((await refPool.query('select count(*)::int n from analytics_facts')).rows[0].n);
    if (a['rebuild-facts'] || facts === 0) {
      const ts = performance.now();
      await db.database.db.transaction((tx) => rebuildFacts(tx));
      await refPool.query('vacuum analyze analytics_facts');
      for (const t of ['analytics_monthly', 'analytics_monthly_product', 'analytics_monthly_region'])
        await refPool.query(`vacuum analyze ${t}`);
      rebuildSeconds = (performance.now() - ts) / 1000;
      log(`  facts rebuilt in ${rebuildSeconds.toFixed(0)} s`);
    }
    // The last whole month (a dashboard opened on the current month reads partial facts the same way).
    const d = new Date();
    d.setUTCDate(0);
    const date = d.toISOString().slice(0, 10);
    const b8 = await runB8({
      port,
      appPool: db.database.pool,
      url: db.url,
      poolSize: 10,
      password: DEMO_PASSWORD,
      samples: opts.samples,
      rebuildSeconds,
      log,
      cases: [
        {
          label: `${a.director} (all), month ${date.slice(0, 7)}`,
          username: a.director as string,
          query: `period=month&date=${date}`,
        },
        {
          label: `${a.manager} (department tree), month ${date.slice(0, 7)}`,
          username: a.manager as string,
          query: `period=month&date=${date}`,
        },
        {
          label: `${a.rep} (own), month ${date.slice(0, 7)}`,
          username: a.rep as string,
          query: `period=month&date=${date}`,
        },
      ],
    });
    pendingB8 = b8Section(
      b8,
      machine,
      `npm run bench -- --only b8 --customers 0 --samples ${opts.samples}${a['rebuild-facts'] ? ' --rebuild-facts' : ''}`,
    );
  }

  const indexDefs = (
    await refPool.query<{ d: string }>(`select indexdef as d from pg_indexes where tablename = 'customers'`)
  ).rows.map((r) => r.d);
  const command = `npm run bench -- --only ${a.only} --customers ${opts.customers} --orders ${a.orders} --rounds ${opts.rounds} --duration ${opts.duration} --connections ${opts.connections}${a['no-principal-cache'] ? ' --no-principal-cache' : ''}`;
  if (!a['no-report'] && a.only) {
    const file = a.out as string;
    let md = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
    if (b1) md = spliceSection(md, '## B1', b1Section(b1, machine, command, opts));
    if (b2) md = spliceSection(md, '## B2', b2Section(b2, machine, command), '## B3');
    if (pendingB3) md = spliceSection(md, '## B3', pendingB3);
    if (pendingB9) md = spliceSection(md, '## B9', pendingB9);
    if (pendingB8) md = spliceSection(md, '## B8', pendingB8);
    if (pendingB7) md = spliceSection(md, '## B7', pendingB7, '## B8');
    if (want('search') && b5) md = spliceSection(md, '## B5', b5Section(b5, machine, total, command));
    if (b6) md = spliceSection(md, '## B6', b6Section(b6, machine, total, command), '## B3');
    fs.writeFileSync(file, md);
    log(`Wrote the ${a.only} section(s) of ${file}`);
  } else if (!a['no-report']) {
    const md0 = renderReport({
      machine,
      customers: total,
      seedNote,
      command: `npm run bench -- --customers ${opts.customers} --rounds ${opts.rounds} --duration ${opts.duration} --connections ${opts.connections}`,
      options: opts,
      b1,
      b5,
      notes: notesFor(b1, b5, indexDefs, machine),
    });
    let md = pendingB3 ? spliceSection(md0, '## B3', pendingB3) : md0;
    if (b2) md = spliceSection(md, '## B2', b2Section(b2, machine, command), '## B3');
    if (pendingB9) md = spliceSection(md, '## B9', pendingB9);
    fs.mkdirSync(path.dirname(a.out as string), { recursive: true });
    fs.writeFileSync(a.out as string, md);
    log(`Wrote ${a.out}`);
  }
  log(`Done in ${((performance.now() - t0) / 1000).toFixed(0)} s.`);
} finally {
  await app?.close().catch(() => {});
  await refPool.end().catch(() => {});
  await db.close();
}
