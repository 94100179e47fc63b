import type { ScopeFixtureFile } from './types.ts';

/** Out-of-scope fixtures and sample bodies of the orders module's routes. */
export const orderFixtures: ScopeFixtureFile = {
  async setup() {},
  bodies: {},
};
