import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';

export function financeRoutes(app: ZodApp, db: Db) {
  void app;
  void db;
}
