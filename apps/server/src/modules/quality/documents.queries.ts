import type { DocumentListQuery } from '@sales/core';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditHistory } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { cappedCount, likePattern, pageOffset, pageResult } from '../../platform/lists/index.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { DOCUMENT_ENTITY } from './documents.service.ts';
import { findDocument } from './quality.access.ts';
import { controlledDocuments, documentDistributions, documentVersions } from './quality.schema.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const holder = alias(users, 'holder');

/**
 * The controlled document list (受控文件清单): every document with its current version, how many
 * copies of it are held, and how many copies of superseded versions are still out (to withdraw).
 */
export async function listDocuments(ctx: Ctx, q: DocumentListQuery) {
  const parts: SQL[] = [];
  if (q.kind) parts.push(eq(controlledDocuments.kind, q.kind));
  if (q.keyword)
    parts.push(
      sql`(lower(${controlledDocuments.code}) like ${likePattern(q.keyword)} or lower(${controlledDocuments.title}) like ${likePattern(q.keyword)})`,
    );
  if (q.heldByMe)
    parts.push(sql`exists (select 1 from ${documentDistributions} d where d.document_id = ${controlledDocuments.id}
      and d.holder_id = ${ctx.principal.userId} and d.withdrawn_at is null)`);
  const where = parts.length ? (and(...parts) as SQL) : undefined;
  const [rows, count] = await Promise.all([
    ctx.db
      .select({
        id: controlledDocuments.id,
        code: controlledDocuments.code,
        title: controlledDocuments.title,
        kind: controlledDocuments.kind,
        deptName: departments.name,
        currentLabel: documentVersions.label,
        changeNo: documentVersions.changeNo,
        effectiveDate: documentVersions.effectiveDate,
        copies: sql<number>`(select count(*)::int from ${documentDistributions} d
          where d.version_id = ${documentVersions.id} and d.withdrawn_at is null)`,
        outdatedCopies: sql<number>`(select count(*)::int from ${documentDistributions} d
          where d.document_id = ${controlledDocuments.id} and d.version_id <> ${documentVersions.id} and d.withdrawn_at is null)`,
      })
      .from(controlledDocuments)
      .innerJoin(departments, eq(departments.id, controlledDocuments.ownerDeptId))
      .innerJoin(
        documentVersions,
        and(eq(documentVersions.documentId, controlledDocuments.id), eq(documentVersions.status, 'current')),
      )
      .where(where)
      .orderBy(asc(controlledDocuments.code), asc(controlledDocuments.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, controlledDocuments, where),
  ]);
  return pageResult(rows, count, q);
}

/** One document: its register entry, every version (newest first), every copy issued, and the history. */
export async function getDocument(ctx: Ctx, id: number) {
  const doc = await findDocument(ctx.db, id);
  const issuer = alias(users, 'issuer');
  const [[dept], versions, copies, history] = await Promise.all([
    ctx.db.select({ name: departments.name }).from(departments).where(eq(departments.id, doc.ownerDeptId)),
    ctx.db
      .select({
        id: documentVersions.id,
        label: documentVersions.label,
        changeNo: documentVersions.changeNo,
        effectiveDate: documentVersions.effectiveDate,
        changeSummary: documentVersions.changeSummary,
        status: documentVersions.status,
        issuedByName: issuer.name,
        createdAt: documentVersions.createdAt,
        supersededAt: documentVersions.supersededAt,
      })
      .from(documentVersions)
      .innerJoin(issuer, eq(issuer.id, documentVersions.issuedBy))
      .where(eq(documentVersions.documentId, id))
      .orderBy(desc(documentVersions.changeNo)),
    ctx.db
      .select({
        id: documentDistributions.id,
        copyNo: documentDistributions.copyNo,
        holderId: documentDistributions.holderId,
        holderName: holder.name,
        versionLabel: documentVersions.label,
        versionStatus: documentVersions.status,
        issuedAt: documentDistributions.issuedAt,
        withdrawnAt: documentDistributions.withdrawnAt,
        withdrawReason: documentDistributions.withdrawReason,
        replaced: sql<boolean>`${documentDistributions.replacedBy} is not null`,
      })
      .from(documentDistributions)
      .innerJoin(holder, eq(holder.id, documentDistributions.holderId))
      .innerJoin(documentVersions, eq(documentVersions.id, documentDistributions.versionId))
      .where(eq(documentDistributions.documentId, id))
      .orderBy(desc(documentDistributions.issuedAt), desc(documentDistributions.id))
      .limit(500),
    auditHistory(ctx.db, DOCUMENT_ENTITY, id),
  ]);
  const current = versions.find((v) => v.status === 'current');
  return {
    ...doc,
    deptName: dept?.name ?? null,
    currentLabel: current?.label ?? null,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    canManage: can(ctx.principal, 'document.manage'),
    versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString(), supersededAt: iso(v.supersededAt) })),
    copies: copies.map((c) => ({ ...c, issuedAt: c.issuedAt.toISOString(), withdrawnAt: iso(c.withdrawnAt) })),
    history: history.map(({ changes: _c, ...h }) => h),
  };
}
