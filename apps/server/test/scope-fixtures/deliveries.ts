import type { ScopeFixtureFile } from './types.ts';

/** Out-of-scope fixtures and sample bodies of the deliveries module's routes. */
export const deliveryFixtures: ScopeFixtureFile = {
  async setup() {},
  bodies: {},
};
