import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inspectPage } from './checks.ts';

export interface Viewport {
  name: 'desktop' | 'phone';
  width: number;
  height: number;
}
export const VIEWPORTS: Viewport[] = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

export interface Finding {
  role: string;
  viewport: string;
  url: string;
  state: string;
  kind: string;
  detail: string;
}

/** Loading indicators of a page, modal or drawer. */
const SPINNERS = '.ant-spin-spinning, .ant-skeleton-active';
/** Request kinds a page waits for (images and fonts do not delay the content). */
const AWAITED = new Set(['document', 'script', 'stylesheet', 'fetch', 'xhr']);

/**
 * One signed-in browser context (a role at a viewport): listens for console errors, page
 * exceptions and failed API calls, knows when the page has settled, and records page states
 * (checks + screenshot).
 */
export class CrawlSession {
  page!: Page;
  private context!: BrowserContext;
  readonly findings: Finding[] = [];
  readonly states: string[] = [];
  /** Label of the state being visited: errors that happen now are attributed to it. */
  state = 'login';
  private signedIn = false;
  private inflight = new Set<unknown>();
  private shotDir: string;

  constructor(
    private readonly browser: Browser,
    readonly baseUrl: string,
    readonly role: string,
    readonly username: string,
    readonly grants: string[],
    readonly viewport: Viewport,
    artifacts: string,
  ) {
    this.shotDir = path.join(artifacts, viewport.name, role);
  }

  get phone() {
    return this.viewport.name === 'phone';
  }

  get path() {
    const u = new URL(this.page.url());
    return u.pathname + u.search;
  }

  add(kind: string, detail: string, url = this.path) {
    const f = { role: this.role, viewport: this.viewport.name, url, state: this.state, kind, detail };
    if (!this.findings.some((x) => x.kind === kind && x.detail === detail && x.url === url)) this.findings.push(f);
  }

  async open() {
    fs.rmSync(this.shotDir, { recursive: true, force: true });
    fs.mkdirSync(this.shotDir, { recursive: true });
    this.context = await this.browser.newContext({
      viewport: { width: this.viewport.width, height: this.viewport.height },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    this.context.setDefaultTimeout(10_000);
    // Time of the last DOM change: a page has settled when it stopped changing.
    await this.context.addInitScript(() => {
      const w = window as unknown as { __crawlChanged: number };
      w.__crawlChanged = performance.now();
      new MutationObserver(() => {
        w.__crawlChanged = performance.now();
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const page = await this.context.newPage();
    this.page = page;
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const where = msg.location().url ?? '';
      // A failed API call is also logged by the browser; the response listener reports it with more detail.
      if (msg.text().startsWith('Failed to load resource') && where.includes('/api/')) return;
      this.add('console-error', msg.text().slice(0, 300));
    });
    page.on('pageerror', (err) => this.add('page-exception', `${err.name}: ${err.message}`.slice(0, 300)));
    page.on('request', (req) => {
      if (AWAITED.has(req.resourceType())) this.inflight.add(req);
    });
    const done = (req: unknown) => this.inflight.delete(req);
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    page.on('response', (res) => {
      const u = new URL(res.url());
      if (!u.pathname.startsWith('/api/') || res.status() < 400) return;
      if (res.status() === 401 && !this.signedIn) return; // no session yet: expected
      this.add('http-error', `${res.request().method()} ${u.pathname}${u.search} → ${res.status()}`);
    });
  }

  async close() {
    await this.context?.close();
  }

  async login() {
    const { page } = this;
    await page.goto(`${this.baseUrl}/login`);
    await page.getByTestId('login-username').fill(this.username);
    await page.getByTestId('login-password').fill('demo1234');
    this.signedIn = true;
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    // The crawl only looks: a click that would change data is stopped and reported.
    await this.context.route('**/api/**', (route) => {
      const req = route.request();
      if (req.method() === 'GET' || req.method() === 'HEAD') return route.fallback();
      this.add('crawler-blocked-write', `${req.method()} ${new URL(req.url()).pathname}`);
      return route.abort();
    });
  }

  /**
   * Waits until nothing the page needs is loading (no request in flight, no spinner) and the DOM
   * has not changed for 100 ms (a route's code arriving, then its data, then the render), and no
   * CSS animation or transition is running.
   */
  async settle(timeoutMs = 10_000) {
    const start = Date.now();
    while (Date.now() - start < timeoutMs) {
      if (this.inflight.size === 0) {
        const quiet = await this.page.evaluate((spinners) => {
          const changed = (window as unknown as { __crawlChanged: number }).__crawlChanged;
          const spinning = Array.from(document.querySelectorAll(spinners)).some(
            (e) => (e as HTMLElement).getBoundingClientRect().width > 0,
          );
          // A drawer or modal still sliding in is measured where it will rest, not on its way.
          // (Endless ones — a badge's pulse, a skeleton's shimmer — never end and do not count.)
          const moving = document
            .getAnimations()
            .some((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity);
          return !spinning && !moving && performance.now() - changed > 100;
        }, SPINNERS);
        if (quiet) return;
      }
      await this.page.waitForTimeout(50);
    }
    this.add('slow', `page still loading after ${timeoutMs / 1000} s`);
  }

  /** Checks the current page state and saves its screenshot. */
  async record(state: string) {
    this.state = state;
    const t0 = Date.now();
    await this.settle();
    const t1 = Date.now();
    this.states.push(`${this.path} ${state}`);
    const issues = await this.page.evaluate(inspectPage, { phone: this.phone });
    for (const i of issues) this.add(i.kind, i.detail);
    const file = `${String(this.states.length).padStart(3, '0')}-${slug(this.path)}${state ? `-${slug(state)}` : ''}.png`;
    const t2 = Date.now();
    // The whole page, cut at 2000 px: long lists repeat themselves and a taller PNG costs time.
    const height = await this.page.evaluate(() => Math.min(document.documentElement.scrollHeight, 2000));
    await this.page.screenshot({
      path: path.join(this.shotDir, file),
      fullPage: true,
      clip: { x: 0, y: 0, width: this.viewport.width, height },
    });
    if (process.env.CRAWL_DEBUG) {
      const t3 = Date.now();
      console.log(
        `${this.role}/${this.viewport.name} ${t0 % 1e6} settle ${t1 - t0} check ${t2 - t1} shot ${t3 - t2} ${this.path} ${state}`,
      );
    }
  }
}

function slug(s: string) {
  return s
    .replace(/^\//, '')
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_|_$/g, '')
    .slice(0, 60);
}
