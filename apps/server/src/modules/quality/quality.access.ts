import { and, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/errors/errors.ts';
import { can } from '../../platform/permissions/principal.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { capas, controlledDocuments, documentVersions, internalAudits } from './quality.schema.ts';

/** Audits in scope: led by the viewer, or of a department in the quality.view scope. */
export async function auditScope(ctx: Pick<Ctx, 'db' | 'principal'>): Promise<SQL> {
  return scopeWhere(
    await resolveScope(ctx, 'quality.view'),
    internalAudits.leadAuditorId,
    internalAudits.auditedDeptId,
  );
}

/** CAPA in scope: owned by the viewer, or raised on an owner of a department in the capa.view scope. */
export async function capaScope(ctx: Pick<Ctx, 'db' | 'principal'>): Promise<SQL> {
  return scopeWhere(await resolveScope(ctx, 'capa.view'), capas.ownerId, capas.ownerDeptId);
}

/** An audit in the viewer's scope; unknown and out-of-scope ids answer the same 404. */
export async function findAuditInScope(ctx: Ctx, id: number, db: DbOrTx = ctx.db, lock = false) {
  const q = db
    .select()
    .from(internalAudits)
    .where(and(eq(internalAudits.id, id), await auditScope(ctx)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

/** An audit to change as the quality department: 404 out of scope, 403 without quality.manage, 412 stale. */
export async function findAuditForManage(ctx: Ctx, id: number, db: DbOrTx, version?: number) {
  const row = await findAuditInScope(ctx, id, db, true);
  if (!can(ctx.principal, 'quality.manage')) throw new ForbiddenError();
  if (version !== undefined && row.version !== version) throw new StaleVersionError();
  return row;
}

/** A CAPA in the viewer's scope; unknown and out-of-scope ids answer the same 404. */
export async function findCapaInScope(ctx: Ctx, id: number, db: DbOrTx = ctx.db, lock = false) {
  const q = db
    .select()
    .from(capas)
    .where(and(eq(capas.id, id), await capaScope(ctx)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

/** A CAPA to change, locked: 404 out of scope, 412 when stale (who may do what is the use case's rule). */
export async function findCapaForChange(ctx: Ctx, id: number, db: DbOrTx, version: number) {
  const row = await findCapaInScope(ctx, id, db, true);
  if (row.version !== version) throw new StaleVersionError();
  return row;
}

/** A controlled document (company-wide for document.view); unknown ids are 404. */
export async function findDocument(db: DbOrTx, id: number, lock = false) {
  const q = db.select().from(controlledDocuments).where(eq(controlledDocuments.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

/** The document's current version (one per document, a partial unique index guarantees it). */
export async function currentVersion(db: DbOrTx, documentId: number) {
  const [v] = await db
    .select()
    .from(documentVersions)
    .where(and(eq(documentVersions.documentId, documentId), eq(documentVersions.status, 'current')));
  return v;
}
