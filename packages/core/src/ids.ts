import { z } from 'zod';

/**
 * Record ids on the wire. An id must fit the column it is looked up in: PostgreSQL refuses a
 * parameter outside the column's range with an error, so an oversized id must be refused here —
 * as a field error in a body or query, and as "no such record" (404) in a path.
 *
 * - `integer` id columns (users, departments, roles, pools, pipelines, price lists, warehouses,
 *   product categories, contract templates, duty groups, approval rules): 1 … 2³¹ − 1.
 * - `bigint` id columns (customers and every business document): ids are JS numbers
 *   (Drizzle `mode: 'number'`), exact up to 2⁵³ − 1.
 */
export const INT_ID_MAX = 2_147_483_647;
export const BIGINT_ID_MAX = Number.MAX_SAFE_INTEGER;

export type IdColumn = 'integer' | 'bigint';
const maxOf = (column: IdColumn) => (column === 'integer' ? INT_ID_MAX : BIGINT_ID_MAX);

// The message is a catalog key: the server's error handler shows its translation.
const ID_KEY = 'validation.id';

/** An id in a JSON body (a number). */
export const idOf = (column: IdColumn) => z.number().int(ID_KEY).positive(ID_KEY).max(maxOf(column), ID_KEY);

/** An id in a query string (a decimal string, coerced). */
export const queryIdOf = (column: IdColumn) =>
  z.coerce.number(ID_KEY).int(ID_KEY).positive(ID_KEY).max(maxOf(column), ID_KEY);

/** An id of an `integer` column in a body (users, departments, roles, pools, warehouses…). */
export const IntId = idOf('integer');
/** An id of a `bigint` column in a body (customers, quotes, orders, payments…). */
export const BigId = idOf('bigint');
/** Query-string forms of the two. */
export const QueryIntId = queryIdOf('integer');
export const QueryBigId = queryIdOf('bigint');

/** A comma-separated id list in a query string ('1,2,3'), each an id of the column. */
export const queryIdListOf = (column: IdColumn, max: number) =>
  z
    .string()
    .regex(/^\d{1,20}(,\d{1,20})*$/, ID_KEY)
    .transform((v) => v.split(',').map(Number))
    .pipe(z.array(idOf(column)).max(max));

// A path id that is a number but outside the column's range names no record: the error handler
// answers it like any unknown id (404), so a path never reveals more than "not found".
export const PATH_ID_NOT_FOUND = 'not_found';

/** The `:id` path parameter of a route over a table with the given id column. */
export const idParamsOf = (column: IdColumn) =>
  z.object({
    id: z.coerce.number(ID_KEY).int(ID_KEY).positive(PATH_ID_NOT_FOUND).max(maxOf(column), PATH_ID_NOT_FOUND),
  });

/** `:id` of a route over an `integer`-id table. */
export const IntIdParams = idParamsOf('integer');
/** `:id` of a route over a `bigint`-id table. */
export const BigIdParams = idParamsOf('bigint');

/** Optimistic-lock version (an `integer` column). */
export const VersionNo = z.number().int().min(1).max(INT_ID_MAX);
/** The same in a query string (DELETE …?version=). */
export const QueryVersionNo = z.coerce.number().int().min(1).max(INT_ID_MAX);
