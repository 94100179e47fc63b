import fc from 'fast-check';
import {
  arbitraryFor,
  encodeValue,
  HOSTILE,
  HOSTILE_BODIES,
  HOSTILE_PATH_SEGMENTS,
  type JsonSchema,
  type Known,
  mutateLeaf,
  objectOf,
} from './arbitraries.ts';

interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}
interface OpenApiOperation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/** One operation of the OpenAPI document, with the route key the test fixtures use ('PUT /api/quotes/:id'). */
export interface Operation {
  method: string;
  path: string;
  routeKey: string;
  parameters: Parameter[];
  body?: JsonSchema;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const m = method.toUpperCase();
      ops.push({
        method: m,
        path,
        routeKey: `${m} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return ops;
}

export type Body = { json: unknown } | { text: string; contentType: string } | undefined;

/** A generated request: the URL is ready to send (path and query encoded). */
export interface FuzzRequest {
  method: string;
  url: string;
  body: Body;
}

export interface OperationContext {
  known: Known;
  /** Ids that exist for the route's `:id` (its resource's fixture), tried most often. */
  pathIds: number[];
  /** Plausible values of other path parameters (e.g. policy keys). */
  pathValues: Record<string, string[]>;
  /** A valid body for the route, if the scope fixtures give one. */
  validBody?: (version: number) => unknown;
}

function queryString(values: Record<string, unknown> | null): string {
  const parts: string[] = [];
  // oneBad() of an empty object (every parameter optional, none drawn) may make the root itself
  // hostile (null, a string…): a query string cannot carry a root value, so that is no query.
  if (values === null || typeof values !== 'object') return '';
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    const items = Array.isArray(v) ? v : [v];
    for (const item of items) {
      const s = typeof item === 'string' ? item : typeof item === 'object' ? JSON.stringify(item) : String(item);
      parts.push(`${encodeURIComponent(k)}=${encodeValue(s)}`);
    }
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

function pathArb(op: Operation, ctx: OperationContext): fc.Arbitrary<string> {
  const params = op.parameters.filter((p) => p.in === 'path');
  const segment = (p: Parameter): fc.Arbitrary<string> => {
    const plausible =
      p.name === 'id'
        ? fc.constantFrom(...[...ctx.pathIds, ...ctx.known.ids.slice(0, 3)].map(String))
        : fc.constantFrom(...(ctx.pathValues[p.name] ?? ['x'])).map(encodeValue);
    return fc.oneof(
      { weight: 6, arbitrary: plausible },
      { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_PATH_SEGMENTS) },
    );
  };
  if (params.length === 0) return fc.constant(op.path);
  return fc
    .tuple(...params.map(segment))
    .map((values) => params.reduce((path, p, i) => path.replace(`{${p.name}}`, values[i]), op.path));
}

function queryArb(op: Operation, ctx: OperationContext): fc.Arbitrary<string> {
  const params = op.parameters.filter((p) => p.in === 'query');
  if (params.length === 0) return fc.constant('');
  const schema: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
  return fc
    .oneof(
      objectOf(schema, ctx.known, true),
      oneBad(objectOf(schema, ctx.known, false)) as fc.Arbitrary<Record<string, unknown>>,
    )
    .map(queryString);
}

/** A plausible value with one leaf (or none) made hostile. */
function oneBad(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.nat(), fc.constantFrom(...HOSTILE), fc.nat(3))
    .map(([value, pick, bad, keep]) => (keep === 0 ? value : mutateLeaf(value, pick, bad)));
}

function bodyArb(op: Operation, ctx: OperationContext): fc.Arbitrary<Body> {
  if (!op.body) return fc.constant(undefined);
  const json = (a: fc.Arbitrary<unknown>) => a.map((value) => ({ json: value }));
  // Hostile spots anywhere; or plausible with one bad field, which gets past more validation.
  const spotted = { weight: 3, arbitrary: json(arbitraryFor(op.body, '', ctx.known, true)) };
  const plausible = { weight: 4, arbitrary: json(oneBad(arbitraryFor(op.body, '', ctx.known, false))) };
  const raw = { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_BODIES) };
  if (!ctx.validBody) return fc.oneof(spotted, plausible, raw);
  // A body the fixtures know to be valid, with one bad field (or none): reaches the service.
  const valid = ctx.validBody;
  const fixture = { weight: 4, arbitrary: json(oneBad(fc.constantFrom(1, 2, 3).map((v) => valid(v)))) };
  return fc.oneof(spotted, plausible, raw, fixture);
}

/** Requests for one operation: plausible values with hostile spots, hostile ids and bodies. */
export function requestsFor(op: Operation, ctx: OperationContext, seed: number, count: number): FuzzRequest[] {
  const arb = fc
    .tuple(pathArb(op, ctx), queryArb(op, ctx), bodyArb(op, ctx))
    .map(([path, query, body]) => ({ method: op.method, url: path + query, body }));
  return fc.sample(arb, { seed, numRuns: count });
}
