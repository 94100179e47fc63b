import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSidewaysScroll, launch, loginAs, shot } from './browser.ts';
import { api, approveHere, base, inDays, openModal, pick, toast } from './q2c-helpers.ts';

/**
 * Conference marketing end to end (SPEC 2.7, issue 14 item 1): the director plans an event and the
 * general manager approves it; rep1 invites three of their customers, reads the rendered script and
 * records the answers (a decline without a reason is refused under the field); the front desk signs
 * guests in on a phone with the gift; two orders are attributed; the report shows funnel and ROI.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('会销: plan → invite → results → check-in → deals → report', () => {
  let eventId = 0;
  const guests: { id: number; name: string }[] = [];

  it('the director plans the event; the general manager approves it', async () => {
    const page = await loginAs(browser, 'director');
    const day = inDays(3);
    const res = await api(page, 'POST', '/api/events', {
      theme: '端到端会销新品品鉴会',
      venue: '上海国际会议中心 2 号厅',
      startsAt: `${day}T14:00:00+08:00`,
      endsAt: `${day}T17:00:00+08:00`,
      capacity: 40,
      script:
        '您好，[客户姓名]，我是[公司名称]的销售[你的姓名]，诚邀您参加[产品/服务主题]，时间是[时间]，地点在[地点]。',
      budget: [
        { category: 'venue', budget: '8000.00', actual: '0' },
        { category: 'gifts', budget: '2000.00', actual: '0' },
      ],
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    eventId = res.json.id;
    await page.goto(`${base()}/events/${eventId}`);
    await page.getByTestId('event-submit').click();
    await toast(page, '已提交审批');
    await shot(page, 'events-plan-1440');
    const gm = await loginAs(browser, 'gm');
    await gm.goto(`${base()}/events/${eventId}?tab=approval`);
    await approveHere(gm, '同意');
    expect((await api(gm, 'GET', `/api/events/${eventId}`)).json.status).toBe('approved');
  });

  it('rep1 invites own customers, previews the script, records results; a decline needs its reason', async () => {
    const page = await loginAs(browser, 'rep1');
    const mine = (await api(page, 'GET', '/api/customers?view=mine&pageSize=3')).json.items as {
      id: number;
      name: string;
    }[];
    expect(mine.length).toBe(3);
    guests.push(...mine);
    const inv = await api(page, 'POST', `/api/events/${eventId}/invitations`, { customerIds: mine.map((c) => c.id) });
    expect(inv.json).toEqual({ added: 3, skipped: 0 });
    const list = (await api(page, 'GET', `/api/events/${eventId}/invitations`)).json.items as {
      id: number;
      customerId: number;
    }[];
    await page.goto(`${base()}/events/${eventId}?tab=invitations`);
    await page.getByTestId('invitations-table').waitFor();
    await page.locator('[data-testid="invitations-table"] .ant-table-row-expand-icon').first().click();
    await page.getByTestId(`script-${list[0].id}`).waitFor();
    expect(await page.getByTestId(`script-${list[0].id}`).textContent()).toContain('端到端会销新品品鉴会');
    await shot(page, 'events-invitations-1440');
    const record = async (invId: number, choice: string) => {
      await page.getByTestId(`record-${invId}`).click();
      const modal = await openModal(page);
      await modal.getByText(choice, { exact: true }).click();
      return modal;
    };
    // Declined without a reason: refused, the message under the field.
    const modal = await record(list[2].id, '拒绝');
    await page.getByTestId('result-save').click();
    await modal.getByText('请选择拒绝原因').waitFor();
    await shot(page, 'events-decline-refused-1440');
    await pick(page, modal.getByTestId('result-reason'), '时间冲突');
    await page.getByTestId('result-save').click();
    await modal.waitFor({ state: 'detached' });
    for (const i of [0, 1]) {
      await record(list[i].id, '接受');
      await page.getByTestId('result-save').click();
      await page.locator('.ant-modal-wrap:visible').waitFor({ state: 'detached' });
    }
    const after = (await api(page, 'GET', `/api/events/${eventId}/invitations`)).json.items as { result: string }[];
    expect(after.map((i) => i.result).sort()).toEqual(['accepted', 'accepted', 'declined']);
  });

  it('the front desk signs two guests in on a phone (390 px)', async () => {
    const page = await loginAs(browser, 'frontdesk', 'phone');
    await page.goto(`${base()}/events/${eventId}/check-in`);
    for (const g of guests.slice(0, 2)) {
      await page.getByTestId('guest-search').locator('input').fill(g.name);
      const card = page.locator('[data-testid^="guest-"]').filter({ hasText: g.name }).first();
      await card.waitFor();
      await card.locator('[data-testid^="seat-"]').fill('A-1');
      await card.locator('[data-testid^="checkin-"]').click();
      await toast(page, `${g.name} 已签到`);
    }
    await shot(page, 'events-checkin-390');
    await expectNoSidewaysScroll(page);
  });

  it('two orders are attributed; the report shows the funnel and the ROI (1440 and 390 px)', async () => {
    const rep = await loginAs(browser, 'rep1');
    const warehouse = (await api(rep, 'GET', '/api/warehouses')).json.items[0].id;
    const product = (await api(rep, 'GET', '/api/products/lookup?q=a')).json.items.find(
      (p: { tracking?: string }) => (p.tracking ?? 'none') === 'none',
    );
    for (const g of guests.slice(0, 2)) {
      const o = await api(rep, 'POST', '/api/orders', {
        customerId: g.id,
        channel: 'rep',
        requestedDate: inDays(20),
        warehouseId: warehouse,
        lines: [{ productId: product.id, qty: '1', unitPrice: product.standardPrice, taxRate: product.taxRate }],
      });
      expect(o.status, JSON.stringify(o.json)).toBe(201);
      const a = await api(rep, 'POST', `/api/events/${eventId}/orders`, { orderId: o.json.id });
      expect(a.status, JSON.stringify(a.json)).toBe(200);
    }
    const director = await loginAs(browser, 'director');
    const ev = (await api(director, 'GET', `/api/events/${eventId}`)).json;
    await api(director, 'PUT', `/api/events/${eventId}`, {
      ...ev,
      responsibleIds: [],
      budget: ev.budget.map((b: { category: string; budget: string }) => ({
        ...b,
        actual: b.category === 'venue' ? '7500.00' : '500.00',
      })),
    });
    await director.goto(`${base()}/events/${eventId}?tab=report`);
    await director.getByTestId('event-report').waitFor();
    expect(await director.getByTestId('funnel-invited').textContent()).toContain('3');
    expect(await director.getByTestId('funnel-attended').textContent()).toContain('2');
    expect(await director.getByTestId('funnel-deals').textContent()).toContain('2');
    const report = (await api(director, 'GET', `/api/events/${eventId}/report`)).json;
    expect(report.figures).toMatchObject({
      invited: 3,
      accepted: 2,
      attended: 2,
      deals: 2,
      cost: '8000.00',
      costPerAttendee: '4000.00',
    });
    expect(await director.getByTestId('report-roi').textContent()).toContain(`${report.figures.roi}%`);
    await shot(director, 'events-report-1440');
    const phone = await loginAs(browser, 'director', 'phone');
    await phone.goto(`${base()}/events/${eventId}?tab=report`);
    await phone.getByTestId('event-report').waitFor();
    await shot(phone, 'events-report-390');
    await expectNoSidewaysScroll(phone);
    await phone.goto(`${base()}/events`);
    // Below md the list renders as cards.
    await phone.getByText('端到端会销新品品鉴会').first().waitFor();
    await shot(phone, 'events-list-390');
    await expectNoSidewaysScroll(phone);
  });

  it('rep1 invites from a saved customer filter in the dialog (the demo filter 高意向 40-60 岁 企业主)', async () => {
    const page = await loginAs(browser, 'rep1');
    const saved = (await api(page, 'GET', '/api/customer-filters')).json.items as { id: number; name: string }[];
    const filter = saved.find((f) => f.name === '高意向 40-60 岁 企业主');
    expect(filter).toBeDefined();
    const matching = (
      await api(
        page,
        'GET',
        `/api/customers?${new URLSearchParams(
          (
            await api(page, 'GET', `/api/customer-filters/${filter?.id}`)
          ).json.filter,
        )}&pageSize=200`,
      )
    ).json.items as { id: number }[];
    expect(matching.length).toBeGreaterThan(0);
    const before = (await api(page, 'GET', `/api/events/${eventId}/invitations?pageSize=200`)).json.items as {
      customerId: number;
    }[];
    const fresh = matching.filter((c) => !before.some((i) => i.customerId === c.id));
    await page.goto(`${base()}/events/${eventId}?tab=invitations`);
    await page.getByTestId('event-invite').click();
    const modal = await openModal(page);
    await modal.getByText('按保存的筛选', { exact: true }).click();
    await pick(page, modal.getByTestId('invite-saved-filter'), '高意向 40-60 岁 企业主');
    await shot(page, 'events-invite-saved-filter-1440');
    await page.getByTestId('invite-save').click();
    await modal.waitFor({ state: 'detached' });
    const after = (await api(page, 'GET', `/api/events/${eventId}/invitations?pageSize=200`)).json.items as {
      customerId: number;
    }[];
    expect(after.length).toBe(before.length + fresh.length);
    for (const c of matching) expect(after.some((i) => i.customerId === c.id)).toBe(true);
  });
  it('rep1 saves a filter of their own customers on the customer list and invites 30 and more from it', async () => {
    const page = await loginAs(browser, 'rep1');
    const me = (await api(page, 'GET', '/api/auth/me')).json as { id: number; name: string };
    // The customer list: filter by owner = me, save it under a name, then apply it from the picker.
    await page.goto(`${base()}/customers`);
    await pick(page, page.getByTestId('customer-filter-owner'), me.name, true);
    await page.getByTestId('customer-search').click();
    const mine = (await api(page, 'GET', `/api/customers?ownerId=${me.id}&pageSize=1`)).json.total as number;
    expect(mine).toBeGreaterThanOrEqual(30);
    await expect.poll(() => page.getByTestId('table-total').textContent()).toContain(String(mine));
    await page.getByTestId('customer-save-filter').click();
    const modal = await openModal(page);
    await modal.getByTestId('customer-save-filter-name').fill('会销邀约：我的全部客户');
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    await toast(page, '会销邀约：我的全部客户');
    await page.goto(`${base()}/customers`);
    await pick(page, page.getByTestId('customer-saved-filter-pick'), '会销邀约：我的全部客户');
    await expect.poll(() => page.getByTestId('table-total').textContent()).toContain(String(mine));
    await shot(page, 'events-saved-filter-customer-list-1440');

    // The event's invite dialog from that saved filter: every one of them invited, once.
    const before = (await api(page, 'GET', `/api/events/${eventId}/invitations?pageSize=200`)).json.items as {
      customerId: number;
    }[];
    await page.goto(`${base()}/events/${eventId}?tab=invitations`);
    await page.getByTestId('event-invite').click();
    const dialog = await openModal(page);
    await dialog.getByText('按保存的筛选', { exact: true }).click();
    await pick(page, dialog.getByTestId('invite-saved-filter'), '会销邀约：我的全部客户');
    await page.getByTestId('invite-save').click();
    await dialog.waitFor({ state: 'detached' });
    const after = (await api(page, 'GET', `/api/events/${eventId}/invitations?pageSize=200`)).json.items as {
      customerId: number;
      repId: number;
    }[];
    const invitedMine = after.filter((i) => i.repId === me.id);
    expect(invitedMine.length).toBe(mine);
    expect(new Set(after.map((i) => i.customerId)).size).toBe(after.length);
    expect(after.length).toBeGreaterThan(before.length);
  });
});
