import type { Ctx } from '../../platform/context.ts';
import { ForbiddenError } from '../../platform/errors/errors.ts';

/** One of a customer's documents as its timeline shows it. */
export interface TimelineDocument {
  id: number;
  no: string;
  /** Decimal string (money on the wire), null for documents without an amount (delivery notes). */
  amount: string | null;
  status: string;
}

/**
 * A kind of document of a customer (quote, order, delivery note, payment, invoice) that the
 * customer's timeline shows (SPEC 2.4: follow-ups, visits, quotes, orders, payments … in one view).
 * Each module registers its source from its index.ts, so the customers module never reads another
 * module's tables.
 */
export interface TimelineSource {
  /** The audit-trail entity type of the documents, e.g. 'quote'. */
  entityType: string;
  /** The audit actions that create a document of this kind (default 'create'). */
  createActions?: string[];
  /**
   * The customer's documents the viewer may see, through the module's own scoped query (SPEC 1.2:
   * a document out of scope does not exist for them), newest first, at most `limit`.
   */
  documents(ctx: Ctx, customerId: number, limit: number): Promise<TimelineDocument[]>;
}

const sources: TimelineSource[] = [];

/** Adds a document source to every customer's timeline. */
export function registerTimelineSource(source: TimelineSource) {
  if (sources.some((s) => s.entityType === source.entityType))
    throw new Error(`timeline source ${source.entityType} registered twice`);
  sources.push(source);
}

/** Each source's documents of a customer visible to the viewer (none for a kind they may not view at all). */
export async function timelineDocuments(ctx: Ctx, customerId: number, limit: number) {
  return Promise.all(
    sources.map(async (s) => ({
      entityType: s.entityType,
      createActions: s.createActions ?? ['create'],
      documents: await s.documents(ctx, customerId, limit).catch((err: unknown) => {
        // No role grants the view permission at all: the viewer sees none of these documents.
        if (err instanceof ForbiddenError) return [];
        throw err;
      }),
    })),
  );
}
