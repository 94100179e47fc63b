import type {
  AppraisalSchemeCreate,
  AppraisalSchemeDeactivate,
  AppraisalSchemeUpdate,
  SchemeIndicator,
  SchemeIndicatorInput,
} from '@sales/core';
import { money } from '@sales/core';
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { appraisalSchemes } from './appraisal.schema.ts';

export const SCHEME_ENTITY = 'appraisal_scheme';
type Scheme = typeof appraisalSchemes.$inferSelect;

/** The stored form of a row: only the parameters its rule reads, decimals normalised. */
function stored(r: SchemeIndicatorInput): SchemeIndicator {
  const out: SchemeIndicator = { code: r.code, weight: r.weight, rule: r.rule };
  if (r.rule === 'deduction') return out;
  if (r.target !== null && r.code !== 'revenue') out.target = money(r.target).toFixed(2);
  if (r.rule === 'linear') out.capRatio = money(r.capRatio ?? '1').toFixed(2);
  if (r.rule === 'threshold') {
    out.basis = r.basis ?? 'actual';
    out.bands = [...(r.bands ?? [])]
      .map((b) => ({ from: money(b.from).toFixed(2), points: money(b.points).toFixed(2) }))
      .sort((a, b) => money(a.from).cmp(b.from));
  }
  return out;
}

const present = (s: Scheme) => ({
  ...s,
  isDefault: s.code === 'default',
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

/** All schemes, the active ones first (company-wide configuration: no data scope). */
export async function listSchemes(ctx: Ctx) {
  const rows = await ctx.db
    .select()
    .from(appraisalSchemes)
    .orderBy(desc(appraisalSchemes.active), asc(appraisalSchemes.id));
  return { items: rows.map(present) };
}

/** The active schemes a run may use (the run dialog's choice). */
export async function activeSchemes(ctx: Ctx) {
  const rows = await ctx.db
    .select({ id: appraisalSchemes.id, name: appraisalSchemes.name, periodKind: appraisalSchemes.periodKind })
    .from(appraisalSchemes)
    .where(eq(appraisalSchemes.active, true))
    .orderBy(asc(appraisalSchemes.id));
  return { items: rows };
}

export async function getScheme(ctx: Ctx, id: number, db: DbOrTx = ctx.db) {
  const [row] = await db.select().from(appraisalSchemes).where(eq(appraisalSchemes.id, id));
  if (!row) throw new NotFoundError();
  return present(row);
}

/** Another active scheme of the name: refused, the run dialog tells schemes apart by name. */
async function assertNameFree(tx: DbOrTx, name: string, id: number | null) {
  const [dup] = await tx
    .select({ id: appraisalSchemes.id })
    .from(appraisalSchemes)
    .where(
      and(
        eq(appraisalSchemes.name, name),
        eq(appraisalSchemes.active, true),
        ...(id === null ? [] : [ne(appraisalSchemes.id, id)]),
      ),
    );
  if (dup) throw ValidationError.field('name', 'appraisal.scheme_name_taken');
}

export async function createScheme(ctx: Ctx, input: AppraisalSchemeCreate) {
  return ctx.db.transaction(async (tx) => {
    await assertNameFree(tx, input.name, null);
    const now = ctx.now();
    const indicators = input.indicators.map(stored);
    const [row] = await tx
      .insert(appraisalSchemes)
      .values({
        code: `s-${crypto.randomUUID().slice(0, 12)}`,
        name: input.name,
        periodKind: input.periodKind,
        indicators,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, ctx, {
      entityType: SCHEME_ENTITY,
      entityId: row.id,
      action: 'create',
      changes: [
        { field: 'name', old: null, new: input.name },
        { field: 'periodKind', old: null, new: input.periodKind },
        { field: 'indicators', old: null, new: indicators },
      ],
    });
    return row.id;
  });
}

async function lockScheme(tx: DbOrTx, id: number, version: number) {
  const [row] = await tx.select().from(appraisalSchemes).where(eq(appraisalSchemes.id, id)).for('update');
  if (!row) throw new NotFoundError();
  if (row.version !== version) throw new StaleVersionError();
  if (!row.active) throw new ConflictError('appraisal.scheme_inactive');
  return row;
}

/**
 * A change is the scheme's next version: runs already made keep the indicators (and version) they
 * were computed with, the next run uses the new ones.
 */
export async function updateScheme(ctx: Ctx, id: number, input: AppraisalSchemeUpdate) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockScheme(tx, id, input.version);
    await assertNameFree(tx, input.name, id);
    const indicators = input.indicators.map(stored);
    await tx
      .update(appraisalSchemes)
      .set({ name: input.name, indicators, version: row.version + 1, updatedAt: ctx.now() })
      .where(eq(appraisalSchemes.id, id));
    const changes = [];
    if (row.name !== input.name) changes.push({ field: 'name', old: row.name, new: input.name });
    if (JSON.stringify(row.indicators) !== JSON.stringify(indicators))
      changes.push({ field: 'indicators', old: row.indicators, new: indicators });
    changes.push({ field: 'version', old: row.version, new: row.version + 1 });
    await recordAudit(tx, ctx, { entityType: SCHEME_ENTITY, entityId: id, action: 'update', changes });
  });
}

/** Deactivated schemes are no longer offered to runs; their runs stay. The default scheme stays active. */
export async function deactivateScheme(ctx: Ctx, id: number, input: AppraisalSchemeDeactivate) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockScheme(tx, id, input.version);
    if (row.code === 'default') throw new ConflictError('appraisal.scheme_default');
    await tx
      .update(appraisalSchemes)
      .set({ active: false, version: row.version + 1, updatedAt: ctx.now() })
      .where(eq(appraisalSchemes.id, id));
    await recordAudit(tx, ctx, {
      entityType: SCHEME_ENTITY,
      entityId: id,
      action: 'deactivate',
      changes: [{ field: 'active', old: true, new: false }],
    });
  });
}
