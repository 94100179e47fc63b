import { AttachmentInput, BigIdParams } from '@sales/core';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Ctx } from '../context.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors/errors.ts';
import { ctxOf } from '../http/auth-hook.ts';
import { users } from '../org/org.schema.ts';
import type { Permission } from '../permissions/registry.ts';
import { attachments } from './files.schema.ts';
import { assertOwnerVisible, registerAttachmentOwner, saveAttachment } from './files.service.ts';

/**
 * General attachments of a business record (issue 14 item 6: customers, opportunities, quotes,
 * orders, events, inquiries): a business licence scan, the customer's drawing, the signed order
 * form. They have the visibility of the record; whoever may change the record adds and removes them.
 * Evidence files other flows store (a contract scan, a signed delivery note) are not removable here.
 */
export interface RecordAttachments {
  /** Audited entity type of the record, e.g. 'customer'. */
  entityType: string;
  /** The record's API path without the id, e.g. '/customers'. */
  path: string;
  /** The scope-sweep resource name of the record's routes. */
  resource: string;
  view: Permission;
  change: Permission;
  /** Throws the record's 404 unless the user sees it with the view permission. */
  visible: (ctx: Ctx, id: number, db: DbOrTx) => Promise<unknown>;
  /** Throws unless the user's change permission (and its scope) covers the record. */
  changeable: (ctx: Ctx, id: number, db: DbOrTx) => Promise<unknown>;
}

const PURPOSE = 'record_attachment';
const removable = new Map<string, RecordAttachments>();

/** Visible records whose change scope does not cover them answer 403, not 404: the user sees them. */
async function assertChangeable(r: RecordAttachments, ctx: Ctx, id: number, tx: DbOrTx) {
  await r.visible(ctx, id, tx);
  if (!ctx.principal.grants.has(r.change)) throw new ForbiddenError();
  try {
    await r.changeable(ctx, id, tx);
  } catch (e) {
    if (e instanceof NotFoundError) throw new ForbiddenError();
    throw e;
  }
}

/** The record's attachments, newest first, with who uploaded them. */
async function listWithUploader(db: DbOrTx, entityType: string, id: number) {
  const rows = await db
    .select({
      id: attachments.id,
      purpose: attachments.purpose,
      fileName: attachments.fileName,
      mimeType: attachments.mimeType,
      size: attachments.size,
      uploadedByName: users.name,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(and(eq(attachments.entityType, entityType), eq(attachments.entityId, id)))
    .orderBy(desc(attachments.id));
  return rows.map((a) => ({ ...a, removable: a.purpose === PURPOSE, createdAt: a.createdAt.toISOString() }));
}

/** Registers `GET|POST <path>/:id/attachments` for one record type, and its files' visibility. */
export function recordAttachmentRoutes(app: ZodApp, db: Db, r: RecordAttachments) {
  registerAttachmentOwner(r.entityType, (ctx, id) => r.visible(ctx, id, ctx.db).then(() => undefined));
  removable.set(r.entityType, r);
  const tags = ['files'];
  app.get(
    `${r.path}/:id/attachments`,
    { config: { permission: r.view, resource: r.resource, surface: 'byId' }, schema: { tags, params: BigIdParams } },
    async (req) => {
      const ctx = ctxOf(req, db);
      await r.visible(ctx, req.params.id, ctx.db);
      return { items: await listWithUploader(ctx.db, r.entityType, req.params.id) };
    },
  );
  app.post(
    `${r.path}/:id/attachments`,
    {
      config: { permission: r.change, resource: r.resource, surface: 'mutation' },
      schema: { tags, params: BigIdParams, body: z.object({ file: AttachmentInput }) },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const id = req.params.id;
      const saved = await ctx.db.transaction(async (tx) => {
        await assertChangeable(r, ctx, id, tx);
        const row = await saveAttachment(tx, ctx, r.entityType, id, PURPOSE, req.body.file);
        await recordAudit(tx, ctx, {
          entityType: r.entityType,
          entityId: id,
          action: 'attach',
          changes: [{ field: 'attachment', old: null, new: row.fileName }],
        });
        return row;
      });
      return reply.code(201).send(saved);
    },
  );
}

/** Registers `DELETE /attachments/:id` for the files of the record types above. */
export function attachmentRemovalRoute(app: ZodApp, db: Db) {
  app.delete(
    '/attachments/:id',
    { config: { resource: 'attachment', surface: 'mutation' }, schema: { tags: ['files'], params: BigIdParams } },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      await ctx.db.transaction(async (tx) => {
        const [file] = await tx
          .select({
            entityType: attachments.entityType,
            entityId: attachments.entityId,
            purpose: attachments.purpose,
            fileName: attachments.fileName,
          })
          .from(attachments)
          .where(eq(attachments.id, req.params.id))
          .for('update');
        if (!file) throw new NotFoundError();
        const r = removable.get(file.entityType);
        // A file another flow stored as evidence (a contract scan, a signed delivery note) stays with its record.
        if (!r || file.purpose !== PURPOSE) {
          await assertOwnerVisible(ctx, file.entityType, file.entityId);
          throw new ConflictError('attachment.evidence');
        }
        await assertChangeable(r, ctx, file.entityId, tx);
        await tx.delete(attachments).where(eq(attachments.id, req.params.id));
        await recordAudit(tx, ctx, {
          entityType: file.entityType,
          entityId: file.entityId,
          action: 'detach',
          changes: [{ field: 'attachment', old: file.fileName, new: null }],
        });
      });
      return reply.code(204).send();
    },
  );
}
