import {
  AgreementInput,
  BigIdParams,
  CertificateInput,
  CertificateUpdateInput,
  IntIdParams,
  QuarterQuery,
  QueryVersionNo,
  StaffListQuery,
  StartOnboardingInput,
  TrainingFeedbackInput,
  TrainingPlanInput,
  TrainingPlanListQuery,
  TrainingPlanUpdateInput,
  TrainingResultsInput,
  TrainingResultsQuery,
  TrainingSessionInput,
  TrainingSessionUpdateInput,
} from '@sales/core';
import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import { getPlan, getSession, listPlans } from './plans.queries.ts';
import { createPlan, createSession, updatePlan, updateSession } from './plans.service.ts';
import { giveFeedback, recordResults } from './results.service.ts';
import { getStaff, listStaff, myOnboarding } from './staff.queries.ts';
import {
  addCertificate,
  deleteCertificate,
  recordAgreement,
  startOnboarding,
  updateCertificate,
} from './staff.service.ts';
import { complianceList, quarterReport, resultsReport } from './training.reports.ts';

const tags = ['training'];
const Version = z.object({ version: QueryVersionNo });

/** Training (培训, SPEC 5.4): plans, sessions, attendance and scores, feedback, staff records, the gate. */
export function trainingRoutes(app: ZodApp, db: Db) {
  // Changes are checked against training.manage in the services, after the scope lookup: out of scope is 404.
  const on = (resource: string, surface: Surface) => ({ permission: 'training.view' as const, resource, surface });

  app.get('/training/me', { schema: { tags } }, async (req) => myOnboarding(ctxOf(req, db)));

  app.get(
    '/training/plans',
    { config: on('training_plan', 'list'), schema: { tags, querystring: TrainingPlanListQuery } },
    async (req) => listPlans(ctxOf(req, db), req.query),
  );
  app.post(
    '/training/plans',
    { config: { permission: 'training.manage' }, schema: { tags, body: TrainingPlanInput } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { id } = await createPlan(ctx, req.body);
      return reply.code(201).send(await getPlan(ctx, id));
    },
  );
  app.get(
    '/training/plans/:id',
    { config: on('training_plan', 'byId'), schema: { tags, params: BigIdParams } },
    async (req) => getPlan(ctxOf(req, db), req.params.id),
  );
  app.put(
    '/training/plans/:id',
    { config: on('training_plan', 'mutation'), schema: { tags, params: BigIdParams, body: TrainingPlanUpdateInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await updatePlan(ctx, req.params.id, req.body);
      return getPlan(ctx, req.params.id);
    },
  );
  app.post(
    '/training/plans/:id/sessions',
    { config: on('training_plan', 'mutation'), schema: { tags, params: BigIdParams, body: TrainingSessionInput } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { id } = await createSession(ctx, req.params.id, req.body);
      return reply.code(201).send(await getSession(ctx, id));
    },
  );
  app.get(
    '/training/sessions/:id',
    { config: on('training_session', 'byId'), schema: { tags, params: BigIdParams } },
    async (req) => getSession(ctxOf(req, db), req.params.id),
  );
  app.put(
    '/training/sessions/:id',
    {
      config: on('training_session', 'mutation'),
      schema: { tags, params: BigIdParams, body: TrainingSessionUpdateInput },
    },
    async (req) => {
      const ctx = ctxOf(req, db);
      await updateSession(ctx, req.params.id, req.body);
      return getSession(ctx, req.params.id);
    },
  );
  app.put(
    '/training/sessions/:id/results',
    { config: on('training_session', 'mutation'), schema: { tags, params: BigIdParams, body: TrainingResultsInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await recordResults(ctx, req.params.id, req.body);
      return getSession(ctx, req.params.id);
    },
  );
  app.put(
    '/training/attendance/:id/feedback',
    {
      config: on('training_attendance', 'mutation'),
      schema: { tags, params: BigIdParams, body: TrainingFeedbackInput },
    },
    async (req) => {
      await giveFeedback(ctxOf(req, db), req.params.id, req.body);
      return { ok: true };
    },
  );

  // Staff records are keyed by the person's user id.
  app.get(
    '/training/staff',
    { config: on('staff_record', 'list'), schema: { tags, querystring: StaffListQuery } },
    async (req) => listStaff(ctxOf(req, db), req.query),
  );
  app.get(
    '/training/staff/:id',
    { config: on('staff_record', 'byId'), schema: { tags, params: IntIdParams } },
    async (req) => getStaff(ctxOf(req, db), req.params.id),
  );
  app.put(
    '/training/staff/:id/agreement',
    { config: on('staff_record', 'mutation'), schema: { tags, params: IntIdParams, body: AgreementInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await recordAgreement(ctx, req.params.id, req.body);
      return getStaff(ctx, req.params.id);
    },
  );
  app.post(
    '/training/staff/:id/onboarding',
    { config: on('staff_record', 'mutation'), schema: { tags, params: IntIdParams, body: StartOnboardingInput } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await startOnboarding(ctx, req.params.id, req.body.version);
      return getStaff(ctx, req.params.id);
    },
  );
  app.post(
    '/training/staff/:id/certificates',
    { config: on('staff_record', 'mutation'), schema: { tags, params: IntIdParams, body: CertificateInput } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const { id } = await addCertificate(ctx, req.params.id, req.body);
      return reply.code(201).send({ id });
    },
  );
  app.put(
    '/training/certificates/:id',
    {
      config: on('staff_certificate', 'mutation'),
      schema: { tags, params: BigIdParams, body: CertificateUpdateInput },
    },
    async (req) => {
      await updateCertificate(ctxOf(req, db), req.params.id, req.body);
      return { ok: true };
    },
  );
  app.delete(
    '/training/certificates/:id',
    { config: on('staff_certificate', 'mutation'), schema: { tags, params: BigIdParams, querystring: Version } },
    async (req) => {
      await deleteCertificate(ctxOf(req, db), req.params.id, req.query.version);
      return { ok: true };
    },
  );

  // Reports over the people in scope: what is missing or expired, the quarter, results per person.
  app.get('/training/compliance', { config: on('staff_record', 'report'), schema: { tags } }, async (req) =>
    complianceList(ctxOf(req, db)),
  );
  app.get(
    '/training/quarters',
    { config: on('staff_record', 'report'), schema: { tags, querystring: QuarterQuery } },
    async (req) => quarterReport(ctxOf(req, db), req.query.quarter),
  );
  app.get(
    '/training/results',
    { config: on('staff_record', 'report'), schema: { tags, querystring: TrainingResultsQuery } },
    async (req) => resultsReport(ctxOf(req, db), req.query),
  );
}
