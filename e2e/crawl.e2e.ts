import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launch } from './browser.ts';
import { base } from './q2c-helpers.ts';
import { crawl } from './crawl/crawler.ts';
import { Visited } from './crawl/dedupe.ts';
import { type CrawlUser, crawlUsers } from './crawl/roles.ts';
import { CrawlSession, type Finding, VIEWPORTS } from './crawl/session.ts';

/**
 * NOT YET IN THE SUITE (named .draft.ts, outside the e2e include): on the merged main of
 * 2026-12-06 it ran past 14 minutes on the loaded 2-core machine and its result was not verified;
 * rename to e2e/crawl.e2e.ts (fixing the relative imports) once it passes within its 8-minute budget.
 *
 * Issue 11 item 6: every demo role, at 1440×900 and 390×844, visits every menu entry it sees, the
 * first record of every list, that record's tabs and the create/edit forms (opened, never
 * submitted), and the test fails on anything raw, broken or sideways (rules: crawl/checks.ts and
 * crawl/session.ts). Screenshots: test-results/e2e/crawl/<viewport>/<role>/.
 * CRAWL_ROLES=sales_rep,finance and CRAWL_SIZES=phone limit the crawl while working on a fix.
 */
let browser: Browser;
const OUT = path.join(ARTIFACTS, 'crawl');

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function crawlRole(user: CrawlUser, visited: Visited, findings: Finding[], counts: string[]) {
  const { role, username, grants } = user;
  // Both sizes at once: the two contexts overlap their waits on the server.
  await Promise.all(
    VIEWPORTS.filter((v) => !process.env.CRAWL_SIZES || process.env.CRAWL_SIZES.includes(v.name)).map(
      async (viewport) => {
        const s = new CrawlSession(browser, base(), role, username, grants, viewport, OUT);
        const start = Date.now();
        await s.open();
        try {
          await s.login();
          await crawl(s, visited);
        } catch (e) {
          s.add('crawler', `stopped: ${(e as Error).message.split('\n')[0]}`);
          console.log((e as Error).stack);
        } finally {
          findings.push(...s.findings);
          counts.push(
            `${role}/${viewport.name}: ${s.states.length} states, ${((Date.now() - start) / 1000).toFixed(0)} s`,
          );
          await s.close();
        }
      },
    ),
  );
}

describe('crawl', () => {
  it('every role sees no raw values, errors, dead ends or sideways scroll on any page', {
    timeout: 900_000,
  }, async () => {
    const only = process.env.CRAWL_ROLES?.split(',');
    const users = crawlUsers().filter((u) => !only || only.includes(u.role));
    const findings: Finding[] = [];
    const counts: string[] = [];
    const start = Date.now();
    const visited = new Visited();
    for (const u of users) {
      await crawlRole(u, visited, findings, counts);
      // Kept as an artifact (and readable while a long crawl runs).
      fs.writeFileSync(path.join(OUT, 'findings.json'), JSON.stringify(findings, null, 1));
    }
    const seconds = ((Date.now() - start) / 1000).toFixed(0);
    const total = counts.reduce((n, c) => n + Number(/: (\d+) states/.exec(c)?.[1] ?? 0), 0);
    console.log(
      `crawl: ${users.length} roles × ${VIEWPORTS.length} sizes, ${total} page states in ${seconds} s\n  ${counts.join('\n  ')}`,
    );
    const report = findings.map((f) => `[${f.role}/${f.viewport}] ${f.url} (${f.state}) ${f.kind}: ${f.detail}`);
    expect(report).toEqual([]);
  });
});
