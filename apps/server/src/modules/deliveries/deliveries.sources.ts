import type { DbOrTx } from '../../db/client.ts';

/** The numbers of some documents of one kind, by id. */
type SourceNumbers = (db: DbOrTx, ids: number[]) => Promise<Map<number, string>>;

const sources = new Map<string, SourceNumbers>();

/**
 * A kind of document a replacement note is made for (a complaint's decision, a sales return's
 * exchange), registered by the module that owns it: the note's history shows the document's number,
 * never `sales_return:8` (issue 11: no raw values).
 */
export function registerReplacementSource(type: string, numbers: SourceNumbers) {
  if (sources.has(type)) throw new Error(`replacement source ${type} registered twice`);
  sources.set(type, numbers);
}

/** The number of a replacement note's source document, or null when unknown. */
export async function replacementSourceNo(db: DbOrTx, type: string, id: number): Promise<string | null> {
  const numbers = sources.get(type);
  return numbers ? ((await numbers(db, [id])).get(id) ?? null) : null;
}
