import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors/errors.ts';
import { attachments } from './files.schema.ts';

export const MAX_ATTACHMENT_MB = 10;
const MIME_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png', 'image/webp']);
/** Types a browser may show in the page; everything else is served as a download. */
export const INLINE_TYPES = MIME_TYPES;

/** Who may see the attachments of one entity type: throws 404 when the entity is out of scope. */
type VisibilityCheck = (ctx: Ctx, entityId: number) => Promise<void>;
const owners = new Map<string, VisibilityCheck>();

/** Modules declare at import time how the visibility of their records' attachments is checked. */
export function registerAttachmentOwner(entityType: string, assertVisible: VisibilityCheck) {
  owners.set(entityType, assertVisible);
}

export interface AttachmentInput {
  fileName: string;
  mimeType: string;
  /** File content, Base64. */
  contentBase64: string;
}

/**
 * Stores an attachment inside the caller's transaction (a signed copy commits with the sign-off
 * it proves). The caller has already checked that the user may change the entity.
 */
export async function saveAttachment(
  tx: DbOrTx,
  ctx: Pick<Ctx, 'principal'>,
  entityType: string,
  entityId: number,
  purpose: string,
  file: AttachmentInput,
) {
  if (!MIME_TYPES.has(file.mimeType)) throw ValidationError.field('file.mimeType', 'attachment.type');
  const data = Buffer.from(file.contentBase64, 'base64');
  if (data.length === 0) throw ValidationError.field('file.contentBase64', 'attachment.empty');
  if (data.length > MAX_ATTACHMENT_MB * 1024 * 1024)
    throw ValidationError.field('file.contentBase64', 'attachment.too_large', { maxMb: MAX_ATTACHMENT_MB });
  // The content decides the type, not the name or the declared type: an HTML page renamed to
  // .png is refused; a PNG sent as image/jpeg is stored (and served) as the PNG it is.
  const detected = (await fileTypeFromBuffer(data))?.mime;
  if (!detected || !MIME_TYPES.has(detected)) throw ValidationError.field('file.contentBase64', 'attachment.content');
  const [row] = await tx
    .insert(attachments)
    .values({
      entityType,
      entityId,
      purpose,
      fileName: file.fileName.slice(0, 200),
      mimeType: detected,
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      data,
      uploadedBy: ctx.principal.userId,
    })
    .returning({
      id: attachments.id,
      fileName: attachments.fileName,
      size: attachments.size,
      createdAt: attachments.createdAt,
    });
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/** Attachment metadata of one entity, newest first. Callers check the entity's scope first. */
export async function listAttachments(db: DbOrTx, entityType: string, entityId: number) {
  const rows = await db
    .select({
      id: attachments.id,
      purpose: attachments.purpose,
      fileName: attachments.fileName,
      mimeType: attachments.mimeType,
      size: attachments.size,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(and(eq(attachments.entityType, entityType), eq(attachments.entityId, entityId)))
    .orderBy(desc(attachments.id));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** Throws 404 unless the user may see the record (and so its files). */
export async function assertOwnerVisible(ctx: Ctx, entityType: string, entityId: number) {
  const check = owners.get(entityType);
  if (!check) throw new NotFoundError();
  await check(ctx, entityId);
}

/** One attachment with its content, if the user may see the record it belongs to (else 404). */
export async function getAttachment(ctx: Ctx, id: number) {
  // The owning record's visibility first; the content (up to 10 MB) is read only when allowed.
  const [ref] = await ctx.db
    .select({ entityType: attachments.entityType, entityId: attachments.entityId })
    .from(attachments)
    .where(eq(attachments.id, id));
  if (!ref) throw new NotFoundError();
  await assertOwnerVisible(ctx, ref.entityType, ref.entityId);
  const [row] = await ctx.db.select().from(attachments).where(eq(attachments.id, id));
  return row;
}
