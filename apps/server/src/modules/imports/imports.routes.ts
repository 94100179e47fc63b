import type { PassThrough } from 'node:stream';
import { BigIdParams, IMPORT_TEMPLATES, ImportMapping, ImportPageQuery, ImportUpload } from '@sales/core';
import type { FastifyReply } from 'fastify';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import { PERMISSIONS } from '../../platform/permissions/registry.ts';
import { importReport, importResult, importTemplate } from './imports.files.ts';
import { IMPORT_KINDS, type ImportKind } from './imports.kinds.ts';
import { getImport, listImportProblems, listImports } from './imports.queries.ts';
import { MAX_IMPORT_MB, startCommit, startDryRun, uploadImport } from './imports.service.ts';

const tags = ['imports'];
const Id = BigIdParams;
const resource = 'import_job';

function sendXlsx(reply: FastifyReply, stream: PassThrough, name: string) {
  reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${name}.xlsx"`);
  return reply.send(stream);
}

/**
 * xlsx import (SPEC 1.9): upload → mapping + dry run → commit, each step answered at once (202)
 * and run off the request; the web polls the job for its state and counters. Each kind has its
 * own routes under its path (customers: /imports; products: /imports/products…), gated by the
 * kind's permission; a job is reached only through its kind's routes.
 */
export function importRoutes(app: ZodApp, db: Db) {
  for (const t of IMPORT_TEMPLATES) kindRoutes(app, db, IMPORT_KINDS[t]);
}

function kindRoutes(app: ZodApp, db: Db, kind: ImportKind) {
  const base = kind.path;
  const permission = kind.permission;
  // A kind behind a scoped permission (customers) declares its jobs as a resource for the scope
  // sweep; the others (products, prices, stock: company-wide master data) are gated by their
  // permission alone, like those modules' own admin routes. Jobs stay their uploader's either way.
  const scoped = PERMISSIONS.some((p) => p.permission === permission && p.scoped);
  const meta = (surface: 'list' | 'byId' | 'mutation') => (scoped ? { resource, surface } : {});
  app.get(`${base}/template`, { config: { permission }, schema: { tags } }, async (req, reply) =>
    sendXlsx(reply, importTemplate(ctxOf(req, db), kind), `${kind.template}-template`),
  );
  app.get(
    base,
    { config: { permission, ...meta('list') }, schema: { tags, querystring: ImportPageQuery } },
    async (req) => listImports(ctxOf(req, db), kind, req.query),
  );
  app.post(
    base,
    {
      // Base64 of a file up to MAX_IMPORT_MB, plus the JSON around it.
      bodyLimit: Math.ceil(MAX_IMPORT_MB * 1024 * 1024 * 1.37) + 4096,
      config: { permission, ...meta('mutation') },
      schema: { tags, body: ImportUpload },
    },
    async (req, reply) => reply.code(202).send(await uploadImport(ctxOf(req, db), kind, req.body)),
  );
  app.get(`${base}/:id`, { config: { permission, ...meta('byId') }, schema: { tags, params: Id } }, async (req) =>
    getImport(ctxOf(req, db), kind, req.params.id),
  );
  app.get(
    `${base}/:id/problems`,
    { config: { permission, ...meta('byId') }, schema: { tags, params: Id, querystring: ImportPageQuery } },
    async (req) => listImportProblems(ctxOf(req, db), kind, req.params.id, req.query),
  );
  app.get(
    `${base}/:id/report`,
    { config: { permission, ...meta('byId') }, schema: { tags, params: Id } },
    async (req, reply) => sendXlsx(reply, await importReport(ctxOf(req, db), kind, req.params.id), 'import-problems'),
  );
  app.get(
    `${base}/:id/result`,
    { config: { permission, ...meta('byId') }, schema: { tags, params: Id } },
    async (req, reply) => sendXlsx(reply, await importResult(ctxOf(req, db), kind, req.params.id), 'import-result'),
  );
  app.post(
    `${base}/:id/dry-run`,
    { config: { permission, ...meta('mutation') }, schema: { tags, params: Id, body: ImportMapping } },
    async (req, reply) =>
      reply.code(202).send(await startDryRun(ctxOf(req, db), kind, req.params.id, req.body.mapping)),
  );
  app.post(
    `${base}/:id/commit`,
    { config: { permission, ...meta('mutation') }, schema: { tags, params: Id } },
    async (req, reply) => reply.code(202).send(await startCommit(ctxOf(req, db), kind, req.params.id)),
  );
}
