import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shot } from './browser.ts';
import { base, loginAs } from './q2c-helpers.ts';

/**
 * Personal API tokens (SPEC 1.11) in the browser: a rep opens "API 令牌" from the user menu,
 * creates a token, copies the secret shown once, calls the API with it (no cookie), revokes it,
 * and the same call is refused.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('API tokens in the browser', () => {
  it('a rep creates a token, uses it without a cookie, and revokes it', async () => {
    const page = await loginAs(browser, 'rep1');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-api-tokens').click();
    await page.waitForURL(/\/me\/api-tokens$/);
    await page.getByTestId('token-new').click();
    await page.getByTestId('token-name').fill('端到端测试令牌');
    await page.getByTestId('token-create-submit').click();
    const secret = (await page.getByTestId('secret-value').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^sst_[A-Za-z0-9_-]{43}$/);
    await page.waitForTimeout(500);
    await shot(page, 'api-token-secret');
    await page.getByTestId('secret-done').click();
    await page.getByTestId('token-row').filter({ hasText: '端到端测试令牌' }).waitFor();

    // A fresh context: no cookie, only the token.
    const ctx = await browser.newContext();
    const call = () => ctx.request.get(`${base()}/api/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
    const ok = await call();
    expect(ok.status()).toBe(200);
    expect((await ok.json()).username).toBe('rep1');

    const row = page.getByTestId('token-row').filter({ hasText: '端到端测试令牌' });
    await row.getByTestId('token-revoke').click();
    await page.locator('.ant-popconfirm .ant-btn-dangerous').click();
    await row.getByText('已撤销').waitFor();
    expect((await call()).status()).toBe(401);
    await ctx.close();
    await page.context().close();
  });
});
