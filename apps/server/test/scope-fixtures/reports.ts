import type { ScopeFixtureFile } from './types.ts';

/**
 * The reports read the analytics fixture (a sale of rep1's customer booked today for rep1 in
 * 销售一部, set up by analytics.ts above): rep1's daily and weekly reports carry his row (张三), the
 * half-year analysis the product sold, the deal register the customer; manager2 (销售二部) sees none.
 * The reports have no :id route, so no fixture id is needed — only the markers.
 */
export const reportFixtures: ScopeFixtureFile = {
  async setup() {},
  bodies: {},
  markers: { report: '张三', report_half: '产品P-SCAN-AN', report_deal: '扫描指标客户' },
};
