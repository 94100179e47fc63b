import type { Locator } from 'playwright-core';
import type { Visited } from './dedupe.ts';
import type { CrawlSession } from './session.ts';

/** Buttons that open a create or edit form (a page or a modal); opened, never submitted. */
const FORM_BUTTON = /^(新建|新增|添加|编辑|修改|起草|登记|开票|申请)/;
/** Open modals and drawers; the last one in the DOM is on top. */
const OVERLAY = '.ant-modal-wrap:not([style*="display: none"]) .ant-modal, .ant-drawer-open .ant-drawer-section';
const BUTTONS = 'button, a.ant-btn';

/** The route pattern of a path: numeric ids become `:id`. */
export function pattern(path: string) {
  return path.split('?')[0].replace(/\/\d+(?=\/|$)/g, '/:id');
}

/** Runs one crawl step; a step that fails is a finding and the crawl goes on. */
async function attempt(s: CrawlSession, what: string, fn: () => Promise<void>) {
  try {
    await fn();
  } catch (e) {
    // The first line, plus the call log's last reason (what blocked a click) when there is one.
    const lines = (e as Error).message.split('\n');
    const why = lines.filter((l) => /intercepts pointer|not enabled|not visible|not stable|detached/.test(l)).pop();
    s.add('crawler', `${what}: ${lines[0]}${why ? ` (${why.trim()})` : ''}`);
    await closeOverlays(s).catch(() => undefined);
  }
}

async function overlays(s: CrawlSession) {
  return s.page.locator(OVERLAY).count();
}

/** Where the user acts now: the top modal or drawer, else the page's main area. */
async function scope(s: CrawlSession): Promise<Locator> {
  const n = await overlays(s);
  return n > 0 ? s.page.locator(OVERLAY).nth(n - 1) : s.page.locator('main');
}

/** Closes the top modal or drawer (Escape, then its close button). */
async function closeTop(s: CrawlSession) {
  const before = await overlays(s);
  if (before === 0) return;
  await s.page.keyboard.press('Escape');
  for (let i = 0; i < 15 && (await overlays(s)) >= before; i++) await s.page.waitForTimeout(100);
  if ((await overlays(s)) >= before) {
    const top = s.page.locator(OVERLAY).nth(before - 1);
    await top.locator('.ant-modal-close, .ant-drawer-close').first().click({ timeout: 2000 });
  }
  // Let the closing animation finish so the next click is not swallowed by a fading mask.
  await s.page.waitForTimeout(250);
}

async function closeOverlays(s: CrawlSession) {
  for (let i = 0; i < 4 && (await overlays(s)) > 0; i++) await closeTop(s);
  await s.page.keyboard.press('Escape'); // popovers, dropdowns, popconfirms
}

/** Every menu entry the user sees, read from the rendered menu (new pages join by themselves). */
async function menuEntries(s: CrawlSession): Promise<{ testId: string; path: string }[]> {
  const menu = await openMenu(s);
  // Open every group, one per frame (each click updates the menu's open keys).
  await menu.evaluate(async (m) => {
    for (let i = 0; i < 40; i++) {
      const closed = m.querySelector('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title');
      if (!closed) return;
      (closed as HTMLElement).click();
      await new Promise((r) => setTimeout(r, 30));
    }
  });
  // antd keys each item by its path: data-menu-id="rc-menu-uuid-…-/customers".
  const entries = await menu.locator('[data-testid^="menu-"]').evaluateAll((els) =>
    els.map((e) => {
      const id = e.closest('li')?.getAttribute('data-menu-id') ?? '';
      return { testId: e.getAttribute('data-testid') ?? '', path: id.slice(id.indexOf('/')) };
    }),
  );
  await closeMenu(s);
  return entries;
}

async function openMenu(s: CrawlSession): Promise<Locator> {
  await closeOverlays(s);
  if (!s.phone) return s.page.getByTestId('side-menu');
  await s.page.getByTestId('menu-toggle').click();
  const menu = s.page.getByTestId('menu-drawer').getByTestId('side-menu');
  await menu.waitFor();
  return menu;
}

/** The phone's menu drawer has slid away (and antd has unlocked the page's scroll). */
async function menuGone(s: CrawlSession) {
  await s.page.getByTestId('menu-drawer').getByTestId('side-menu').waitFor({ state: 'hidden' });
}

async function closeMenu(s: CrawlSession) {
  if (!s.phone) return;
  // A tap on the mask beside the 260 px drawer (Escape does not reach it while the menu has focus).
  await s.page.mouse.click(370, 400);
  await menuGone(s);
}

/**
 * Opens a menu entry and waits until the new page has replaced the old one: a navigation may keep
 * the old page on screen while the new one loads (React transition), and checking it then would
 * blame the new page for the old one's content.
 */
async function clickMenu(s: CrawlSession, testId: string) {
  const before = s.path;
  await markPage(s);
  const menu = await openMenu(s);
  await menu.getByTestId(testId).click();
  if (s.phone) await menuGone(s);
  if (s.path !== before) await pageReplaced(s);
}

/** Marks the page on screen, so that pageReplaced() can tell when a navigation has rendered. */
async function markPage(s: CrawlSession) {
  await s.page.evaluate(() => document.querySelector('main > *')?.setAttribute('data-crawl-old', ''));
}

/** Waits (up to 3 s: a route may keep its component, and so its marked element) until the marked page has left the screen. */
async function pageReplaced(s: CrawlSession) {
  for (let i = 0; i < 30 && (await s.page.locator('main [data-crawl-old]').count()) > 0; i++) {
    await s.page.waitForTimeout(100);
  }
}

/** After a click: 'nav' (URL changed), 'overlay' (a modal or drawer opened) or 'none', within 1 s. */
async function outcome(s: CrawlSession, path: string, before: number): Promise<'nav' | 'overlay' | 'none'> {
  for (let i = 0; i < 10; i++) {
    if (s.path !== path) return 'nav';
    if ((await overlays(s)) > before) return 'overlay';
    await s.page.waitForTimeout(100);
  }
  return 'none';
}

async function buttonLabels(scope: Locator): Promise<string[]> {
  const texts = await scope.locator(BUTTONS).evaluateAll((els) =>
    els
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && !(e as HTMLButtonElement).disabled;
      })
      .map((e) => (e as HTMLElement).innerText.replace(/\s+/g, '')),
  );
  return [...new Set(texts)];
}

/** antd puts a space between two CJK characters of a button: match the label with any spacing. */
function byText(scope: Locator, text: string): Locator {
  const chars = [...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return scope
    .locator(BUTTONS)
    .filter({ hasText: new RegExp(`^\\s*${chars.join('\\s*')}\\s*$`), visible: true })
    .first();
}

/** Opens each create/edit form reachable from the current page state (first button of each label). */
async function openForms(s: CrawlSession, done: Set<string>, back: () => Promise<void>) {
  const labels = (await buttonLabels(await scope(s))).filter((t) => FORM_BUTTON.test(t));
  const state = s.state;
  for (const label of labels) {
    const key = `${pattern(s.path)}|${label}`;
    if (done.has(key)) continue;
    done.add(key);
    await attempt(s, `open form ${label}`, async () => {
      const button = byText(await scope(s), label);
      if ((await button.count()) === 0) return;
      const path = s.path;
      const before = await overlays(s);
      await markPage(s);
      await button.click();
      const result = await outcome(s, path, before);
      if (result === 'none') return;
      if (result === 'nav') await pageReplaced(s);
      await s.record(`form ${label}`);
      if (result === 'nav') await back();
      else await closeTop(s);
    });
    s.state = state;
  }
}

/** The tabs of the page's first tab bar, clicked one after the other; each is a page state. */
async function visitTabs(s: CrawlSession, done: Set<string>, back: () => Promise<void>) {
  const bar = (await scope(s)).locator('.ant-tabs').first();
  const tabs = bar.locator(':scope > .ant-tabs-nav .ant-tabs-tab');
  const all = await tabs.evaluateAll((els) =>
    els.map((e) => ({
      label: (e as HTMLElement).innerText.replace(/\s+/g, ''),
      skip: e.classList.contains('ant-tabs-tab-disabled') || e.classList.contains('ant-tabs-tab-active'),
    })),
  );
  for (const [i, tab] of all.entries()) {
    if (tab.skip) continue;
    await attempt(s, `tab ${tab.label}`, async () => {
      const el = tabs.nth(i);
      // A tab that does not fit (phone) sits under the bar's "…" menu, as the user finds it.
      const fits = await el.evaluate((t) => {
        const wrap = t.closest('.ant-tabs-nav-wrap')?.getBoundingClientRect();
        const r = t.getBoundingClientRect();
        return !!wrap && r.left >= wrap.left - 1 && r.right <= wrap.right + 1;
      });
      if (fits) {
        await el.click();
      } else {
        const more = bar.locator(':scope > .ant-tabs-nav .ant-tabs-nav-more');
        const item = s.page
          .locator('.ant-tabs-dropdown:not(.ant-tabs-dropdown-hidden) .ant-tabs-dropdown-menu-item')
          .filter({ hasText: tab.label })
          .first();
        // The dropdown follows the pointer (hover) and may close before the click lands: try twice,
        // then let the tab take the click itself.
        let picked = false;
        for (let k = 0; k < 2 && !picked; k++) {
          // From the top of the page: no scrolling between opening the menu and picking from it.
          await s.page.evaluate(() => window.scrollTo(0, 0));
          await more.hover();
          await more.click();
          picked = await item.click({ timeout: 3000 }).then(
            () => true,
            () => false,
          );
        }
        if (!picked) await el.dispatchEvent('click');
        // The menu opened on hover stays open while the pointer rests on it and covers what is
        // under it; a finger lifts after the tap: move the pointer away and let the menu close.
        await s.page.mouse.move(0, 0);
        await s.page
          .locator('.ant-tabs-dropdown:not(.ant-tabs-dropdown-hidden)')
          .waitFor({ state: 'hidden', timeout: 3000 })
          .catch(() => undefined);
      }
      await el.and(s.page.locator('.ant-tabs-tab-active')).waitFor({ state: 'attached' });
      await s.record(`tab ${tab.label}`);
      await openForms(s, done, back);
    });
  }
}

/** Clicks the first row (table) or card (phone list) of the list: a plain cell, else its link. */
async function clickFirstRow(s: CrawlSession): Promise<boolean> {
  const row = s.page.locator('main tr.ant-table-row, main [data-testid$="-row"]').filter({ visible: true }).first();
  if ((await row.count()) === 0) return false;
  const target = await row.evaluate((r) => {
    const parts = r.tagName === 'TR' ? Array.from(r.children) : [r.querySelector('.ant-card-head') ?? r];
    const plain = parts.findIndex((c) => c.textContent && !c.querySelector('button, input, .ant-checkbox, a'));
    const link = parts.findIndex((c) => c.querySelector('a[href^="/"]'));
    return plain >= 0 ? { i: plain, link: false } : link >= 0 ? { i: link, link: true } : null;
  });
  if (!target) return false;
  const isRow = (await row.evaluate((r) => r.tagName)) === 'TR';
  const cell = isRow ? row.locator(':scope > td').nth(target.i) : row.locator('.ant-card-head').or(row).first();
  if (target.link) await cell.locator('a[href^="/"]').first().click();
  else await cell.click({ position: { x: 6, y: 6 } });
  return true;
}

/**
 * Everything one role sees at one viewport: menu entries, the first record of each list, their
 * tabs and forms — minus page states a role with the same grants has visited (dedupe.ts).
 */
export async function crawl(s: CrawlSession, visited: Visited) {
  const claim = (path: string, look?: string) => visited.claim(s.viewport.name, path, s.role, s.grants, look);
  const explored = new Set<string>();
  const forms = new Set<string>();
  // The start page is a menu entry's page in all but odd cases: then it is a state of its own.
  const entries = await menuEntries(s);
  if (!entries.some((e) => e.path === s.path)) await s.record('home');
  await attempt(s, 'notifications', async () => {
    await s.page.getByTestId('header-notifications').click();
    await s.page.getByTestId('notification-list').waitFor();
    await s.record('notifications');
    await s.page.getByTestId('header-notifications').click();
    await s.page.getByTestId('notification-list').waitFor({ state: 'hidden' });
  });

  for (const { testId, path: menuPath } of entries) {
    if (!claim(menuPath)) continue;
    await attempt(s, `menu ${testId}`, async () => {
      s.state = `menu ${testId.replace(/^menu-/, '')}`;
      await clickMenu(s, testId);
      const listPath = s.path;
      explored.add(pattern(listPath));
      await s.record(s.state);
      await exploreState(s, forms, async () => {
        await s.page.goBack();
        await s.settle();
      });
      if (s.path !== listPath) await clickMenu(s, testId);
      await closeOverlays(s);
      await s.settle();

      // The first record of the list.
      const path = s.path;
      const before = await overlays(s);
      await markPage(s);
      if (!(await clickFirstRow(s))) return;
      const result = await outcome(s, path, before);
      if (result === 'none') return;
      if (result === 'nav') {
        const p = pattern(s.path);
        if (explored.has(p)) return;
        explored.add(p);
        await pageReplaced(s);
        await s.settle();
        if (!claim(s.path.split('?')[0], await look(s))) return;
      }
      const detail = s.path;
      await s.record('first row');
      await exploreState(s, forms, async () => {
        if (s.path !== detail) await s.page.goBack();
        await s.settle();
      });
    });
  }
}

/** What a page offers: its tab labels and buttons (a record page's look for dedupe.ts). */
async function look(s: CrawlSession) {
  const tabs = await s.page
    .locator('main .ant-tabs-tab')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.replace(/\s+/g, '')));
  return [...tabs, '|', ...(await buttonLabels(s.page.locator('main')))].join(',');
}

/** A page state's forms, then its tabs (each with its own forms). */
async function exploreState(s: CrawlSession, forms: Set<string>, back: () => Promise<void>) {
  await openForms(s, forms, back);
  await visitTabs(s, forms, back);
}
