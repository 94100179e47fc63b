import type { ScopeFixtureFile } from './types.ts';

/** Out-of-scope fixtures and sample bodies of the quotes module's routes. */
export const quoteFixtures: ScopeFixtureFile = {
  async setup() {},
  bodies: {},
};
