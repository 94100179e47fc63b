import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { renderSummary } from '../approvals/approvals.registry.ts';
import { notify } from './notifications.service.ts';

/**
 * Notices are stored as a message key with machine values; each reader gets the text rendered by
 * the server in their language, amounts with separators, enums and dates as labels (issue 11:
 * 7 of 20 notices read `notify.receivable.overdue`).
 */
let env: TestEnv;
let org: Org;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  const db = env.database.db;
  await db.transaction(async (tx) => {
    await notify(tx, [org.user.rep1], {
      kind: 'receivable.overdue',
      titleKey: 'notify.receivable.overdue',
      params: { invoice: 'FP-2025-0007', customer: '华东机电', days: 12, amount: '191196.00' },
      link: '/finance/invoices/7',
    });
    await notify(tx, [org.user.rep1], {
      kind: 'frontdesk.routed',
      titleKey: 'notify.frontdesk.assigned',
      params: {
        visitorName: '王先生',
        kind: 'visit',
        customerName: '华东机电',
        customerNo: 'C0001',
        reason: 'rotation',
      },
    });
    await notify(tx, [org.user.rep1], {
      kind: 'pool.reclaimed',
      titleKey: 'notify.pool.reclaimed',
      params: { customerName: '华东机电', customerNo: 'C0001', reason: 'no_follow_up' },
    });
    await notify(tx, [org.user.rep1], { kind: 'legacy', titleKey: 'notify.renamed_long_ago', params: {} });
  });
  // An approval result carries its document summary as a key and params (approvals.service.ts).
  await db.transaction(async (tx) => {
    await notify(tx, [org.user.rep2], {
      kind: 'approval.result',
      titleKey: 'notify.approval.approved',
      params: {
        summary: 'SO-1 华东机电：¥191,196.00，超信用额度 ¥41,196.00',
        summaryKey: 'approval.summary.order_credit_override',
        'summary.no': 'SO-1',
        'summary.customer': '华东机电',
        'summary.total': '191196.00',
        'summary.excess': '41196.00',
      },
    });
  });
});
afterAll(async () => {
  await env?.close();
});

async function titles(locale: string): Promise<string[]> {
  const c = await Client.login(env.app, 'rep1', undefined, locale);
  const res = await c.get('/api/notifications');
  expect(res.statusCode).toBe(200);
  return res.json().items.map((n: { title: string }) => n.title);
}

describe('GET /notifications renders each title in the reader language', () => {
  it('zh-CN: amounts with separators, enum values as labels', async () => {
    expect(await titles('zh-CN')).toEqual([
      '您有一条新的系统通知',
      '客户「华东机电」（C0001）已被收回公海：超期未跟进',
      '前台分配给您一位来访客户王先生：「华东机电」（C0001，轮值分配）',
      '发票 FP-2025-0007（华东机电）已逾期 12 天，欠款 ¥191,196.00',
    ]);
  });

  it('zh-TW in traditional characters, en-US in English', async () => {
    const tw = await titles('zh-TW');
    expect(tw[1]).toBe('客戶「华东机电」（C0001）已被收回公海：逾期未跟進');
    expect(tw[2]).toContain('輪值分配');
    expect(tw[3]).toContain('¥191,196.00');
    const en = await titles('en-US');
    expect(en[1]).toBe('Customer “华东机电” (C0001) was reclaimed to the pool: no follow-up in time');
    expect(en[2]).toContain('(visit)');
    expect(en[2]).toContain('rotation)');
    expect(en[3]).toContain('191,196.00');
  });

  it('never shows a message key, a bare enum code or an unfilled placeholder', async () => {
    for (const locale of ['zh-CN', 'zh-TW', 'en-US']) {
      for (const title of await titles(locale)) {
        expect(title).not.toMatch(/notify\.|\{\w+|no_follow_up|191196/);
      }
    }
  });
});

describe('approval summaries are rendered per reader as well', () => {
  it('in the approval notices', async () => {
    const en = await Client.login(env.app, 'rep2', undefined, 'en-US');
    const [n] = (await en.get('/api/notifications')).json().items;
    expect(n.title).toContain('SO-1 华东机电: ¥191,196.00, ¥41,196.00 over the credit limit');
    const zh = await Client.login(env.app, 'rep2', undefined, 'zh-CN');
    expect((await zh.get('/api/notifications')).json().items[0].title).toContain('超信用额度 ¥41,196.00');
  });

  it('names the facts and formats the amounts (issue 11: "¥120000.00 / 30", ¥191196.00)', () => {
    const credit = {
      summary: 'stored',
      summaryKey: 'approval.summary.customer_credit',
      summaryParams: { no: 'C0001', customer: '华东机电', creditLimit: '120000.00', days: 30 },
    };
    expect(renderSummary('zh-CN', credit)).toBe('C0001 华东机电：信用额度 ¥120,000.00，账期 30 天');
    expect(renderSummary('zh-TW', credit)).toBe('C0001 华东机电：信用額度 ¥120,000.00，帳期 30 天');
    expect(renderSummary('en-US', credit)).toBe('C0001 华东机电: credit limit ¥120,000.00, payment terms 30 days');
    const order = {
      summary: 'stored',
      summaryKey: 'approval.summary.order_credit_override',
      summaryParams: { no: 'SO-1', customer: '华东机电', total: '191196.00', excess: '71196.00' },
    };
    expect(renderSummary('zh-CN', order)).toBe('SO-1 华东机电：¥191,196.00，超信用额度 ¥71,196.00');
    // Instances stored before summaries had a key keep their stored text.
    expect(renderSummary('en-US', { summary: '旧摘要' })).toBe('旧摘要');
  });
});
