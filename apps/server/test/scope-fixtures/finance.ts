import type { ScopeFixtureFile } from './types.ts';

/** Out-of-scope fixtures and sample bodies of the finance module's routes. */
export const financeFixtures: ScopeFixtureFile = {
  async setup() {},
  bodies: {},
};
