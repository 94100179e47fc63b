/**
 * Market research of the demo company (SPEC 2.2 / 2.8): half-yearly research reports with one
 * period missing (the missing list and the reminder have a story), competitors with their prices,
 * moves and the lost opportunities linked to them, forecasts of the three quantities, a promotion
 * with an approved and evaluated stage and one in approval, and demand for products not made here.
 */
import { sql } from 'drizzle-orm';
import '../../../apps/server/src/modules/research/index.ts';
import {
  addCompetitorMove,
  createCompetitor,
  linkLostOpportunity,
} from '../../../apps/server/src/modules/research/research.competitors.ts';
import {
  recordDemandOutcome,
  registerDemand,
  reportDemand,
} from '../../../apps/server/src/modules/research/research.demands.ts';
import { createForecast } from '../../../apps/server/src/modules/research/research.forecasts.ts';
import { periodOf, previousPeriod } from '../../../apps/server/src/modules/research/research.periods.ts';
import {
  addStage,
  createPromotion,
  evaluateStage,
  submitStage,
} from '../../../apps/server/src/modules/research/research.promotions.ts';
import { createReport, submitReport } from '../../../apps/server/src/modules/research/research.reports.ts';
import { actOnApproval } from '../../../apps/server/src/platform/approvals/approvals.service.ts';
import { demoCtx } from './ctx.ts';
import { addDays } from './rng.ts';
import { type DemoWorld, userId } from './world.ts';

const shanghai = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);

const COMPETITORS = [
  {
    name: '恒通机电设备有限公司',
    products: '通用机床、数控车床及配件',
    serviceLevel: 'good' as const,
    offers: [
      { product: '数控车床 CK6140', price: '86500.00' },
      { product: '立式加工中心 VMC850', price: '238000.00' },
    ],
    moves: [
      [-75, '在华东地区推出“以旧换新”活动，旧机折价最高 15%'],
      [-20, '数控车床 CK6140 报价下调 5%，并承诺 48 小时上门服务'],
    ],
  },
  {
    name: '宏达精工（苏州）有限公司',
    products: '精密加工中心、自动化产线集成',
    serviceLevel: 'excellent' as const,
    offers: [{ product: '五轴加工中心 MU-500', price: '1250000.00' }],
    moves: [[-40, '与两所职业院校签订实训合作，提供免费操作培训']],
  },
  {
    name: '东亚工业贸易公司',
    products: '进口二手设备、备品备件',
    serviceLevel: 'average' as const,
    offers: [{ product: '二手卧式车床', price: '32000.00' }],
    moves: [[-10, '开通线上商城，备件当日发货']],
  },
];

export async function createResearch(world: DemoWorld): Promise<void> {
  const { tx, now, org } = world;
  const today = shanghai(now);
  const at = (daysAgo: number) =>
    new Date(Math.min(now.getTime() - 60_000, Date.parse(`${addDays(today, -daysAgo)}T10:00:00+08:00`)));
  const director = userId(org, 'director');
  const researcher = userId(org, 'researcher');
  const gm = userId(org, 'gm');
  const current = periodOf(today);
  const prev = previousPeriod(current);
  const older = previousPeriod(prev);

  // Reports: the researcher handed in the older period's, MISSED the previous one, drafts the current one.
  const r = await demoCtx(tx, researcher, 'demo-research-1', at(200));
  const { id: olderId } = await createReport(r, {
    period: older,
    title: `${older.slice(0, 4)} 年${older.endsWith('H1') ? '上' : '下'}半年华东市场调研报告`,
    findings: '华东地区中小机加工企业设备更新需求旺盛；客户最关注交货期和售后响应；竞争对手普遍以价格换市场。',
  });
  await submitReport(r, olderId, 1);
  const r2 = await demoCtx(tx, researcher, 'demo-research-2', at(5));
  await createReport(r2, {
    period: current,
    title: `${current.slice(0, 4)} 年${current.endsWith('H1') ? '上' : '下'}半年市场调研报告（草稿）`,
    findings: '初步结论：新能源汽车零部件加工带动五轴设备需求，待补充问卷数据。',
  });
  // The director's report of the previous period is in.
  const d = await demoCtx(tx, director, 'demo-research-3', at(30));
  const { id: dirId } = await createReport(d, {
    period: prev,
    title: '销售总监半年市场分析',
    findings: '竞争加剧，恒通机电降价明显；建议加强服务差异化，重点跟进华南新市场。',
  });
  await submitReport(d, dirId, 1);

  // Competitors, their moves, and lost opportunities linked to them.
  const lost = await tx.execute<{ id: number }>(
    sql`select id from opportunities where status = 'lost' and deleted_at is null order by id limit 4`,
  );
  const compIds: number[] = [];
  for (const [i, c] of COMPETITORS.entries()) {
    const ctx = await demoCtx(tx, director, `demo-competitor-${i}`, at(90 - i));
    const { id } = await createCompetitor(ctx, {
      name: c.name,
      products: c.products,
      serviceLevel: c.serviceLevel,
      offers: c.offers,
      note: null,
    });
    compIds.push(id);
    for (const [j, [days, text]] of c.moves.entries()) {
      const mctx = await demoCtx(tx, director, `demo-competitor-${i}-move-${j}`, at(-Number(days)));
      await addCompetitorMove(mctx, id, { movedOn: addDays(today, Number(days)), description: String(text) });
    }
  }
  for (const [i, o] of lost.rows.entries()) {
    await linkLostOpportunity(
      await demoCtx(tx, director, `demo-competitor-link-${i}`, at(8)),
      compIds[i % 2],
      Number(o.id),
    );
  }

  // Forecasts of the three quantities, per product line and region, for the previous and current period.
  const cats = await tx.execute<{ id: number }>(sql`select id from product_categories order by id limit 2`);
  const regions = await tx.execute<{ region: string }>(
    sql`select region from customers where region is not null group by region order by count(*) desc limit 2`,
  );
  let n = 0;
  for (const period of [prev, current])
    for (const c of cats.rows)
      for (const g of regions.rows) {
        n += 1;
        const base = 400 + n * 55;
        await createForecast(await demoCtx(tx, researcher, `demo-forecast-${n}`, at(period === current ? 20 : 190)), {
          period,
          categoryId: Number(c.id),
          region: g.region,
          marketDemand: String(base * 10),
          demandPotential: String(base * 13),
          salesPotential: String(base),
          note: null,
        });
      }

  // A promotion in two stages: the first approved by the general manager and evaluated, the second in approval.
  const p = await demoCtx(tx, director, 'demo-promotion-1', at(45));
  const { id: promotionId } = await createPromotion(p, {
    name: '金秋设备更新促销季',
    description: '以旧换新、分期付款和免费培训，提高华东市场份额',
    startDate: addDays(today, -40),
    endDate: addDays(today, 30),
  });
  const s1 = await addStage(p, promotionId, {
    name: '预热宣传',
    startDate: addDays(today, -40),
    endDate: addDays(today, -11),
    budget: '30000.00',
    plan: '行业网站投放、老客户短信邀约、展厅布置',
  });
  const s2 = await addStage(p, promotionId, {
    name: '集中成交',
    startDate: addDays(today, -10),
    endDate: addDays(today, 30),
    budget: '80000.00',
    plan: '两场现场订货会，现场签约赠送一年保养',
  });
  const { instanceId } = await submitStage(p, s1.id, 1);
  await actOnApproval(await demoCtx(tx, gm, 'demo-promotion-2', at(43)), instanceId, 'approve', {
    comment: '同意，控制费用',
  });
  await evaluateStage(await demoCtx(tx, director, 'demo-promotion-3', at(9)), s1.id, {
    cost: '27650.00',
    leads: 46,
    deals: 7,
    revenue: '412800.00',
    version: 3,
  });
  await submitStage(await demoCtx(tx, director, 'demo-promotion-4', at(2)), s2.id, 1);

  // Demand for products the company does not make (seed 002), registered by reps.
  const demands = [
    ['rep1', '华东精密机械采购部', '进口液压夹具（德国品牌）', '12', '套'],
    ['rep2', '杭州明达贸易', '防锈切削液 200L 桶装', '40', '桶'],
    ['rep3', '南京科创园区企业', '工业除尘设备', '3', '台'],
  ] as const;
  const ids: number[] = [];
  for (const [i, [rep, requester, product, qty, unit]] of demands.entries()) {
    const ctx = await demoCtx(tx, userId(org, rep), `demo-demand-${i}`, at(15 - i * 3));
    ids.push(
      (
        await registerDemand(ctx, {
          requester,
          productDescription: product,
          quantity: qty,
          unit,
          customerId: null,
          note: null,
        })
      ).id,
    );
  }
  const m = (k: number) => demoCtx(tx, director, `demo-demand-manage-${k}`, at(5 - k));
  await reportDemand(await m(0), ids[0], {
    tradingCompany: '本集团贸易分公司',
    reportedOn: addDays(today, -5),
    version: 1,
  });
  await recordDemandOutcome(await m(1), ids[0], {
    outcome: 'sourced',
    outcomeNote: '贸易分公司报价已转客户，两周到货',
    version: 2,
  });
  await reportDemand(await m(2), ids[1], {
    tradingCompany: '本集团贸易分公司',
    reportedOn: addDays(today, -2),
    version: 1,
  });
}
