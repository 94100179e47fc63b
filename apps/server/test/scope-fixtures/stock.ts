import type { ScopeFixtureFile } from './types.ts';

/**
 * The stock module's routes are unscoped master data and ledger (stock.view / stock.manage, not
 * data-scoped): no out-of-scope fixture exists; PUT /api/warehouses/:id is swept as a
 * permission-gated route (rep2 has stock.view but not stock.manage → 403).
 */
export const stockFixtures: ScopeFixtureFile = {
  async setup() {},
  bodies: {},
};
