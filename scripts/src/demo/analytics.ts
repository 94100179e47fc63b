import { rebuildFacts } from '../../../apps/server/src/modules/analytics/index.ts';
import type { DemoWorld } from './world.ts';

/**
 * The indicator facts of the demo documents (SPEC 5.1). The loader writes documents directly, not
 * through the use cases, so the facts are derived once at the end by the same set-based writers
 * the booking hooks and the backfill use.
 */
export async function createAnalyticsFacts(world: DemoWorld) {
  await rebuildFacts(world.tx);
}
