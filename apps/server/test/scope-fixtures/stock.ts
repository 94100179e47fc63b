import type { ScopeFixtureFile } from './types.ts';

/** Out-of-scope fixtures and sample bodies of the stock module's routes. */
export const stockFixtures: ScopeFixtureFile = {
  async setup() {},
  bodies: {},
};
