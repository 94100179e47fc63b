import { ReceivablesQuery, StatementQuery, WriteOffInput, WriteOffListQuery } from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { documentApprovals } from '../../platform/approvals/approvals.queries.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import { exportArrearsXlsx, exportStatementXlsx } from './finance.export.ts';
import { renderStatementPdf } from './finance.print.ts';
import { Id } from './payments.routes.ts';
import { arrearsList, receivablesByCustomer } from './receivables.ts';
import { customerStatement } from './statement.ts';
import { getWriteOff, listWriteOffs, requestWriteOff, WRITE_OFF_DOC } from './writeoffs.service.ts';

const tags = ['finance'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (ascii: string, name: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Receivables (aging, arrears, statements) and bad-debt write-offs. */
export function receivableRoutes(app: ZodApp, db: Db) {
  const list = { permission: 'receivable.view' as const, resource: 'receivable', surface: 'list' as const };
  const statement = { permission: 'receivable.view' as const, resource: 'customer', surface: 'byId' as const };
  const writeOff = (surface: 'list' | 'byId') => ({
    permission: 'receivable.view' as const,
    resource: 'bad_debt_writeoff',
    surface,
  });

  app.get('/receivables', { config: list, schema: { tags, querystring: ReceivablesQuery } }, async (req) =>
    receivablesByCustomer(ctxOf(req, db), req.query),
  );
  app.get('/receivables/arrears', { config: list, schema: { tags, querystring: ReceivablesQuery } }, async (req) =>
    arrearsList(ctxOf(req, db), req.query),
  );
  app.get(
    '/receivables/arrears/export',
    {
      config: { permission: 'receivable.export', resource: 'receivable', surface: 'export' },
      schema: { tags, querystring: ReceivablesQuery },
    },
    async (req, reply) => {
      const stream = exportArrearsXlsx(ctxOf(req, db), req.query);
      reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          attachment('arrears.xlsx', `客户欠款明细表-${new Date().toISOString().slice(0, 10)}.xlsx`),
        );
      return reply.send(stream);
    },
  );
  app.get(
    '/customers/:id/statement',
    { config: statement, schema: { tags, params: Id, querystring: StatementQuery } },
    async (req) => customerStatement(ctxOf(req, db), req.params.id, req.query),
  );
  app.get(
    '/customers/:id/statement.pdf',
    { config: statement, schema: { tags, params: Id, querystring: StatementQuery } },
    async (req, reply) => {
      const { no, pdf } = await renderStatementPdf(ctxOf(req, db), req.params.id, req.query);
      reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `inline; filename="statement.pdf"; filename*=UTF-8''${encodeURIComponent(`对账单-${no}.pdf`)}`,
        );
      return reply.send(pdf);
    },
  );
  app.get(
    '/customers/:id/statement.xlsx',
    { config: statement, schema: { tags, params: Id, querystring: StatementQuery } },
    async (req, reply) => {
      const { no, stream } = await exportStatementXlsx(ctxOf(req, db), req.params.id, req.query);
      reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment('statement.xlsx', `对账单-${no}.xlsx`));
      return reply.send(stream);
    },
  );

  app.get('/write-offs', { config: writeOff('list'), schema: { tags, querystring: WriteOffListQuery } }, async (req) =>
    listWriteOffs(ctxOf(req, db), req.query),
  );
  app.get('/write-offs/:id', { config: writeOff('byId'), schema: { tags, params: Id } }, async (req) =>
    getWriteOff(ctxOf(req, db), req.params.id),
  );
  app.get('/write-offs/:id/approvals', { config: writeOff('byId'), schema: { tags, params: Id } }, async (req) => ({
    items: await documentApprovals(ctxOf(req, db), WRITE_OFF_DOC, req.params.id),
  }));
  app.post(
    '/write-offs',
    {
      config: { permission: 'receivable.writeoff', resource: 'bad_debt_writeoff', surface: 'mutation' },
      schema: { tags, body: WriteOffInput },
    },
    async (req, reply) => reply.code(201).send(await requestWriteOff(ctxOf(req, db), req.body)),
  );
}
