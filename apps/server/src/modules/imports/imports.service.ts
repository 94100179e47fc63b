import type { ImportTemplate } from '@sales/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ValidationError } from '../../platform/errors/errors.ts';
import { userPreferences } from '../../platform/preferences/preferences.schema.ts';
import { suggestMapping } from './imports.columns.ts';
import { findOwnJob, ImportFailure, progress, runInBackground } from './imports.jobs.ts';
import type { ImportKind } from './imports.kinds.ts';
import { readSheetBatches } from './imports.read.ts';
import { type ImportProblem, importJobs } from './imports.schema.ts';

export { importComment } from './imports.sheet.ts';

export const MAX_IMPORT_MB = 20;
/** Rows checked and written per statement batch (SPEC 1.9 commit: batches inside one transaction). */
export const BATCH = 1000;
/** Problems kept for the report: enough to fix a file; errorCount still counts them all. */
const MAX_PROBLEMS = 10_000;
const prefKey = (template: string) => `import.mapping.${template}`;

/** Test hook: called after each committed batch inside the commit's transaction (a throw kills it). */
export const importHooks: { afterBatch: ((batchNo: number) => void | Promise<void>) | null } = { afterBatch: null };

/**
 * Stores an uploaded xlsx as a new import job of a kind and reads its header row and row count off
 * the request; the proposed mapping (remembered per user and kind, else the recognised headers)
 * is ready when the job reaches 'mapping'.
 */
export async function uploadImport(
  ctx: Ctx,
  kind: ImportKind,
  input: { template: ImportTemplate; fileName: string; contentBase64: string },
) {
  // Each kind has its own routes and permission: a file goes through the route of its kind.
  if (input.template !== kind.template) throw ValidationError.field('template', 'validation.invalid_value');
  const file = Buffer.from(input.contentBase64, 'base64');
  if (file.length === 0) throw ValidationError.field('contentBase64', 'attachment.empty');
  if (file.length > MAX_IMPORT_MB * 1024 * 1024)
    throw ValidationError.field('contentBase64', 'attachment.too_large', { maxMb: MAX_IMPORT_MB });
  // An xlsx is a zip archive: refuse anything else before it is stored.
  if (file[0] !== 0x50 || file[1] !== 0x4b) throw ValidationError.field('contentBase64', 'import.file.not_xlsx');
  const id = await ctx.db.transaction(async (tx) => {
    const [job] = await tx
      .insert(importJobs)
      .values({
        template: kind.template,
        status: 'analysing',
        step: 'analyse',
        fileName: input.fileName.slice(0, 200),
        fileSize: file.length,
        file,
        createdBy: ctx.principal.userId,
      })
      .returning({ id: importJobs.id });
    await recordAudit(tx, ctx, {
      entityType: 'import_job',
      entityId: job.id,
      action: 'upload',
      changes: [{ field: 'fileName', old: null, new: input.fileName }],
    });
    return job.id;
  });
  runInBackground(ctx.db, id, () => analyse(ctx, kind, id, file));
  return { id };
}

async function analyse(ctx: Ctx, kind: ImportKind, id: number, file: Buffer) {
  let headers: string[] = [];
  let total = 0;
  try {
    for await (const batch of readSheetBatches(file, BATCH, (h) => {
      headers = h;
    })) {
      total += batch.length;
      await progress(ctx.db, id, { totalRows: total, processedRows: total });
    }
  } catch {
    throw new ImportFailure('import.file.unreadable');
  }
  if (headers.filter(Boolean).length === 0) throw new ImportFailure('import.file.no_header');
  const [pref] = await ctx.db
    .select({ value: userPreferences.value })
    .from(userPreferences)
    .where(and(eq(userPreferences.userId, ctx.principal.userId), eq(userPreferences.key, prefKey(kind.template))));
  const mapping = suggestMapping(kind.columns, headers, (pref?.value ?? {}) as Record<string, string | null>);
  await progress(ctx.db, id, { status: 'mapping', headers, mapping, totalRows: total, processedRows: total });
}

function checkMapping(ctx: Ctx, kind: ImportKind, headers: string[], mapping: Record<string, string | null>) {
  const fields = new Set<string>(kind.columns.map((c) => c.key));
  const used = new Set<string>();
  for (const [h, f] of Object.entries(mapping)) {
    if (!headers.includes(h)) throw ValidationError.field('mapping', 'import.mapping.unknown_header', { header: h });
    if (f === null) continue;
    if (!fields.has(f)) throw ValidationError.field('mapping', 'validation.invalid_value');
    if (used.has(f)) throw ValidationError.field('mapping', 'import.mapping.twice');
    used.add(f);
  }
  const missing = kind.columns.find((c) => c.required && !used.has(c.key));
  if (!missing) return;
  if (kind.template === 'customers') throw ValidationError.field('mapping', 'import.mapping.name_required');
  throw ValidationError.field('mapping', 'import.mapping.required', { field: missing.headers[ctx.locale] });
}

/** Flips a job from one of `from` to `to` atomically; a job in another state is a conflict. */
async function transition(
  ctx: Ctx,
  id: number,
  from: string[],
  set: Partial<typeof importJobs.$inferInsert>,
  action: string,
  alsoInTx?: (tx: Tx) => Promise<unknown>,
) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(importJobs)
      .set({ ...set, updatedAt: sql`now()` })
      .where(and(eq(importJobs.id, id), sql`${importJobs.status} = any(${sql.param(from)}::text[])`))
      .returning({ id: importJobs.id });
    if (!row) throw new ConflictError('import.wrong_state');
    await recordAudit(tx, ctx, { entityType: 'import_job', entityId: id, action });
    await alsoInTx?.(tx);
  });
}

/**
 * Dry run (SPEC 1.9): every row checked with the mapping given (remembered for the user's next
 * file of this kind), nothing written; the job ends 'validated' or 'invalid' with its problems.
 */
export async function startDryRun(ctx: Ctx, kind: ImportKind, id: number, mapping: Record<string, string | null>) {
  const job = await findOwnJob(ctx, id, kind.template);
  checkMapping(ctx, kind, job.headers, mapping);
  const reset = { step: 'dryRun', processedRows: 0, errorCount: 0, problems: [], failure: null };
  // One transaction (the use case is one): were the remembered mapping written apart and failed,
  // the job would stay 'validating' with no run behind it, and no state accepts a retry.
  await transition(
    ctx,
    id,
    ['mapping', 'validated', 'invalid', 'failed'],
    { status: 'validating', mapping, ...reset },
    'dry_run',
    (tx) =>
      tx
        .insert(userPreferences)
        .values({ userId: ctx.principal.userId, key: prefKey(kind.template), value: mapping })
        .onConflictDoUpdate({
          target: [userPreferences.userId, userPreferences.key],
          set: { value: mapping, updatedAt: sql`now()` },
        }),
  );
  runInBackground(ctx.db, id, () => dryRun(ctx, kind, id));
  return { id };
}

async function loadFile(ctx: Ctx, id: number) {
  const [row] = await ctx.db
    .select({
      file: importJobs.file,
      fileName: importJobs.fileName,
      headers: importJobs.headers,
      mapping: importJobs.mapping,
    })
    .from(importJobs)
    .where(eq(importJobs.id, id));
  return row;
}

async function dryRun(ctx: Ctx, kind: ImportKind, id: number) {
  const { file, headers, mapping } = await loadFile(ctx, id);
  const run = await kind.start(ctx, headers, mapping);
  const problems: ImportProblem[] = [];
  let errors = 0;
  let done = 0;
  for await (const batch of readSheetBatches(file, BATCH, () => {})) {
    const r = await run.check(ctx.db, batch);
    errors += r.problems.length;
    problems.push(...r.problems.slice(0, MAX_PROBLEMS - problems.length));
    done += batch.length;
    await progress(ctx.db, id, { processedRows: done, errorCount: errors });
  }
  await progress(ctx.db, id, {
    status: errors === 0 ? 'validated' : 'invalid',
    processedRows: done,
    totalRows: done,
    errorCount: errors,
    problems,
  });
}

/**
 * Commit (SPEC 1.9 all-or-nothing): a validated job's rows are checked again and written in ONE
 * transaction, batch by batch, through the owning module's functions; any problem (the database
 * changed since the dry run) rolls everything back and the job returns to 'invalid'.
 */
export async function startCommit(ctx: Ctx, kind: ImportKind, id: number) {
  await findOwnJob(ctx, id, kind.template);
  await transition(
    ctx,
    id,
    ['validated'],
    { status: 'committing', step: 'commit', processedRows: 0, createdCount: 0 },
    'commit',
  );
  runInBackground(ctx.db, id, () => commit(ctx, kind, id));
  return { id };
}

class Refused extends Error {}

async function commit(ctx: Ctx, kind: ImportKind, id: number) {
  const { file, fileName, headers, mapping } = await loadFile(ctx, id);
  const job = { id, fileName };
  const problems: ImportProblem[] = [];
  let errors = 0;
  try {
    await ctx.db.transaction(async (tx) => {
      const run = await kind.start(ctx, headers, mapping);
      const result: (string | null)[][] = [];
      let done = 0;
      let batchNo = 0;
      // B7: a kind whose check does not read what earlier batches wrote (run.overlap) has the next
      // batch read and checked while the current one is written: the process otherwise idles while
      // PostgreSQL maintains the indexes. The statements still run in order on the connection.
      const batches = readSheetBatches(file, BATCH, () => {});
      const checkNext = async () => {
        const it = await batches.next();
        if (it.done) return null;
        const r = await run.check(tx, it.value);
        run.prepare?.(r.valid);
        return { size: it.value.length, ...r };
      };
      let next = checkNext();
      try {
        for (;;) {
          const r = await next;
          if (!r) break;
          if (run.overlap) {
            next = checkNext();
            // A write that throws leaves the prefetched check to the finally below.
            next.catch(() => {});
          }
          errors += r.problems.length;
          problems.push(...r.problems.slice(0, MAX_PROBLEMS - problems.length));
          // Once a row fails nothing more is written; the rest is still checked for the report.
          if (errors === 0) {
            result.push(...(await run.write(tx, r.valid, job)));
            batchNo++;
            await importHooks.afterBatch?.(batchNo);
          }
          if (!run.overlap) next = checkNext();
          done += r.size;
          await progress(ctx.db, id, { processedRows: done, createdCount: errors === 0 ? result.length : 0 });
        }
      } finally {
        // Nothing of this run may touch the connection once the transaction has ended.
        await next.catch(() => null);
      }
      if (errors > 0) throw new Refused();
      if (run.finish) result.push(...(await run.finish(tx, job)));
      await tx
        .update(importJobs)
        .set({ status: 'committed', createdCount: result.length, result, processedRows: done, updatedAt: sql`now()` })
        .where(eq(importJobs.id, id));
      await recordAudit(tx, ctx, {
        entityType: 'import_job',
        entityId: id,
        action: 'committed',
        changes: [{ field: 'createdCount', old: null, new: result.length }],
      });
    });
  } catch (err) {
    if (!(err instanceof Refused)) throw err;
    // The job's change (committing → invalid) with its audit row, as every change (SPEC 1.3).
    await ctx.db.transaction(async (tx) => {
      await progress(tx, id, { status: 'invalid', errorCount: errors, problems, createdCount: 0 });
      await recordAudit(tx, ctx, {
        entityType: 'import_job',
        entityId: id,
        action: 'refused',
        changes: [{ field: 'errorCount', old: null, new: errors }],
      });
    });
  }
}
