import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shot } from './browser.ts';
import { base } from './q2c-helpers.ts';

/**
 * Issue 11 item 5 (first load): the login page downloads one language, compressed, from assets
 * cached for a year; another language arrives only when chosen.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('first load', () => {
  it('loads only the chosen language, brotli-compressed and cacheable, and switches on demand', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const scripts: Response[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/assets/') && r.url().endsWith('.js')) scripts.push(r);
    });
    await page.goto(`${base()}/login`);
    await expect.poll(() => page.getByTestId('login-submit').textContent()).toMatch(/登\s*录/);

    const languages = scripts.map((r) => /\/i18n-(?:shell-)?(zh-CN|zh-TW|en-US)-/.exec(r.url())?.[1]).filter(Boolean);
    expect(languages).toEqual(['zh-CN']);
    // The sign-in page needs only the shell's messages and none of the signed-in shell's code.
    expect(scripts.map((r) => r.url()).filter((u) => /\/(i18n-zh-CN|AppLayout)-/.test(u))).toEqual([]);
    for (const r of scripts) {
      const headers = await r.allHeaders();
      expect(headers['content-encoding'], r.url()).toBe('br');
      expect(headers['cache-control'], r.url()).toBe('public, max-age=31536000, immutable');
    }
    const html = await ctx.request.get(`${base()}/login`);
    expect(html.headers()['cache-control']).toBe('no-cache');

    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-option-en-US').click();
    await expect.poll(() => page.getByTestId('login-submit').textContent()).toBe('Sign in');
    expect(scripts.some((r) => /\/i18n-(shell-)?en-US-/.test(r.url()))).toBe(true);
    await shot(page, 'first-load-login-en');

    // The choice is remembered: a reload starts in English and fetches no Chinese messages.
    scripts.length = 0;
    await page.reload();
    await expect.poll(() => page.getByTestId('login-submit').textContent()).toBe('Sign in');
    expect(scripts.some((r) => /\/i18n-(shell-)?zh-/.test(r.url()))).toBe(false);
    await ctx.close();
  });

  it('keeps the signed-in shell within 350 KB of gzip JavaScript (B10)', () => {
    // The shell: the entry, the layout (menu, header) and everything they import statically, the
    // default language's shell messages and antd's / dayjs's locale data — what every signed-in
    // page needs before its own code (issue 11: shell after sign-in ≤ 350 KB gzip).
    const dist = path.resolve(import.meta.dirname, '../apps/web/dist');
    const manifest: Record<string, { file: string; isEntry?: boolean; imports?: string[] }> = JSON.parse(
      fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'),
    );
    const keys = Object.keys(manifest);
    const roots = [
      ...keys.filter((k) => manifest[k].isEntry),
      'src/app/AppLayout.tsx',
      ...keys.filter((k) => /i18n-shell-zh-CN-|antd\/locale\/zh_CN\.js$|dayjs\/locale\/zh-cn\.js$/.test(k)),
    ];
    expect(roots.length).toBe(5);
    const shell = new Set<string>();
    const visit = (k: string) => {
      if (shell.has(k)) return;
      shell.add(k);
      for (const i of manifest[k].imports ?? []) visit(i);
    };
    roots.forEach(visit);
    const gzip = [...shell].reduce(
      (sum, k) => sum + zlib.gzipSync(fs.readFileSync(path.join(dist, manifest[k].file)), { level: 9 }).length,
      0,
    );
    console.log(`shell: ${shell.size} files, ${(gzip / 1024).toFixed(1)} KB gzip`);
    expect(gzip).toBeLessThanOrEqual(350 * 1024);
  });
});
