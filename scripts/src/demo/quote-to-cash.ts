/**
 * Quote to cash in the demo (SPEC 3.2–3.6): catalog and prices, stock, quotes, contracts, orders,
 * deliveries, payments and invoices — all through the real services as the user who would do each
 * step (numbers, audit rows, approvals, tasks and notifications as in real use). Older stories run
 * with a demo context whose clock is set back, so due dates and aging are real.
 */
import type { AttachmentInput } from '@sales/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../apps/server/src/db/client.ts';
import { runContractReminderSweep } from '../../../apps/server/src/modules/contracts/contracts.sweep.ts';
import { runOverdueReminderSweep } from '../../../apps/server/src/modules/finance/index.ts';
import { runOrderSlipSweep } from '../../../apps/server/src/modules/orders/orders.sweep.ts';
import { runQuoteExpirySweep } from '../../../apps/server/src/modules/quotes/index.ts';
import { actOnApproval } from '../../../apps/server/src/platform/approvals/approvals.service.ts';
import type { Ctx } from '../../../apps/server/src/platform/context.ts';
import { renderPdf } from '../../../apps/server/src/platform/printing/index.ts';
import { demoCtx } from './ctx.ts';
import { COMPANY_NAME } from './org.ts';
import { createCatalog } from './quote-to-cash-catalog.ts';
import { createContracts } from './quote-to-cash-contracts.ts';
import { createFinance } from './quote-to-cash-finance.ts';
import { createOrders, reserveOverLimitCustomer } from './quote-to-cash-orders.ts';
import { createQuotes } from './quote-to-cash-quotes.ts';
import { addDays, DAY, type Rng, shanghaiDate } from './rng.ts';
import { type DemoCustomer, type DemoWorld, userId } from './world.ts';

export interface Q2C {
  world: DemoWorld;
  now: Date;
  today: string;
  /** today ± n days (YYYY-MM-DD). */
  day: (offset: number) => string;
  /** A context for a demo user; `daysAgo` sets the clock back (the story happened then). */
  as: (username: string, daysAgo?: number) => Promise<Ctx>;
  uid: (username: string) => number;
  /** Approves (or rejects) an approval instance as `username`. */
  decide: (
    username: string,
    instanceId: number,
    comment: string,
    daysAgo?: number,
    action?: 'approve' | 'reject',
  ) => Promise<void>;
  /** product code → id */
  products: Map<string, number>;
  warehouses: { main: number; second: number };
  /** Documents one part hands to a later one (quote → order / contract). */
  refs: Map<string, number>;
  /**
   * A company customer of `owner` not used by another story, matching `fit` — and `prefer` too
   * when one does (the demo's dates follow the clock, so which customers are free varies).
   */
  customer: (owner: string, fit?: (c: DemoCustomer) => boolean, prefer?: (c: DemoCustomer) => boolean) => DemoCustomer;
  /** A small real PDF (a scanned copy) as an upload. */
  scan: (title: string, no: string, fields: [string, string][], fileName: string) => Promise<AttachmentInput>;
  /** The current version of a row (services answer with different shapes; the row is the truth). */
  version: (
    table: 'quotes' | 'orders' | 'contracts' | 'deliveries' | 'payments' | 'invoices',
    id: number,
  ) => Promise<number>;
}

/** Customers who can take orders without a credit check blocking them: no limit, or a large one. */
export const roomy =
  (need: number) =>
  (c: DemoCustomer): boolean =>
    c.creditLimit === null || Number(c.creditLimit) >= need;

export async function createQuoteToCash(world: DemoWorld, rng: Rng): Promise<void> {
  const { tx, now } = world;
  const today = shanghaiDate(now);
  let n = 0;
  const as = (username: string, daysAgo = 0) => {
    n += 1;
    return demoCtx(tx, userId(world.org, username), `demo-q2c-${n}`, new Date(now.getTime() - daysAgo * DAY));
  };
  const taken = new Set<number>();
  const customer = (
    owner: string,
    fit: (c: DemoCustomer) => boolean = () => true,
    prefer: (c: DemoCustomer) => boolean = () => true,
  ) => {
    const id = userId(world.org, owner);
    const mine = world.customers.filter(
      (c) => c.ownerId === id && c.kind === 'company' && c.poolId === null && !c.nearReclaim && !taken.has(c.id),
    );
    const good = mine.filter(fit);
    if (good.length === 0) {
      throw new Error(
        `demo quote-to-cash: none of the ${mine.length} free customers of ${owner} fits (limits ${mine.map((c) => c.creditLimit).join(', ')})`,
      );
    }
    const preferred = good.filter(prefer);
    const c = rng.pick(preferred.length ? preferred : good);
    taken.add(c.id);
    return c;
  };
  const q: Q2C = {
    world,
    now,
    today,
    day: (offset) => addDays(today, offset),
    as,
    uid: (u) => userId(world.org, u),
    decide: async (username, instanceId, comment, daysAgo = 0, action = 'approve') => {
      await actOnApproval(await as(username, daysAgo), instanceId, action, { comment });
    },
    products: new Map(),
    warehouses: { main: 0, second: 0 },
    refs: new Map(),
    customer,
    scan: async (title, no, fields, fileName) => {
      const pdf = await renderPdf({
        title,
        companyName: COMPANY_NAME,
        documentNo: no,
        headerFields: fields.map(([label, value]) => ({ label, value })),
        notes: ['本件为签字盖章原件的扫描件。'],
        footerFields: [
          { label: '经办人', value: '' },
          { label: '日期', value: '' },
        ],
        size: 'A5',
      });
      return { fileName, mimeType: 'application/pdf', contentBase64: pdf.toString('base64') };
    },
    version: async (table, id) => {
      const res = await tx.execute<{ version: number }>(
        sql`select version from ${sql.identifier(table)} where id = ${id}`,
      );
      return Number(res.rows[0].version);
    },
  };

  await reserveOverLimitCustomer(q);
  await createCatalog(q);
  await createQuotes(q);
  await createContracts(q);
  await createOrders(q);
  await createFinance(q);

  // The reminders the scheduler would have produced by now (each sweep is idempotent).
  const db = tx as unknown as Db;
  await runQuoteExpirySweep(db, now);
  await runOrderSlipSweep(db, now);
  await runContractReminderSweep(db, now);
  await runOverdueReminderSweep(db, now);
}
