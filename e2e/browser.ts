import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { base } from './q2c-helpers.ts';

export const ARTIFACTS = path.resolve(import.meta.dirname, '../test-results/e2e');

/** The system Chromium, headless, with the flags this machine needs (no network beyond loopback). */
export async function launch(): Promise<Browser> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function shot(page: Page, name: string, fullPage = true) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}

export const SIZES = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;
export type Size = keyof typeof SIZES;

/**
 * A fresh browser context at `size` (the phone with touch), zh-CN in Shanghai time, signed in as
 * `username` with the demo password; resolves once the app has left the sign-in page.
 */
export async function loginAs(
  browser: Browser,
  username: string,
  size: Size = 'desktop',
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: SIZES[size],
    isMobile: size === 'phone',
    hasTouch: size === 'phone',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...options,
  });
  const page = await context.newPage();
  await page.goto(`${base()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

export async function expectNoSidewaysScroll(page: Page) {
  // A string expression: this file is type-checked without the DOM library.
  const [scroll, view] = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as number[];
  expect(scroll, 'page scrolls sideways').toBeLessThanOrEqual(view);
}
