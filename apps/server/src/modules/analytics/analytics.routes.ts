import { AnalyticsRecordsQuery, DashboardQuery, MeasureRouteQuery } from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import { dashboard, measureWithLabels } from './analytics.dashboard.ts';
import { listAnalyticsRecords } from './analytics.records.ts';

const tags = ['analytics'];

/** Indicators and dashboards (SPEC 5.1): every figure within the viewer's analytics scope. */
export function analyticsRoutes(app: ZodApp, db: Db) {
  const view = (resource: string) => ({ permission: 'analytics.view' as const, resource, surface: 'report' as const });
  app.get(
    '/analytics/dashboard',
    { config: view('analytics'), schema: { tags, querystring: DashboardQuery } },
    async (req) => dashboard(ctxOf(req, db), req.query),
  );
  app.get(
    '/analytics/measure',
    { config: view('analytics'), schema: { tags, querystring: MeasureRouteQuery } },
    async (req) => measureWithLabels(ctxOf(req, db), req.query),
  );
  // The drill-down: the records behind a figure, under the figure's own filter.
  app.get(
    '/analytics/records',
    { config: view('analytics_record'), schema: { tags, querystring: AnalyticsRecordsQuery } },
    async (req) => listAnalyticsRecords(ctxOf(req, db), req.query),
  );
}
