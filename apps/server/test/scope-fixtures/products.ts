import type { ScopeFixtureFile } from './types.ts';

/** Out-of-scope fixtures and sample bodies of the products module's routes. */
export const productFixtures: ScopeFixtureFile = {
  async setup() {},
  bodies: {},
};
