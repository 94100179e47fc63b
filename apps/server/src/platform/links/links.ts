import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../context.ts';
import { ForbiddenError, NotFoundError } from '../errors/errors.ts';

/**
 * The documents of the sales chain that link to each other (issue 11 item 3): opportunity → quote
 * → contract → order → delivery note → invoice → payment.
 */
export const LINKED_TYPES = [
  'opportunity',
  'quote',
  'contract',
  'order',
  'delivery',
  'invoice',
  'payment',
  // After the sale (issue 12): a service ticket about a delivered line.
  'service_ticket',
] as const;
export type LinkedType = (typeof LINKED_TYPES)[number];

/**
 * A linked document as a detail page shows it. Outside the viewer's scope only its number is
 * given (SPEC 1.2: no fields of a record one may not see): no id to link to, no name, no status.
 */
export interface LinkedDoc {
  type: LinkedType;
  id: number | null;
  no: string;
  name: string | null;
  status: string | null;
}

/** What a document kind tells about some of its documents. */
export interface DescribedDoc {
  id: number;
  no: string;
  name: string | null;
  status: string;
  /** Whether the viewer may open it: decided by the module's own scope helper. */
  visible: boolean;
}

/** A kind of document that takes part in links; registered by the module that owns it. */
export interface LinkedKind {
  type: LinkedType;
  describe(ctx: Ctx, ids: number[]): Promise<DescribedDoc[]>;
}

/**
 * "`to` documents are made from `from` documents", registered by the module whose table holds the
 * reference (so each module reads only its own tables). Both directions answer at most `limit`
 * ids, newest first, through an index on the reference.
 */
export interface LinkEdge {
  from: LinkedType;
  to: LinkedType;
  /** The `to` documents made from the `from` document `id`. */
  followUps(db: DbOrTx, id: number, limit: number): Promise<number[]>;
  /** The `from` documents the `to` document `id` was made from. */
  sources(db: DbOrTx, id: number, limit: number): Promise<number[]>;
}

const kinds = new Map<LinkedType, LinkedKind>();
const edges: LinkEdge[] = [];

/** Registers a document kind for the links of every detail page. */
export function registerLinkedKind(kind: LinkedKind) {
  if (kinds.has(kind.type)) throw new Error(`linked kind ${kind.type} registered twice`);
  kinds.set(kind.type, kind);
}

/** Registers a "made from" relation between two kinds of document. */
export function registerLinkEdge(edge: LinkEdge) {
  if (edges.some((e) => e.from === edge.from && e.to === edge.to))
    throw new Error(`link edge ${edge.from} → ${edge.to} registered twice`);
  edges.push(edge);
}

/**
 * A module's scope filter, or `false` when no role of the viewer grants the view permission at
 * all: such documents are shown as numbers only, never as an error.
 */
export async function scopeOrNone(scope: Promise<SQL>): Promise<SQL> {
  return scope.catch((err: unknown) => {
    if (err instanceof ForbiddenError) return sql`false`;
    throw err;
  });
}

/** The most documents of one kind shown on either side of a detail page. */
export const LINKS_PER_KIND = 20;

async function describeAll(ctx: Ctx, refs: { type: LinkedType; id: number }[]): Promise<LinkedDoc[]> {
  const byType = new Map<LinkedType, number[]>();
  for (const r of refs) byType.set(r.type, [...(byType.get(r.type) ?? []), r.id]);
  const described = new Map<string, DescribedDoc>();
  for (const [type, ids] of byType) {
    const kind = kinds.get(type);
    if (!kind) throw new Error(`linked kind ${type} is not registered`);
    for (const d of await kind.describe(ctx, [...new Set(ids)])) described.set(`${type}:${d.id}`, d);
  }
  return refs.flatMap((r): LinkedDoc[] => {
    const d = described.get(`${r.type}:${r.id}`);
    if (!d) return [];
    return d.visible
      ? [{ type: r.type, id: d.id, no: d.no, name: d.name, status: d.status }]
      : [{ type: r.type, id: null, no: d.no, name: null, status: null }];
  });
}

/**
 * The documents a document was made from and those made from it (issue 11 item 3), in chain
 * order. 404 when the document itself is unknown or outside the viewer's scope.
 */
export async function documentLinks(ctx: Ctx, type: LinkedType, id: number) {
  const [self] = await describeAll(ctx, [{ type, id }]);
  if (!self || self.id === null) throw new NotFoundError();
  const chain = (t: LinkedType) => LINKED_TYPES.indexOf(t);
  // A handful of single-row index reads, one after another: a detail page's links cost about a
  // millisecond each and hold one pooled connection at a time.
  const sources: { type: LinkedType; id: number }[] = [];
  for (const e of edges.filter((e) => e.to === type).sort((a, b) => chain(a.from) - chain(b.from)))
    for (const i of await e.sources(ctx.db, id, LINKS_PER_KIND)) sources.push({ type: e.from, id: i });
  const followUps: { type: LinkedType; id: number }[] = [];
  for (const e of edges.filter((e) => e.from === type).sort((a, b) => chain(a.to) - chain(b.to)))
    for (const i of await e.followUps(ctx.db, id, LINKS_PER_KIND)) followUps.push({ type: e.to, id: i });
  return { sources: await describeAll(ctx, sources), followUps: await describeAll(ctx, followUps) };
}
