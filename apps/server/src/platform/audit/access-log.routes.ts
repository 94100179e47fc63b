import { AccessLogFilter, AccessLogQuery } from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../http/auth-hook.ts';
import { exportAccessLogXlsx } from './access-log.export.ts';
import { listAccessLog } from './access-log.service.ts';
import { recordKindTypes } from './record-kinds.ts';

/** The PIPL access log for the admin / personal-information officer (accesslog.view). */
export function accessLogRoutes(app: ZodApp, db: Db) {
  const tags = ['access-log'];
  // Company-wide for the holder of accesslog.view (like the other admin pages): no data scope, so
  // no list surface for the scope sweep; the permission gates it (403 without).
  const config = { permission: 'accesslog.view' as const, resource: 'access_log' };
  app.get('/access-log', { config, schema: { tags, querystring: AccessLogQuery } }, async (req) => ({
    ...(await listAccessLog(ctxOf(req, db), req.query)),
    entityTypes: recordKindTypes(),
  }));
  app.get('/access-log/export', { config, schema: { tags, querystring: AccessLogFilter } }, async (req, reply) => {
    const stream = await exportAccessLogXlsx(ctxOf(req, db), req.query);
    const label = { 'zh-CN': '个人信息查看记录', 'zh-TW': '個人資料查看記錄', 'en-US': 'access-log' }[req.locale];
    const name = encodeURIComponent(`${label}-${new Date().toISOString().slice(0, 10)}.xlsx`);
    reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="access-log.xlsx"; filename*=UTF-8''${name}`);
    return reply.send(stream);
  });
}
