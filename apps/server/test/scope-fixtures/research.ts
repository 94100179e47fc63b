import type { ScopeFixtureFile } from './types.ts';
import { NAME } from './types.ts';

/**
 * Market research (SPEC 2.2 / 2.8): a research report, a forecast and a promotion with one stage
 * owned by manager1 (销售一部, who sees them: research.view / promotion.view over the department
 * tree), and a demand entry registered by rep1. None of them exists for manager2 (销售二部).
 */
export const researchFixtures: ScopeFixtureFile = {
  async setup({ env, org, fixture }) {
    const q = (text: string, values: unknown[]) => env.database.pool.query(text, values);
    const owner = [org.user.manager1, org.dept.sales1];
    fixture.research_report = Number(
      (
        await q(
          `insert into research_reports (period, title, findings, owner_id, owner_dept_id)
           values ('2040-H1', $1, '扫描', $2, $3) returning id`,
          [NAME, ...owner],
        )
      ).rows[0].id,
    );
    const cat = await q(
      `insert into product_categories (code, name) values ('SCAN-RES', '扫描产品线') returning id`,
      [],
    );
    fixture.market_forecast = Number(
      (
        await q(
          `insert into market_forecasts (period, category_id, region, market_demand, demand_potential, sales_potential,
             owner_id, owner_dept_id) values ('2040-H1', $1, $2, 10, 20, 5, $3, $4) returning id`,
          [cat.rows[0].id, NAME, ...owner],
        )
      ).rows[0].id,
    );
    fixture.promotion = Number(
      (
        await q(
          `insert into promotions (name, start_date, end_date, owner_id, owner_dept_id)
           values ($1, '2040-03-01', '2040-03-31', $2, $3) returning id`,
          [NAME, ...owner],
        )
      ).rows[0].id,
    );
    fixture.promotion_stage = Number(
      (
        await q(
          `insert into promotion_stages (promotion_id, seq, name, start_date, end_date, budget)
           values ($1, 1, '扫描阶段', '2040-03-01', '2040-03-31', 100) returning id`,
          [fixture.promotion],
        )
      ).rows[0].id,
    );
    fixture.product_demand = Number(
      (
        await q(
          `insert into product_demands (requester, product_description, quantity, unit, owner_id, owner_dept_id)
           values ('扫描需求方', $1, 1, '件', $2, $3) returning id`,
          [NAME, org.user.rep1, org.dept.sales1],
        )
      ).rows[0].id,
    );
  },
  bodies: {
    'POST /api/product-demands/:id/report': (version) => ({
      tradingCompany: '越权',
      reportedOn: '2040-01-01',
      version,
    }),
    'POST /api/product-demands/:id/outcome': (version) => ({ outcome: 'sourced', version }),
  },
  insiders: {
    research_report: 'approver',
    market_forecast: 'approver',
    promotion: 'approver',
    promotion_stage: 'approver',
  },
};
