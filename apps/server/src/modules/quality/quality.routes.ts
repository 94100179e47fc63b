import {
  AuditCloseInput,
  AuditInput,
  AuditListQuery,
  AuditReportInput,
  AuditUpdateInput,
  BigIdParams,
  CapaDueInput,
  CapaImplementInput,
  CapaInput,
  CapaListQuery,
  CapaVerifyInput,
  DistributionInput,
  DocumentCreateInput,
  DocumentListQuery,
  DocumentUpdateInput,
  DocumentVersionInput,
  FindingInput,
  WithdrawInput,
} from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import { getAudit, listAudits } from './audits.queries.ts';
import { addFinding, closeAudit, createAudit, reportAudit, updateAudit } from './audits.service.ts';
import { getCapa, listCapas } from './capa.queries.ts';
import { changeCapaDue, implementCapa, raiseCapa, verifyCapa } from './capa.service.ts';
import { distributeDocument, withdrawCopy } from './distributions.service.ts';
import { getDocument, listDocuments } from './documents.queries.ts';
import { createDocument, issueVersion, updateDocument } from './documents.service.ts';

const tags = ['quality'];

/** Quality records (SPEC 5.7): internal audits and findings, CAPA to closure, controlled documents. */
export function qualityRoutes(app: ZodApp, db: Db) {
  // Audits and CAPA are looked up in their scope first (404 outside it); changes then need
  // quality.manage, or — implementing a CAPA — being its owner.
  const audit = (surface: Surface) => ({ permission: 'quality.view' as const, resource: 'internal_audit', surface });
  const capa = (surface: Surface) => ({ permission: 'capa.view' as const, resource: 'capa', surface });
  // Controlled documents are company-wide (no data scope): the permission is the gate.
  const docView = { permission: 'document.view' as const };
  const docManage = { permission: 'document.manage' as const };

  app.get('/internal-audits', { config: audit('list'), schema: { tags, querystring: AuditListQuery } }, async (req) =>
    listAudits(ctxOf(req, db), req.query),
  );
  app.get('/internal-audits/:id', { config: audit('byId'), schema: { tags, params: BigIdParams } }, async (req) =>
    getAudit(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/internal-audits',
    { config: { permission: 'quality.manage' as const }, schema: { tags, body: AuditInput } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { id } = await createAudit(ctx, req.body);
      return reply.code(201).send(await getAudit(ctx, id));
    },
  );
  app.put(
    '/internal-audits/:id',
    { config: audit('mutation'), schema: { tags, params: BigIdParams, body: AuditUpdateInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await updateAudit(ctx, req.params.id, req.body);
      return getAudit(ctx, req.params.id);
    },
  );
  app.post(
    '/internal-audits/:id/findings',
    { config: audit('mutation'), schema: { tags, params: BigIdParams, body: FindingInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await addFinding(ctx, req.params.id, req.body);
      return getAudit(ctx, req.params.id);
    },
  );
  app.post(
    '/internal-audits/:id/capas',
    { config: audit('mutation'), schema: { tags, params: BigIdParams, body: CapaInput } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { id } = await raiseCapa(ctx, req.params.id, req.body);
      // The audit with the new action in it (its id too, for a caller that opens it next).
      return reply.code(201).send({ ...(await getAudit(ctx, req.params.id)), capaId: id });
    },
  );
  app.post(
    '/internal-audits/:id/report',
    { config: audit('mutation'), schema: { tags, params: BigIdParams, body: AuditReportInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await reportAudit(ctx, req.params.id, req.body);
      return getAudit(ctx, req.params.id);
    },
  );
  app.post(
    '/internal-audits/:id/close',
    { config: audit('mutation'), schema: { tags, params: BigIdParams, body: AuditCloseInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await closeAudit(ctx, req.params.id, req.body.version);
      return getAudit(ctx, req.params.id);
    },
  );

  app.get('/capas', { config: capa('list'), schema: { tags, querystring: CapaListQuery } }, async (req) =>
    listCapas(ctxOf(req, db), req.query),
  );
  app.get('/capas/:id', { config: capa('byId'), schema: { tags, params: BigIdParams } }, async (req) =>
    getCapa(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/capas/:id/implement',
    { config: capa('mutation'), schema: { tags, params: BigIdParams, body: CapaImplementInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await implementCapa(ctx, req.params.id, req.body);
      return getCapa(ctx, req.params.id);
    },
  );
  // Verification: effective closes the action, not effective sends it back to its owner.
  for (const [path, effective] of [
    ['verify', true],
    ['reject', false],
  ] as const)
    app.post(
      `/capas/:id/${path}`,
      { config: capa('mutation'), schema: { tags, params: BigIdParams, body: CapaVerifyInput } },
      async (req) => {
        const ctx = ctxOf(req, db);
        await verifyCapa(ctx, req.params.id, req.body, effective);
        return getCapa(ctx, req.params.id);
      },
    );
  app.post(
    '/capas/:id/due',
    { config: capa('mutation'), schema: { tags, params: BigIdParams, body: CapaDueInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await changeCapaDue(ctx, req.params.id, req.body);
      return getCapa(ctx, req.params.id);
    },
  );

  app.get('/controlled-documents', { config: docView, schema: { tags, querystring: DocumentListQuery } }, async (req) =>
    listDocuments(ctxOf(req, db), req.query),
  );
  app.get('/controlled-documents/:id', { config: docView, schema: { tags, params: BigIdParams } }, async (req) =>
    getDocument(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/controlled-documents',
    { config: docManage, schema: { tags, body: DocumentCreateInput } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { id } = await createDocument(ctx, req.body);
      return reply.code(201).send(await getDocument(ctx, id));
    },
  );
  app.put(
    '/controlled-documents/:id',
    { config: docManage, schema: { tags, params: BigIdParams, body: DocumentUpdateInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await updateDocument(ctx, req.params.id, req.body);
      return getDocument(ctx, req.params.id);
    },
  );
  app.post(
    '/controlled-documents/:id/versions',
    { config: docManage, schema: { tags, params: BigIdParams, body: DocumentVersionInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await issueVersion(ctx, req.params.id, req.body);
      return getDocument(ctx, req.params.id);
    },
  );
  app.post(
    '/controlled-documents/:id/distributions',
    { config: docManage, schema: { tags, params: BigIdParams, body: DistributionInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await distributeDocument(ctx, req.params.id, req.body);
      return getDocument(ctx, req.params.id);
    },
  );
  app.post(
    '/document-distributions/:id/withdraw',
    { config: docManage, schema: { tags, params: BigIdParams, body: WithdrawInput } },
    async (req) => {
      await withdrawCopy(ctxOf(req, db), req.params.id, req.body.reason);
      return { ok: true };
    },
  );
}
