import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import { importJobs } from './imports.schema.ts';

/** Work running off the request, by job id: tests (and a graceful stop) can wait for it. */
const running = new Map<number, Promise<void>>();

/** Resolves when the job's background step has finished (at once if none runs here). */
export function importSettled(id: number): Promise<void> {
  return running.get(id) ?? Promise.resolve();
}

/**
 * Runs a job's step after the request has answered (202): the request does no more than store the
 * file or flip the state. The state and counters live in the job row, so any instance answers the
 * polling; a step that throws leaves the job 'failed' with a message key.
 */
export function runInBackground(db: Db, id: number, step: () => Promise<void>) {
  const p = (async () => {
    await new Promise((r) => setImmediate(r));
    try {
      await step();
    } catch (err) {
      const key = err instanceof ImportFailure ? err.key : 'import.failed';
      if (!(err instanceof ImportFailure)) console.error(`import ${id} failed:`, err);
      await db
        .update(importJobs)
        .set({ status: 'failed', failure: key, updatedAt: sql`now()` })
        .where(eq(importJobs.id, id));
    }
  })();
  running.set(id, p);
  p.finally(() => running.delete(id));
}

/** A failure that is no row's problem (an unreadable file), shown to the user by its message key. */
export class ImportFailure extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

/**
 * The job, if the user uploaded it (imports are personal) and it is of the route's kind (each kind
 * has its own permission); 404 otherwise, like any record out of scope.
 */
export async function findOwnJob(ctx: Ctx, id: number, template: string, db: DbOrTx = ctx.db) {
  const [job] = await db
    .select({
      id: importJobs.id,
      template: importJobs.template,
      status: importJobs.status,
      headers: importJobs.headers,
      mapping: importJobs.mapping,
    })
    .from(importJobs)
    .where(
      and(eq(importJobs.id, id), eq(importJobs.createdBy, ctx.principal.userId), eq(importJobs.template, template)),
    );
  if (!job) throw new NotFoundError();
  return job;
}

/** Progress of the current step, written outside the step's transaction so the web sees it move. */
export function progress(db: DbOrTx, id: number, set: Partial<typeof importJobs.$inferInsert>) {
  return db
    .update(importJobs)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(importJobs.id, id));
}
