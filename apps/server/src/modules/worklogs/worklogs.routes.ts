import {
  BigIdParams,
  MonthlyReportListQuery,
  MonthlyReportSaveInput,
  MonthQuery,
  WorkLogAssignInput,
  WorkLogCommentInput,
  WorkLogDateQuery,
  WorkLogListQuery,
  WorkLogSaveInput,
} from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import {
  getMonthlyReport,
  getMyMonthlyReport,
  listMonthlyReports,
  missingMonthlyReports,
  saveMyMonthlyReport,
} from './monthly.service.ts';
import { getMyWorkLog, getWorkLog, listWorkLogs, teamWorkLogs } from './worklogs.queries.ts';
import { assignWork, commentLog, saveMyLog } from './worklogs.service.ts';

const tags = ['work-logs'];

/** Work logs (工作日志) and monthly reports (月度工作报告), SPEC 5.1. */
export function worklogRoutes(app: ZodApp, db: Db) {
  const write = { permission: 'worklog.write' as const };
  const view = (resource: string, surface: Surface) => ({ permission: 'worklog.view' as const, resource, surface });

  app.get('/work-logs/mine', { config: write, schema: { tags, querystring: WorkLogDateQuery } }, async (req) =>
    getMyWorkLog(ctxOf(req, db), req.query.date),
  );
  app.put('/work-logs/mine', { config: write, schema: { tags, body: WorkLogSaveInput } }, async (req) => {
    const ctx = ctxOf(req, db);
    const row = await saveMyLog(ctx, req.body);
    return getMyWorkLog(ctx, row.logDate);
  });
  app.post(
    '/work-logs/assign',
    { config: { permission: 'worklog.comment' }, schema: { tags, body: WorkLogAssignInput } },
    async (req, reply) => {
      const row = await assignWork(ctxOf(req, db), req.body);
      return reply.code(201).send({ id: row.id, userId: row.userId, logDate: row.logDate });
    },
  );
  app.get(
    '/work-logs',
    { config: view('work_log', 'list'), schema: { tags, querystring: WorkLogListQuery } },
    async (req) => listWorkLogs(ctxOf(req, db), req.query),
  );
  app.get(
    '/work-logs/team',
    { config: view('work_log_team', 'list'), schema: { tags, querystring: WorkLogDateQuery } },
    async (req) => teamWorkLogs(ctxOf(req, db), req.query.date),
  );
  app.get('/work-logs/:id', { config: view('work_log', 'byId'), schema: { tags, params: BigIdParams } }, async (req) =>
    getWorkLog(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/work-logs/:id/comments',
    {
      config: { permission: 'worklog.comment', resource: 'work_log', surface: 'mutation' },
      schema: { tags, params: BigIdParams, body: WorkLogCommentInput },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      await commentLog(ctx, req.params.id, req.body.body);
      return reply.code(201).send(await getWorkLog(ctx, req.params.id));
    },
  );

  app.get('/monthly-reports/mine', { config: write, schema: { tags, querystring: MonthQuery } }, async (req) =>
    getMyMonthlyReport(ctxOf(req, db), req.query.month),
  );
  app.put('/monthly-reports/mine', { config: write, schema: { tags, body: MonthlyReportSaveInput } }, async (req) => {
    const ctx = ctxOf(req, db);
    const row = await saveMyMonthlyReport(ctx, req.body);
    return getMyMonthlyReport(ctx, row.month);
  });
  app.get(
    '/monthly-reports',
    { config: view('monthly_report', 'list'), schema: { tags, querystring: MonthlyReportListQuery } },
    async (req) => listMonthlyReports(ctxOf(req, db), req.query),
  );
  app.get(
    '/monthly-reports/missing',
    { config: view('monthly_report_missing', 'list'), schema: { tags, querystring: MonthQuery } },
    async (req) => missingMonthlyReports(ctxOf(req, db), req.query.month),
  );
  app.get(
    '/monthly-reports/:id',
    { config: view('monthly_report', 'byId'), schema: { tags, params: BigIdParams } },
    async (req) => getMonthlyReport(ctxOf(req, db), req.params.id),
  );
}
