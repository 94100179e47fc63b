/**
 * Customer credit (资信) in the demo: ratings, limits and payment terms carried over from the old
 * system for established customers, and credit requests going through the real approval engine
 * (requestCreditChange → submitForApproval), so inboxes, tasks and notifications are right.
 */
import { type CreditRating, CreditRequestInput } from '@sales/core';
import type { Tx } from '../../../apps/server/src/db/client.ts';
import { requestCreditChange } from '../../../apps/server/src/modules/customers/credit.service.ts';
import { actOnApproval } from '../../../apps/server/src/platform/approvals/approvals.service.ts';
import { demoCtx } from './ctx.ts';
import type { CustomerPlan } from './customers.ts';
import type { DemoOrg } from './org.ts';
import type { Rng } from './rng.ts';
import { type DemoCustomer, userId } from './world.ts';

export interface CreditTerms {
  rating: CreditRating;
  creditLimit: string;
  paymentTermsDays: number;
}

const round = (n: number, step: number) => Math.round(n / step) * step;
const moneyOf = (n: number) => `${n}.00`;

function termsFor(rng: Rng, cls: string | null): CreditTerms {
  const rating: CreditRating =
    cls === 'KEY'
      ? 'A'
      : cls === 'A'
        ? rng.weighted([
            ['A', 6],
            ['B', 4],
          ])
        : rng.weighted([
            ['B', 6],
            ['C', 3],
            ['D', 1],
          ]);
  switch (rating) {
    case 'A':
      return {
        rating,
        creditLimit: moneyOf(round(rng.int(800_000, 3_000_000), 50_000)),
        paymentTermsDays: rng.pick([60, 90]),
      };
    case 'B':
      return {
        rating,
        creditLimit: moneyOf(round(rng.int(200_000, 800_000), 10_000)),
        paymentTermsDays: rng.pick([30, 45, 60]),
      };
    case 'C':
      return { rating, creditLimit: moneyOf(round(rng.int(50_000, 200_000), 10_000)), paymentTermsDays: 30 };
    default:
      // D: 款到发货.
      return { rating, creditLimit: '0.00', paymentTermsDays: 0 };
  }
}

/**
 * Credit of the established company customers (class KEY/A/B, in the archive before the system
 * went live), imported once when the system went live.
 */
export function planCreditImport(rng: Rng, plans: CustomerPlan[], goLive: Date): Map<number, CreditTerms> {
  const out = new Map<number, CreditTerms>();
  plans.forEach((p, i) => {
    if (p.kind !== 'company' || p.class === 'C' || p.createdAt >= goLive) return;
    if (!rng.chance(p.class === 'KEY' ? 0.9 : 0.6)) return;
    out.set(i, termsFor(rng, p.class));
  });
  return out;
}

interface Request {
  by: string;
  pick: (c: DemoCustomer) => boolean;
  input: (c: DemoCustomer) => { rating: CreditRating; creditLimit: string; paymentTermsDays: number; reason: string };
  /** Decisions taken right after the request: [who, action, comment]. */
  decisions?: [string, 'approve' | 'reject', string][];
}

const limitOf = (c: DemoCustomer) => Number(c.creditLimit ?? 0);
const unrated = (c: DemoCustomer) => c.creditLimit === null;

const REQUESTS: Request[] = [
  {
    by: 'rep2',
    pick: (c) => unrated(c) && (c.class === 'A' || c.class === 'B'),
    input: () => ({
      rating: 'B',
      creditLimit: '300000.00',
      paymentTermsDays: 45,
      reason: '新签年度框架协议，客户按季度下单，申请核定授信额度和 45 天账期。',
    }),
    decisions: [['manager1', 'approve', '同意，按季度复核回款情况。']],
  },
  {
    by: 'rep3',
    pick: (c) => limitOf(c) > 0 && limitOf(c) <= 500_000 && (c.paymentTermsDays ?? 0) < 90,
    input: (c) => ({
      rating: 'B',
      creditLimit: c.creditLimit as string,
      paymentTermsDays: 90,
      reason: `客户要求账期由 ${c.paymentTermsDays} 天延长至 90 天，以配合其年底资金安排。`,
    }),
    decisions: [['manager2', 'reject', '该客户近半年有两笔逾期回款，暂不同意延长账期，请先跟进回款。']],
  },
  {
    by: 'rep1',
    pick: (c) => limitOf(c) > 0 && limitOf(c) < 350_000,
    input: (c) => ({
      rating: 'B',
      creditLimit: `${Math.min(500_000, Math.round((limitOf(c) * 1.5) / 10_000) * 10_000)}.00`,
      paymentTermsDays: Math.max(45, c.paymentTermsDays ?? 0),
      reason: '客户近一年采购额稳定增长，回款及时，申请提高授信额度。',
    }),
  },
  {
    by: 'rep2',
    pick: (c) => unrated(c) && (c.class === 'B' || c.class === 'C'),
    input: () => ({
      rating: 'C',
      creditLimit: '120000.00',
      paymentTermsDays: 30,
      reason: '首次合作，客户要求部分货款月结，申请核定授信。',
    }),
  },
  {
    by: 'rep3',
    pick: (c) => unrated(c) && (c.class === 'A' || c.class === 'KEY'),
    input: () => ({
      rating: 'A',
      creditLimit: '480000.00',
      paymentTermsDays: 60,
      reason: '客户追加二期订单，需按月结算，申请核定授信额度。',
    }),
  },
  {
    by: 'rep4',
    pick: (c) => unrated(c),
    input: () => ({
      rating: 'B',
      creditLimit: '200000.00',
      paymentTermsDays: 30,
      reason: '客户月均提货约 15 万元，申请月结授信。',
    }),
  },
  {
    // 大额授信: the department head has approved, the general manager decides.
    by: 'rep1',
    pick: (c) => (c.class === 'KEY' || c.class === 'A') && limitOf(c) < 1_200_000,
    input: (c) => ({
      rating: 'A',
      creditLimit: '1200000.00',
      paymentTermsDays: 90,
      reason: `客户二期产线改造项目合同额约 260 万元，分三期付款，申请授信额度${unrated(c) ? '核定为' : '提高至'} 120 万元、账期 90 天。`,
    }),
    decisions: [['manager1', 'approve', '客户合作多年，回款记录良好，同意上报总经理审批。']],
  },
];

/**
 * Credit requests through the real services, in the order they happened: one approved, one
 * rejected, four pending at the department heads and one large one waiting at the general manager.
 */
export async function createCreditRequests(tx: Tx, org: DemoOrg, customers: DemoCustomer[], rng: Rng, now: Date) {
  const taken = new Set<number>();
  let n = 0;
  for (const r of REQUESTS) {
    const by = userId(org, r.by);
    const candidates = customers.filter(
      (c) => c.ownerId === by && c.kind === 'company' && !taken.has(c.id) && r.pick(c) && c.plan !== null,
    );
    if (candidates.length === 0) continue;
    const c = rng.pick(candidates);
    taken.add(c.id);
    n += 1;
    const ctx = await demoCtx(tx, by, `demo-credit-${n}`, now);
    const { instanceId } = await requestCreditChange(ctx, c.id, CreditRequestInput.parse(r.input(c)));
    for (const [who, action, comment] of r.decisions ?? []) {
      n += 1;
      await actOnApproval(await demoCtx(tx, userId(org, who), `demo-credit-${n}`, now), instanceId, action, {
        comment,
      });
    }
  }
}
