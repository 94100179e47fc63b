import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { invoiceRoutes } from './invoices.routes.ts';
import { paymentRoutes } from './payments.routes.ts';
import { receivableRoutes } from './receivables.routes.ts';

/** Finance (SPEC 3.6): payments and receipts, invoices, receivables and write-offs. */
export function financeRoutes(app: ZodApp, db: Db) {
  paymentRoutes(app, db);
  invoiceRoutes(app, db);
  receivableRoutes(app, db);
}
