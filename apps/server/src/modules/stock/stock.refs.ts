import type { Ctx } from '../../platform/context.ts';

/**
 * How a stock movement names the document behind it (送货单 DN-…) — and whether the viewer may
 * open it, so the list links only to records in the viewer's scope (issue 11: "送货单 #9" showed an
 * id and led a rep to a 404 page). Modules that move stock register their document type from
 * their index.ts, so stock never reads their tables.
 */
export type MovementRefResolver = (ctx: Ctx, ids: number[]) => Promise<Map<number, { no: string; visible: boolean }>>;

const resolvers = new Map<string, MovementRefResolver>();

export function registerMovementRef(refType: string, resolve: MovementRefResolver) {
  if (resolvers.has(refType)) throw new Error(`movement ref ${refType} registered twice`);
  resolvers.set(refType, resolve);
}

/** The number of each referenced document the viewer may see, keyed `type:id` (others are left out). */
export async function movementRefNumbers(ctx: Ctx, refs: { refType: string | null; refId: number | null }[]) {
  const byType = new Map<string, number[]>();
  for (const r of refs) {
    if (r.refType && r.refId !== null) byType.set(r.refType, [...(byType.get(r.refType) ?? []), r.refId]);
  }
  const out = new Map<string, string>();
  for (const [type, ids] of byType) {
    const resolve = resolvers.get(type);
    if (!resolve) continue;
    for (const [id, ref] of await resolve(ctx, [...new Set(ids)])) if (ref.visible) out.set(`${type}:${id}`, ref.no);
  }
  return out;
}
