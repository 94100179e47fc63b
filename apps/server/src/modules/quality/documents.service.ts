import type { DocumentCreateInput, DocumentInput, DocumentUpdateInput, DocumentVersionInput } from '@sales/core';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { departments } from '../../platform/org/org.schema.ts';
import { issueCopies } from './distributions.service.ts';
import { currentVersion, findDocument } from './quality.access.ts';
import { controlledDocuments, documentDistributions, documentVersions } from './quality.schema.ts';

export const DOCUMENT_ENTITY = 'controlled_document';
const AUDITED = ['code', 'title', 'kind', 'ownerDeptId'] as const;

async function validate(tx: Tx, input: DocumentInput, id: number | null) {
  const [taken] = await tx
    .select({ id: controlledDocuments.id })
    .from(controlledDocuments)
    .where(and(eq(controlledDocuments.code, input.code), id ? ne(controlledDocuments.id, id) : sql`true`));
  if (taken) throw ValidationError.field('code', 'quality.code_taken');
  const [dept] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, input.ownerDeptId));
  if (!dept) throw ValidationError.field('ownerDeptId', 'quality.dept_invalid');
}

const columns = (input: DocumentInput) => ({
  code: input.code,
  title: input.title,
  kind: input.kind,
  ownerDeptId: input.ownerDeptId,
});

/** Registers a controlled document with its first version (seed 000 3.2.1 文件控制). */
export async function createDocument(ctx: Ctx, input: DocumentCreateInput) {
  return ctx.db.transaction(async (tx) => {
    await validate(tx, input, null);
    const values = columns(input);
    const [doc] = await tx
      .insert(controlledDocuments)
      .values({ ...values, createdAt: ctx.now(), updatedAt: ctx.now() })
      .returning({ id: controlledDocuments.id });
    await tx.insert(documentVersions).values({
      documentId: doc.id,
      label: input.label,
      changeNo: 0,
      effectiveDate: input.effectiveDate,
      changeSummary: input.changeSummary,
      issuedBy: ctx.principal.userId,
      createdAt: ctx.now(),
    });
    await recordAudit(tx, ctx, {
      entityType: DOCUMENT_ENTITY,
      entityId: doc.id,
      action: 'create',
      changes: [...diffFields({}, values, AUDITED), { field: 'version', old: null, new: input.label }],
    });
    return { id: doc.id };
  });
}

/** Changes a document's register entry (code, title, kind, owner department); versions stay as issued. */
export async function updateDocument(ctx: Ctx, id: number, input: DocumentUpdateInput) {
  return ctx.db.transaction(async (tx) => {
    const doc = await findDocument(tx, id, true);
    if (doc.version !== input.version) throw new StaleVersionError();
    await validate(tx, input, id);
    const values = columns(input);
    await tx
      .update(controlledDocuments)
      .set({ ...values, version: doc.version + 1, updatedAt: ctx.now() })
      .where(eq(controlledDocuments.id, id));
    await recordAudit(tx, ctx, {
      entityType: DOCUMENT_ENTITY,
      entityId: id,
      action: 'update',
      changes: diffFields(doc, values, AUDITED),
    });
  });
}

/**
 * Issues a new version (文件换版): the current one is superseded — kept in the history, never changed
 * — and the change number goes up by one (更改次数). With `reissue`, every copy of an older version
 * still held is withdrawn and the holder gets a copy of the new one (ISO 9001 7.5.3: prevent the
 * unintended use of obsolete documents).
 */
export async function issueVersion(ctx: Ctx, id: number, input: DocumentVersionInput) {
  return ctx.db.transaction(async (tx) => {
    const doc = await findDocument(tx, id, true);
    if (doc.version !== input.version) throw new StaleVersionError();
    const cur = await currentVersion(tx, id);
    const [taken] = await tx
      .select({ id: documentVersions.id })
      .from(documentVersions)
      .where(and(eq(documentVersions.documentId, id), eq(documentVersions.label, input.label)));
    if (taken) throw ValidationError.field('label', 'quality.label_taken');
    if (input.effectiveDate < cur.effectiveDate)
      throw ValidationError.field('effectiveDate', 'quality.effective_before_current', { date: cur.effectiveDate });
    const now = ctx.now();
    await tx
      .update(documentVersions)
      .set({ status: 'superseded', supersededAt: now })
      .where(eq(documentVersions.id, cur.id));
    const [next] = await tx
      .insert(documentVersions)
      .values({
        documentId: id,
        label: input.label,
        changeNo: cur.changeNo + 1,
        effectiveDate: input.effectiveDate,
        changeSummary: input.changeSummary,
        issuedBy: ctx.principal.userId,
        createdAt: now,
      })
      .returning({ id: documentVersions.id });
    await tx
      .update(controlledDocuments)
      .set({ version: doc.version + 1, updatedAt: now })
      .where(eq(controlledDocuments.id, id));
    await recordAudit(tx, ctx, {
      entityType: DOCUMENT_ENTITY,
      entityId: id,
      action: 'version',
      changes: [{ field: 'version', old: cur.label, new: input.label }],
      comment: input.changeSummary,
    });
    if (input.reissue) {
      const held = await tx
        .select({ holderId: documentDistributions.holderId })
        .from(documentDistributions)
        .where(
          and(
            eq(documentDistributions.documentId, id),
            isNull(documentDistributions.withdrawnAt),
            ne(documentDistributions.versionId, next.id),
          ),
        );
      const holders = [...new Set(held.map((h) => h.holderId))];
      if (holders.length) await issueCopies(ctx, tx, { documentId: id, code: doc.code, versionId: next.id }, holders);
    }
    return { versionId: next.id };
  });
}
