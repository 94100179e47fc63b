import { BigIdParams } from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf } from '../http/auth-hook.ts';
import { getAttachment, INLINE_TYPES } from './files.service.ts';
import { attachmentRemovalRoute } from './record-attachments.ts';

const Id = BigIdParams;

export function fileRoutes(app: ZodApp, db: Db) {
  // Visibility is that of the record the file belongs to (registerAttachmentOwner).
  app.get(
    '/attachments/:id',
    { config: { resource: 'attachment', surface: 'byId' }, schema: { tags: ['files'], params: Id } },
    async (req, reply) => {
      const f = await getAttachment(ctxOf(req, db), req.params.id);
      // Only checked images and PDFs open in the browser; anything else is a download, never sniffed.
      const disposition = INLINE_TYPES.has(f.mimeType) ? 'inline' : 'attachment';
      return reply
        .type(INLINE_TYPES.has(f.mimeType) ? f.mimeType : 'application/octet-stream')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .send(f.data);
    },
  );
  attachmentRemovalRoute(app, db);
}
