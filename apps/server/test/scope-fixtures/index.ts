import { customerFixtures } from './customers.ts';
import { frontDeskFixtures } from './front-desk.ts';
import { opportunityFixtures } from './opportunities.ts';
import { platformFixtures } from './platform.ts';
import { poolFixtures } from './pool.ts';
import type { ScopeFixtureFile } from './types.ts';

/**
 * Every fixture file, in setup order: a setup may use the fixtures of the files above it.
 * A new module adds one line at the end (see README.md).
 */
export const SCOPE_FIXTURE_FILES: Readonly<Record<string, ScopeFixtureFile>> = {
  customers: customerFixtures,
  platform: platformFixtures,
  opportunities: opportunityFixtures,
  pool: poolFixtures,
  frontDesk: frontDeskFixtures,
};
