import type { ScopeFixtureFile } from './types.ts';

/** Out-of-scope fixtures and sample bodies of the contracts module's routes. */
export const contractFixtures: ScopeFixtureFile = {
  async setup() {},
  bodies: {},
};
