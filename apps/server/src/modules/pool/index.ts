import { registerSweep } from '../../platform/scheduler/sweeps.ts';
import { runPoolReclaimSweep, runPoolWarningSweep } from './pool.reclaim.ts';

// Public pool (公海, SPEC 2.4): warn owners K days ahead, then return neglected customers to the pool.
registerSweep({ name: 'pool.reclaimWarning', cron: '0 * * * *', run: runPoolWarningSweep });
registerSweep({ name: 'pool.reclaim', cron: '30 * * * *', run: runPoolReclaimSweep });

export { runPoolReclaimSweep, runPoolWarningSweep } from './pool.reclaim.ts';
export { poolRoutes } from './pool.routes.ts';
export { assignPoolCustomerInTx } from './pool.service.ts';
export { DEFAULT_POOL_NAME, seedDefaultPool } from './pools.service.ts';
