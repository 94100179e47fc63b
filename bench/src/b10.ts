/**
 * B10 — first load of the web app (issue 11 item 5): npm run bench:web [-- --rounds 3]
 * Serves the built web app and the API in-process (database: DATABASE_URL, or the embedded one in
 * ./data-bench-web with the demo company), drives the system Chromium under a throttled network
 * profile, and writes the B10 section of docs/benchmarks.md:
 * - JavaScript on the wire (what the server sent, brotli) and the same files gzip-compressed, for
 *   the login page and for the first page after signing in (login + shell + that page);
 * - Largest Contentful Paint of the customer list opened cold (empty cache, signed in).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { buildApp } from '../../apps/server/src/app.ts';
import { repoRoot } from '../../apps/server/src/config.ts';
import { launch } from '../../e2e/browser.ts';
import { DEMO_PASSWORD } from '../../scripts/src/demo-data.ts';
import { freePort, openDatabase } from '../../scripts/src/open-db.ts';
import { describeMachine } from './machine.ts';
import { spliceSection } from './sections.ts';
import { median } from './stats.ts';
import { shellSize } from './web-shell.ts';

const { values: a } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    user: { type: 'string', default: 'rep1' },
    'no-report': { type: 'boolean', default: false },
    // Lists every script of the first page with its gzip size (to see what to split next).
    files: { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(repoRoot, 'docs/benchmarks.md') },
  },
});
const rounds = Number(a.rounds);
const webDist = path.join(repoRoot, 'apps/web/dist');
if (!fs.existsSync(path.join(webDist, 'index.html'))) throw new Error('Build the web app first: npm run build');

interface Profile {
  name: string;
  /** bits per second */
  throughput: number;
  latencyMs: number;
  cpuSlowdown: number;
}
// The office link of the issue (10 Mbit/s) and a phone on a mobile network (DevTools' "Fast 4G").
const PROFILES: Profile[] = [
  { name: '10 Mbit/s office link, 20 ms RTT', throughput: 10e6, latencyMs: 20, cpuSlowdown: 1 },
  { name: 'phone: 9 Mbit/s, 170 ms RTT, CPU 4× slower', throughput: 9e6, latencyMs: 170, cpuSlowdown: 4 },
];

const log = (m: string) => console.log(m);
const db = await openDatabase({ dataDir: path.join(repoRoot, 'data-bench-web'), port: await freePort(), log });
const app = await buildApp({ db: db.database.db, webDist });
const port = await freePort();
await app.listen({ port, host: '127.0.0.1' });
const base = `http://127.0.0.1:${port}`;
// The same system Chromium and flags as the browser tests.
const browser = await launch();

/** Bytes of JavaScript on the wire, and the same files' .gz sizes, for the responses seen. */
function trackScripts(page: Page) {
  const urls = new Set<string>();
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/assets/') && u.pathname.endsWith('.js')) urls.add(u.pathname);
  });
  return {
    urls,
    async sizes() {
      let wire = 0;
      let gzip = 0;
      for (const p of urls) {
        const file = path.join(webDist, p);
        // Files under 1 KB are not precompressed and go out as they are.
        wire += fs.statSync(fs.existsSync(`${file}.br`) ? `${file}.br` : file).size;
        gzip += zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
      }
      return { files: urls.size, wire, gzip };
    },
    list() {
      return [...urls]
        .map((p) => ({ p, gzip: zlib.gzipSync(fs.readFileSync(path.join(webDist, p)), { level: 9 }).length }))
        .sort((x, y) => y.gzip - x.gzip)
        .map((f) => `    ${kb(f.gzip).padStart(7)}  ${f.p}`)
        .join('\n');
    },
  };
}

async function throttled(ctx: BrowserContext, page: Page, p: Profile) {
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: p.latencyMs,
    downloadThroughput: p.throughput / 8,
    uploadThroughput: p.throughput / 8,
  });
  if (p.cpuSlowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: p.cpuSlowdown });
}

async function lcp(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let last = 0;
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) last = e.startTime;
        });
        // A browser entry type the Node typings of PerformanceObserver do not list.
        const init = { type: 'largest-contentful-paint', buffered: true };
        observer.observe(init as Parameters<typeof observer.observe>[0]);
        // LCP is final once the page has been idle a moment; report the last candidate.
        setTimeout(() => resolve(last), 1500);
      }),
  );
}

interface Row {
  profile: string;
  login: { files: number; wire: number; gzip: number; lcp: number };
  firstPage: { files: number; wire: number; gzip: number; path: string };
  listLcp: number[];
}

const rows: Row[] = [];
try {
  for (const p of PROFILES) {
    log(`B10: ${p.name}`);
    // Login page, then sign in: what a new user downloads until the first page is usable.
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await throttled(ctx, page, p);
    const tracker = trackScripts(page);
    // Signed in, the customer list opens (whatever the role's home page is).
    await page.goto(`${base}/login?redirect=%2Fcustomers`, { waitUntil: 'networkidle' });
    await page.getByTestId('login-submit').waitFor();
    const loginLcp = await lcp(page);
    const login = await tracker.sizes();
    await page.getByTestId('login-username').fill(a.user);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    // The list is usable when its table has rows.
    await page.locator('.ant-table-row').first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const firstPage = { ...(await tracker.sizes()), path: new URL(page.url()).pathname };
    if (a.files) log(`  scripts after sign-in (${firstPage.path}):\n${tracker.list()}`);
    const cookies = await ctx.cookies();
    await ctx.close();

    // The customer list opened cold by a signed-in user.
    const listLcp: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const c = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      await c.addCookies(cookies);
      const pg = await c.newPage();
      await throttled(c, pg, p);
      await pg.goto(`${base}/customers`, { waitUntil: 'networkidle' });
      await pg.locator('.ant-table-row').first().waitFor();
      listLcp.push(await lcp(pg));
      await c.close();
    }
    rows.push({ profile: p.name, login: { ...login, lcp: loginLcp }, firstPage, listLcp });
    log(
      `  login ${kb(login.gzip)} gzip · first page ${kb(firstPage.gzip)} gzip · list LCP ${listLcp.map((x) => x.toFixed(0)).join(' / ')} ms`,
    );
  }
  if (!a['no-report']) {
    const machine = await describeMachine(
      db.database.pool,
      db.embedded ? 'embedded, ./data-bench-web' : 'DATABASE_URL',
    );
    const section = render(rows, machine, shellSize(webDist));
    const md = fs.existsSync(a.out) ? fs.readFileSync(a.out, 'utf8') : '# Benchmarks\n';
    fs.writeFileSync(a.out, spliceSection(md, '## B10', section));
    log(`B10 written to ${a.out}`);
  }
} finally {
  await browser.close();
  await app.close();
  await db.close();
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

function render(
  rs: Row[],
  m: Awaited<ReturnType<typeof describeMachine>>,
  shell: { files: number; gzip: number },
): string {
  const lines = [
    '## B10 — first load of the web app',
    '',
    `Measured by \`npm run bench:web\` (bench/src/b10.ts) on ${m.date}: ${m.cores} cores (${m.cpu}), load average at start ${m.loadAvg}; ` +
      'the API and the built web app served in-process over loopback, the system Chromium with an empty cache and ' +
      "the network (and CPU) throttled through DevTools. JS = every `/assets/*.js` file the page fetched; 'wire' is what " +
      "the server sent (brotli, precompressed at build), 'gzip' the same files gzip -9 (the target's unit). " +
      `LCP of the customer list: signed-in user (${a.user}), cold cache, ${rounds} round(s), median.`,
    '',
    '| profile | login page: JS files / wire / gzip | login LCP ms | after sign-in (login + shell + first page): JS files / wire / gzip | first page | customer list LCP ms (median; rounds) | target |',
    '| --- | ---: | ---: | ---: | --- | ---: | --- |',
  ];
  for (const r of rs) {
    lines.push(
      `| ${r.profile} | ${r.login.files} / ${kb(r.login.wire)} / ${kb(r.login.gzip)} | ${r.login.lcp.toFixed(0)} | ` +
        `${r.firstPage.files} / ${kb(r.firstPage.wire)} / ${kb(r.firstPage.gzip)} | \`${r.firstPage.path}\` | ` +
        `**${median(r.listLcp).toFixed(0)}** (${r.listLcp.map((x) => x.toFixed(0)).join(', ')}) | ` +
        `${r.profile.startsWith('10 Mbit') ? 'shell ≤ 350 KB gzip, LCP ≤ 1,500 ms' : '—'} |`,
    );
  }
  lines.push(
    '',
    `**Shell after sign-in** (entry + layout and their static imports + the zh-CN shell messages and locale data, ` +
      `from the build manifest — bench/src/web-shell.ts; e2e/first-load.e2e.ts fails above 350 KB): ` +
      `${shell.files} files, **${kb(shell.gzip)} gzip** (target ≤ 350 KB).`,
    '',
  );
  return `${lines.join('\n')}\n`;
}
