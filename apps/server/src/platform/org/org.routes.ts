import { INT_ID_MAX, IntId, IntIdParams, QueryIntId, VersionNo } from '@sales/core';
import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../http/auth-hook.ts';
import { PERMISSIONS, SCOPES } from '../permissions/registry.ts';
import { createDepartment, listDepartments, updateDepartment } from './departments.service.ts';
import { createRole, listRoles, updateRole } from './roles.service.ts';
import { createUser, listUsers, resetPassword, unlockUser, updateUser, userOptions } from './users.service.ts';

const Version = VersionNo;
const DeptBody = z.object({
  parentId: IntId.nullable(),
  name: z.string().trim().min(1).max(60),
  headUserId: IntId.nullable().default(null),
  sort: z.number().int().min(-INT_ID_MAX).max(INT_ID_MAX).default(0),
});
const UserBody = z.object({
  username: z
    .string()
    .trim()
    .min(2)
    .max(40)
    .regex(/^[A-Za-z0-9_.-]+$/),
  name: z.string().trim().min(1).max(40),
  mobile: z.string().trim().max(20).nullable().default(null),
  deptId: IntId,
  managerId: IntId.nullable().default(null),
  roles: z.array(z.string()).max(20),
  active: z.boolean().default(true),
});
const Grant = z.object({
  permission: z.string(),
  scope: z.enum(SCOPES).default('ALL'),
  customDeptIds: z.array(IntId).default([]),
});

export function orgRoutes(app: ZodApp, db: Db) {
  const dept = { permission: 'dept.manage' as const, resource: 'department' };
  app.get('/departments', { schema: { tags: ['org'] } }, async (req) => ({
    items: await listDepartments(ctxOf(req, db)),
  }));
  app.post('/departments', { config: dept, schema: { tags: ['org'], body: DeptBody } }, async (req, reply) =>
    reply.code(201).send(await createDepartment(ctxOf(req, db), req.body)),
  );
  app.put(
    '/departments/:id',
    { config: dept, schema: { tags: ['org'], params: IntIdParams, body: DeptBody.extend({ version: Version }) } },
    async (req) => updateDepartment(ctxOf(req, db), req.params.id, req.body),
  );

  const user = { permission: 'user.manage' as const, resource: 'user' };
  app.get(
    '/users',
    {
      config: user,
      schema: {
        tags: ['org'],
        querystring: z.object({
          page: z.coerce.number().int().min(1).max(10000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
          keyword: z.string().trim().max(50).optional(),
          deptId: QueryIntId.optional(),
        }),
      },
    },
    async (req) => listUsers(ctxOf(req, db), req.query),
  );
  app.get('/users/options', { schema: { tags: ['org'] } }, async (req) => ({
    items: await userOptions(ctxOf(req, db)),
  }));
  app.post(
    '/users',
    { config: user, schema: { tags: ['org'], body: UserBody.extend({ password: z.string().min(1).max(200) }) } },
    async (req, reply) => reply.code(201).send(await createUser(ctxOf(req, db), req.body)),
  );
  app.put(
    '/users/:id',
    { config: user, schema: { tags: ['org'], params: IntIdParams, body: UserBody.extend({ version: Version }) } },
    async (req) => updateUser(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/users/:id/reset-password',
    {
      config: user,
      schema: { tags: ['org'], params: IntIdParams, body: z.object({ password: z.string().min(1).max(200) }) },
    },
    async (req) => {
      await resetPassword(ctxOf(req, db), req.params.id, req.body.password);
      return { ok: true };
    },
  );
  app.post('/users/:id/unlock', { config: user, schema: { tags: ['org'], params: IntIdParams } }, async (req) => {
    await unlockUser(ctxOf(req, db), req.params.id);
    return { ok: true };
  });

  const role = { permission: 'role.manage' as const, resource: 'role' };
  app.get('/roles', { config: role, schema: { tags: ['org'] } }, async (req) => ({
    items: await listRoles(ctxOf(req, db)),
  }));
  app.get('/permissions', { config: role, schema: { tags: ['org'] } }, async () => ({ items: PERMISSIONS }));
  app.post(
    '/roles',
    {
      config: role,
      schema: {
        tags: ['org'],
        body: z.object({
          code: z
            .string()
            .trim()
            .min(2)
            .max(40)
            .regex(/^[a-z0-9_]+$/),
          name: z.string().trim().min(1).max(40),
          grants: z.array(Grant).max(100),
        }),
      },
    },
    async (req, reply) => reply.code(201).send(await createRole(ctxOf(req, db), req.body)),
  );
  app.put(
    '/roles/:id',
    {
      config: role,
      schema: {
        tags: ['org'],
        params: IntIdParams,
        body: z.object({ name: z.string().trim().min(1).max(40), grants: z.array(Grant).max(100), version: Version }),
      },
    },
    async (req) => updateRole(ctxOf(req, db), req.params.id, req.body),
  );
}
