import type { ScopeFixtureFile } from './types.ts';

/**
 * Products, categories, price lists and price adjustments are company master data, not owned
 * records: no data scope, so no out-of-scope fixture. Their :id routes are permission-gated
 * (product.manage / price.manage / price.adjust, which rep2 lacks); reads need product.view.
 */
export const productFixtures: ScopeFixtureFile = {
  async setup() {},
  bodies: {},
};
