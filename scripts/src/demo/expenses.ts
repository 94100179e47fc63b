/**
 * Expenses of the demo company (费用管理, SPEC 5.3; seed 001 费用管理): this quarter's budgets of both
 * sales departments and of the two events, set by finance; claims through the real services and the
 * approval engine in every state — paid, approved awaiting payment, at the superior, a manager's own
 * at the director, rejected by finance with its reason, a draft — so that 销售一部's travel and 销售二部's
 * travel budgets are near their limit and an entertainment claim beyond the remaining budget waits
 * for the general manager's over-budget approval.
 */
import { sql } from 'drizzle-orm';
import { createBudget } from '../../../apps/server/src/modules/expenses/expenses.budgets.ts';
import { createClaim } from '../../../apps/server/src/modules/expenses/expenses.claims.ts';
import { payClaim, submitClaim } from '../../../apps/server/src/modules/expenses/expenses.submit.ts';
import type { ClaimInput } from '../../../packages/core/src/expenses.ts';
// Registers the claim's approval type (and its default chains) before the loader seeds the rules.
import '../../../apps/server/src/modules/expenses/index.ts';
import { actOnApproval } from '../../../apps/server/src/platform/approvals/approvals.service.ts';
import { demoCtx } from './ctx.ts';
import { addDays } from './rng.ts';
import { type DemoWorld, userId } from './world.ts';

const shanghai = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
// A scanned invoice (1×1 PNG): enough for the content check; the demo shows the file, not the scan.
const INVOICE = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

type Line = [category: string, amount: string, description: string];
interface Story {
  who: string;
  title: string;
  daysAgo: number;
  lines: Line[];
  event?: string;
  /** How far it gets once submitted: approvers in order (usernames), then 'pay'; null: a draft. */
  steps: string[] | null;
  reject?: { by: string; reason: string };
  overBudgetReason?: string;
}

const STORIES: Story[] = [
  // 销售一部 travel: 9,360 of 10,000 held (93.6 %) — near its limit.
  {
    who: 'rep1',
    title: '福州、厦门客户拜访差旅',
    daysAgo: 18,
    lines: [
      ['travel', '1860.00', '上海—福州往返高铁'],
      ['travel', '1320.00', '福州、厦门住宿 3 晚'],
      ['travel', '480.00', '市内交通'],
    ],
    steps: ['supervisor1', 'finance', 'pay'],
  },
  {
    who: 'rep2',
    title: '苏州工业园区客户回访',
    daysAgo: 12,
    lines: [
      ['travel', '2150.00', '往返交通及住宿 2 晚'],
      ['travel', '350.00', '客户现场打车'],
    ],
    steps: ['supervisor1', 'finance', 'pay'],
  },
  {
    who: 'manager1',
    title: '华南区经销商走访',
    daysAgo: 8,
    lines: [['travel', '3200.00', '广州、深圳机票与住宿']],
    steps: ['director', 'finance'],
  },
  // 销售一部 entertainment: 2,600 used, then 2,000 under approval and 3,200 beyond the rest.
  {
    who: 'rep1',
    title: '宏达机电采购部午宴',
    daysAgo: 15,
    lines: [['entertainment', '1280.00', '商务午餐 6 人']],
    steps: ['supervisor1', 'finance', 'pay'],
  },
  {
    who: 'supervisor1',
    title: '重点客户年度答谢晚宴（小范围）',
    daysAgo: 10,
    lines: [['entertainment', '1320.00', '晚宴 8 人']],
    steps: ['manager1', 'finance', 'pay'],
  },
  {
    who: 'rep2',
    title: '新客户签约答谢宴',
    daysAgo: 4,
    lines: [['entertainment', '1950.00', '晚宴 10 人及酒水']],
    steps: ['supervisor1', 'finance'],
    reject: { by: 'finance', reason: '发票抬头不是本公司全称，请重开发票后重新提交' },
  },
  {
    who: 'rep1',
    title: '年度大客户答谢宴',
    daysAgo: 2,
    lines: [['entertainment', '3200.00', '大客户高层答谢晚宴 12 人']],
    steps: ['supervisor1'],
    overBudgetReason: '年度前三大客户高层同时来访，需当面答谢并商谈明年框架协议',
  },
  // 销售二部 travel: 5,700 of 6,000 — near its limit; a claim at the manager.
  {
    who: 'rep3',
    title: '南京、合肥客户拜访',
    daysAgo: 14,
    lines: [
      ['travel', '2680.00', '高铁及住宿 3 晚'],
      ['travel', '420.00', '市内交通'],
    ],
    steps: ['manager2', 'finance', 'pay'],
  },
  {
    who: 'rep4',
    title: '杭州展会客户跟进',
    daysAgo: 6,
    lines: [['travel', '2600.00', '展会期间住宿与交通']],
    steps: ['manager2', 'finance'],
  },
  {
    who: 'rep4',
    title: '宁波客户技术交流',
    daysAgo: 1,
    lines: [['travel', '260.00', '往返高铁']],
    steps: null,
  },
  // Events: the past launch's invitations and venue; the coming seminar's invitations.
  {
    who: 'director',
    title: '新品发布会场地与物料',
    daysAgo: 16,
    event: '智能制造新品发布暨客户答谢会',
    lines: [
      ['event', '12800.00', '酒店宴会厅场地及茶歇'],
      ['invitation', '1680.00', '邀请函印制与快递'],
    ],
    steps: ['gm', 'finance', 'pay'],
  },
  {
    who: 'rep2',
    title: '研讨会邀约短信与电话费',
    daysAgo: 3,
    event: '数字化仓储解决方案研讨会',
    lines: [['invitation', '420.00', '邀约短信包与通话费']],
    steps: [],
  },
];

/** The budgets of this quarter and of the events (finance sets them at the start of the quarter). */
async function createBudgets(world: DemoWorld, qs: string, qe: string, events: Map<string, number>) {
  const { tx, org, now } = world;
  const ctx = await demoCtx(
    tx,
    userId(org, 'finance'),
    'demo-expenses-budgets',
    new Date(now.getTime() - 30 * 86_400_000),
  );
  const period = { periodStart: qs, periodEnd: qe };
  const plans: [number, string, string][] = [
    [org.deptIds.销售一部, 'travel', '10000'],
    [org.deptIds.销售一部, 'entertainment', '5000'],
    [org.deptIds.销售一部, 'invitation', '3000'],
    [org.deptIds.销售一部, 'promotion', '20000'],
    [org.deptIds.销售二部, 'travel', '6000'],
    [org.deptIds.销售二部, 'entertainment', '4000'],
  ];
  for (const [deptId, category, amount] of plans)
    await createBudget(ctx, { deptId, category: category as never, amount, note: '季度费用预算', ...period });
  const launch = events.get('智能制造新品发布暨客户答谢会');
  const seminar = events.get('数字化仓储解决方案研讨会');
  if (launch) {
    await createBudget(ctx, { eventId: launch, category: 'event', amount: '15000', note: '会销计划预算' });
    await createBudget(ctx, { eventId: launch, category: 'invitation', amount: '2000', note: '会销计划预算' });
  }
  if (seminar)
    await createBudget(ctx, { eventId: seminar, category: 'invitation', amount: '1500', note: '会销计划预算' });
}

export async function createExpenses(world: DemoWorld): Promise<void> {
  const { tx, org, now } = world;
  const today = shanghai(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  const year = Number(today.slice(0, 4));
  const qm = Number(today.slice(5, 7)) - ((Number(today.slice(5, 7)) - 1) % 3);
  const qs = `${year}-${pad(qm)}-01`;
  const qEnd = addDays(qm === 10 ? `${year + 1}-01-01` : `${year}-${pad(qm + 3)}-01`, -1);
  const rows = await tx.execute<{ id: number; theme: string }>(sql`select id, theme from events`);
  const events = new Map(rows.rows.map((r) => [r.theme, Number(r.id)]));
  await createBudgets(world, qs, qEnd, events);

  // Every claim in this quarter (early in a quarter the older stories share its first day).
  const dayOf = (n: number) => {
    const d = addDays(today, -n);
    return d < qs ? qs : d;
  };
  let seq = 0;
  const moment = (n: number, hour: number) => {
    seq += 1;
    const at = new Date(`${dayOf(n)}T${String(hour).padStart(2, '0')}:00:00+08:00`).getTime() + seq * 1000;
    return new Date(Math.min(at, now.getTime() - (200 - seq) * 1000));
  };
  const stories = [...STORIES].sort((a, b) => b.daysAgo - a.daysAgo);
  for (const s of stories) {
    const applicant = await demoCtx(tx, userId(org, s.who), `demo-expenses-${seq}`, moment(s.daysAgo, 9));
    const input: ClaimInput = {
      title: s.title,
      eventId: s.event ? (events.get(s.event) ?? null) : null,
      lines: s.lines.map(([category, amount, description]) => ({
        category: category as never,
        amount,
        description,
        spentOn: dayOf(s.daysAgo + 1),
      })),
      attachments: [{ fileName: `${s.title}-发票.png`, mimeType: 'image/png', contentBase64: INVOICE }],
    };
    const { id } = await createClaim(applicant, input);
    if (s.steps === null) continue;
    const sub = await submitClaim(
      await demoCtx(tx, userId(org, s.who), `demo-expenses-${seq}`, moment(s.daysAgo, 10)),
      id,
      {
        version: 1,
        overBudgetReason: s.overBudgetReason ?? null,
      },
    );
    for (const step of s.steps) {
      const actor = await demoCtx(
        tx,
        userId(org, step === 'pay' ? 'finance' : step),
        `demo-expenses-${seq}`,
        moment(s.daysAgo, 14),
      );
      if (step === 'pay') {
        const [v] = (await tx.execute<{ version: number }>(sql`select version from expense_claims where id = ${id}`))
          .rows;
        await payClaim(actor, id, Number(v.version));
        continue;
      }
      const reject = s.reject && s.reject.by === step && step === s.steps.at(-1);
      await actOnApproval(actor, sub.instanceId, reject ? 'reject' : 'approve', {
        comment: reject ? s.reject?.reason : '情况属实，同意',
      });
    }
  }
}
