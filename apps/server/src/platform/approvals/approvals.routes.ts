import { BigIdParams, IntId, IntIdParams, VersionNo } from '@sales/core';
import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../http/auth-hook.ts';
import { createRule, listDocTypes, listRules, updateRule } from './approval-rules.service.ts';
import { approvalInbox, approvalInboxCount, getApprovalInstance } from './approvals.queries.ts';
import { CONDITION_OPS } from './approvals.rules.ts';
import { actOnApproval } from './approvals.service.ts';

const Id = BigIdParams;
const tags = ['approvals'];
const Comment = z.string().trim().max(1000).nullish();

const Rule = z.object({
  docType: z.string().min(1).max(60),
  name: z.string().trim().min(1).max(100),
  priority: z.number().int().min(0).max(10000).default(100),
  conditions: z
    .array(
      z.object({
        field: z.string().min(1).max(60),
        op: z.enum(CONDITION_OPS),
        value: z
          .union([
            z.string().max(100),
            z.number(),
            z.boolean(),
            z.array(z.union([z.string().max(100), z.number()])).max(50),
          ])
          .optional(),
      }),
    )
    .max(20)
    .default([]),
  steps: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(60),
        kind: z.enum(['role', 'manager', 'dept_head', 'users']),
        role: z.string().max(40).optional(),
        level: z.number().int().min(1).max(10).optional(),
        userIds: z.array(IntId).max(50).optional(),
        mode: z.enum(['any', 'all']).default('any'),
      }),
    )
    .max(20),
  active: z.boolean().default(true),
});

export function approvalRoutes(app: ZodApp, db: Db) {
  const instance = { resource: 'approval_instance', surface: 'byId' as const };
  app.get(
    '/approvals/inbox',
    {
      config: { resource: 'approval_instance', surface: 'list' },
      schema: {
        tags,
        querystring: z.object({
          status: z.enum(['pending', 'done']).default('pending'),
          page: z.coerce.number().int().min(1).max(10000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
      },
    },
    async (req) => approvalInbox(ctxOf(req, db), req.query),
  );
  app.get(
    '/approvals/inbox/count',
    { config: { resource: 'approval_instance', surface: 'count' }, schema: { tags } },
    async (req) => approvalInboxCount(ctxOf(req, db)),
  );
  app.get('/approvals/:id', { config: instance, schema: { tags, params: Id } }, async (req) =>
    getApprovalInstance(ctxOf(req, db), req.params.id),
  );
  const act = (action: 'approve' | 'reject' | 'return' | 'withdraw' | 'delegate', body: z.ZodType) =>
    app.post(
      `/approvals/:id/${action}`,
      { config: { ...instance, surface: 'mutation' }, schema: { tags, params: Id, body } },
      async (req) => actOnApproval(ctxOf(req, db), req.params.id, action, req.body as never),
    );
  act('approve', z.object({ comment: Comment }));
  act('reject', z.object({ comment: Comment }));
  act('return', z.object({ comment: Comment, toStep: z.number().int().min(0).nullish() }));
  act('withdraw', z.object({ comment: Comment }));
  act('delegate', z.object({ comment: Comment, toUserId: IntId }));

  const manage = { permission: 'approval.manage' as const, resource: 'approval_rule' };
  app.get('/approval-doc-types', { config: manage, schema: { tags } }, async () => ({ items: listDocTypes() }));
  app.get('/approval-rules', { config: manage, schema: { tags } }, async (req) => ({
    items: await listRules(ctxOf(req, db)),
  }));
  app.post('/approval-rules', { config: manage, schema: { tags, body: Rule } }, async (req, reply) =>
    reply.code(201).send(await createRule(ctxOf(req, db), req.body)),
  );
  app.put(
    '/approval-rules/:id',
    { config: manage, schema: { tags, params: IntIdParams, body: Rule.extend({ version: VersionNo }) } },
    async (req) => updateRule(ctxOf(req, db), req.params.id, req.body),
  );
}
