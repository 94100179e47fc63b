import {
  BigIdParams,
  ComplaintDecideInput,
  ComplaintFilter,
  ComplaintFindingInput,
  ComplaintInput,
  ComplaintInvestigateInput,
  ComplaintListQuery,
  ComplaintReasonInput,
  ComplaintStatsQuery,
  ComplaintVerifyInput,
  VersionNo,
} from '@sales/core';
import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { documentApprovals } from '../../platform/approvals/approvals.queries.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import {
  COMPENSATION_DOC,
  decideComplaint,
  investigateComplaint,
  recordFinding,
  verifyComplaint,
} from './complaints.handling.ts';
import { complaintStats, countComplaints, getComplaint, listComplaints } from './complaints.queries.ts';
import { cancelComplaint, createComplaint, markQualityIncident } from './complaints.service.ts';

const Id = BigIdParams;
const tags = ['complaints'];

/** Objections and complaints (SPEC 4.2); each route is schema + permission + one use case. */
export function complaintRoutes(app: ZodApp, db: Db) {
  const view = (surface: Surface) => ({ permission: 'complaint.view' as const, resource: 'complaint', surface });
  // Changes are gated on complaint.view so an invisible complaint is 404 before any 403; the use
  // case then requires complaint.handle (or being an investigator, for findings).
  const change = view('mutation');
  app.get('/complaints', { config: view('list'), schema: { tags, querystring: ComplaintListQuery } }, async (req) =>
    listComplaints(ctxOf(req, db), req.query),
  );
  app.get('/complaints/count', { config: view('count'), schema: { tags, querystring: ComplaintFilter } }, async (req) =>
    countComplaints(ctxOf(req, db), req.query),
  );
  app.get(
    '/complaints/stats',
    { config: { permission: 'complaint.view' as const }, schema: { tags, querystring: ComplaintStatsQuery } },
    async (req) => complaintStats(ctxOf(req, db), req.query),
  );
  app.get('/complaints/:id', { config: view('byId'), schema: { tags, params: Id } }, async (req) =>
    getComplaint(ctxOf(req, db), req.params.id),
  );
  // Its compensation approval for everyone who sees the complaint (the instance itself opens only
  // to its applicant and approvers).
  app.get('/complaints/:id/approvals', { config: view('byId'), schema: { tags, params: Id } }, async (req) => ({
    items: await documentApprovals(ctxOf(req, db), COMPENSATION_DOC, req.params.id),
  }));
  app.post(
    '/complaints',
    {
      bodyLimit: 64 * 1024 * 1024,
      config: { permission: 'complaint.create' as const, resource: 'complaint', surface: 'mutation' as const },
      schema: { tags, body: ComplaintInput },
    },
    async (req, reply) => reply.code(201).send(await createComplaint(ctxOf(req, db), req.body)),
  );
  app.post(
    '/complaints/:id/investigate',
    { config: change, schema: { tags, params: Id, body: ComplaintInvestigateInput } },
    async (req) => investigateComplaint(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/complaints/:id/findings',
    { config: change, schema: { tags, params: Id, body: ComplaintFindingInput } },
    async (req) => recordFinding(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/complaints/:id/decide',
    { config: change, schema: { tags, params: Id, body: ComplaintDecideInput } },
    async (req) => decideComplaint(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/complaints/:id/verify',
    { config: change, schema: { tags, params: Id, body: ComplaintVerifyInput } },
    async (req) => verifyComplaint(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/complaints/:id/cancel',
    { config: change, schema: { tags, params: Id, body: ComplaintReasonInput } },
    async (req) => cancelComplaint(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/complaints/:id/incident',
    { config: change, schema: { tags, params: Id, body: z.object({ version: VersionNo }) } },
    async (req) => markQualityIncident(ctxOf(req, db), req.params.id, req.body.version),
  );
}
