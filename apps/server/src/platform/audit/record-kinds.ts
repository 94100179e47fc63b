import type { DbOrTx } from '../../db/client.ts';

/**
 * How the access log names the records of one entity type (a customer by number and name, a
 * contact by name…) and finds them by name or number. Modules register their kinds from index.ts,
 * so the platform never reads a module's tables.
 */
export interface RecordKind {
  entityType: string;
  /** Display names of the given records (missing ids are left out). */
  labels(db: DbOrTx, ids: number[]): Promise<Map<number, string>>;
  /** Ids of the records whose name or number matches `text` (at most `limit`). */
  find(db: DbOrTx, text: string, limit: number): Promise<number[]>;
}

const kinds = new Map<string, RecordKind>();

export function registerRecordKind(kind: RecordKind) {
  if (kinds.has(kind.entityType)) throw new Error(`record kind ${kind.entityType} registered twice`);
  kinds.set(kind.entityType, kind);
}

export function recordKind(entityType: string): RecordKind | undefined {
  return kinds.get(entityType);
}

/** The entity types the access log can name and search. */
export function recordKindTypes(): string[] {
  return [...kinds.keys()];
}
