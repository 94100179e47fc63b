import { BigIdParams } from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../http/auth-hook.ts';
import { getAttachment } from './files.service.ts';

const Id = BigIdParams;

export function fileRoutes(app: ZodApp, db: Db) {
  // Visibility is that of the record the file belongs to (registerAttachmentOwner).
  app.get(
    '/attachments/:id',
    { config: { resource: 'attachment', surface: 'byId' }, schema: { tags: ['files'], params: Id } },
    async (req, reply) => {
      const f = await getAttachment(ctxOf(req, db), req.params.id);
      return reply
        .type(f.mimeType)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .send(f.data);
    },
  );
}
