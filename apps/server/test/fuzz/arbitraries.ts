import fc from 'fast-check';

/** The part of JSON Schema (as @fastify/swagger renders our zod schemas) the generator reads. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
}

const nested = (depth: number): unknown => (depth === 0 ? 'deep' : [nested(depth - 1)]);

/**
 * Values an attacker or a broken client sends: NUL and lone surrogates, numbers beyond every
 * column range, full-width digits, empty and very long strings, impossible dates, wrong types and
 * deep nesting. Any of them may replace any field.
 */
export const HOSTILE: readonly unknown[] = [
  null,
  '',
  '   ',
  '\u0000',
  'NUL测试\u0000有限公司',
  '\ud800',
  'a\udc00b',
  '１２３',
  'abc',
  '1abc',
  '12,345.00',
  '-1',
  '0',
  '1e999',
  'NaN',
  '99999999999999999999',
  '9999999999999999.99',
  '0.001',
  "' or 1=1 --",
  '<script>alert(1)</script>',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  'x'.repeat(20_000),
  '測試'.repeat(3_000),
  0,
  -1,
  1.5,
  2147483647,
  2147483648,
  2 ** 53,
  1e20,
  -1e20,
  1e308,
  true,
  false,
  [],
  {},
  [null],
  { a: 1 },
  nested(300),
];

/** Path segments that name no record or are not ids at all (already percent-encoded). */
export const HOSTILE_PATH_SEGMENTS: readonly string[] = [
  '0',
  '-1',
  '2147483648',
  '9007199254740993',
  '99999999999999999999',
  'abc',
  '1.5',
  '1e3',
  '%00',
  '%ED%A0%80',
  '%EF%BC%91',
  '%20',
];

/** Whole request bodies that are not what any route expects. */
export const HOSTILE_BODIES: readonly { text: string; contentType: string }[] = [
  { text: '{"a":', contentType: 'application/json' },
  { text: '', contentType: 'application/json' },
  { text: 'null', contentType: 'application/json' },
  { text: '[]', contentType: 'application/json' },
  { text: '"\\u0000"', contentType: 'application/json' },
  { text: '{"__proto__":{"admin":true}}', contentType: 'application/json' },
  { text: '{"constructor":{"prototype":{"admin":true}}}', contentType: 'application/json' },
  { text: 'name=x', contentType: 'application/x-www-form-urlencoded' },
  { text: '<a/>', contentType: 'text/xml' },
];

export interface Known {
  /** Ids of records that exist (fixtures), so valid-ish requests reach the services. */
  ids: number[];
}

const BASE_DAY = Date.UTC(2026, 4, 1);
const isoDay = (offset: number) => new Date(BASE_DAY + offset * 86_400_000).toISOString().slice(0, 10);

/** A plausible string for a field, judged by its name (the schemas' refinements are not in the document). */
function plausibleString(name: string, s: JsonSchema): fc.Arbitrary<string> {
  const n = name.toLowerCase();
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern), { size: 'xsmall' });
  if (/date|from$|to$|asof|until|since|day$/.test(n)) return fc.integer({ min: -400, max: 400 }).map(isoDay);
  // Mostly ordinary amounts and quantities; the largest the columns hold now and then.
  if (/amount|price|limit|budget|cost|fee|total|tendered|value|balance/.test(n))
    return fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('0.00', '1.00', '100.00', '12345.67', '0.5') },
      { weight: 1, arbitrary: fc.constant('9999999999999999.99') },
    );
  if (/qty|quantity/.test(n))
    return fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('1', '2', '0.5', '3') },
      { weight: 1, arbitrary: fc.constantFrom('10000', '99999999999999.9999') },
    );
  if (/percent|discount|rate/.test(n)) return fc.constantFrom('0', '10', '99.99', '100');
  if (/mobile|phone/.test(n)) return fc.constantFrom('13800138000', '13912345678', '021-12345678');
  if (/email/.test(n)) return fc.constantFrom('fuzz@example.com', 'a@b.cn');
  if (/creditcode|taxno/.test(n)) return fc.constantFrom('91350100M000100Y43', '91350100M000100Y44');
  if (/idnumber/.test(n)) return fc.constantFrom('110105194912310021', '11010519491231002X');
  if (/password/.test(n)) return fc.constantFrom('Fuzz12345678', 'short');
  const words = fc.constantFrom('测试', '模糊测试客户有限公司', 'Fuzz', '上海', 'a', '备注 remark');
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 40, 40);
  return fc
    .oneof(words, fc.string({ minLength: min, maxLength: Math.max(min, max) }))
    .map((v) => (v.length < min ? v.padEnd(min, '测') : v).slice(0, s.maxLength ?? v.length));
}

function plausibleNumber(name: string, s: JsonSchema, known: Known, integer: boolean): fc.Arbitrary<number> {
  if (/ids?$/i.test(name)) return fc.constantFrom(...known.ids);
  if (name === 'version') return fc.constantFrom(0, 1, 2, 3);
  const exclusive = s.exclusiveMinimum === true ? 1 : 0;
  const min = Math.max(s.minimum ?? -1000, -1000) + exclusive;
  const max = Math.min(s.maximum ?? 1000, 1000);
  return integer
    ? fc.integer({ min, max: Math.max(min, max) })
    : fc.double({ min, max: Math.max(min, max), noNaN: true });
}

/** Plausible, or (when `hostile`) replaced by a hostile value one time in ten. */
function leaf(valid: fc.Arbitrary<unknown>, s: JsonSchema, hostile: boolean): fc.Arbitrary<unknown> {
  const arbs = [{ weight: 9, arbitrary: valid }];
  if (hostile) arbs.push({ weight: 1, arbitrary: fc.constantFrom(...HOSTILE) });
  if (s.nullable) arbs.push({ weight: 1, arbitrary: fc.constant(null) });
  return fc.oneof(...arbs);
}

/**
 * An arbitrary for a value of the schema (named `name` in its parent): plausible values, with
 * hostile spots when `hostile` (a plausible value with one bad field comes from mutateLeaf).
 */
export function arbitraryFor(
  s: JsonSchema,
  name: string,
  known: Known,
  hostile: boolean,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return leaf(fc.constant(s.const), s, hostile);
  if (s.enum) return leaf(fc.constantFrom(...s.enum), s, hostile);
  if (s.anyOf) return fc.oneof(...s.anyOf.map((a) => arbitraryFor(a, name, known, hostile, depth)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return leaf(plausibleString(name, s), s, hostile);
    case 'integer':
    case 'number':
      return leaf(plausibleNumber(name, s, known, type === 'integer'), s, hostile);
    case 'boolean':
      return leaf(fc.boolean(), s, hostile);
    case 'array': {
      const min = s.minItems ?? 0;
      const item = depth > 6 ? fc.constant(null) : arbitraryFor(s.items ?? {}, name, known, hostile, depth + 1);
      const max = Math.max(min, Math.min(s.maxItems ?? 3, 3));
      return leaf(fc.array(item, { minLength: min, maxLength: max }), s, hostile);
    }
    case 'object':
      return leaf(objectOf(s, known, hostile, depth), s, hostile);
    default:
      return fc.constantFrom(...HOSTILE);
  }
}

/** An object with every required property and some optional ones. */
export function objectOf(
  s: JsonSchema,
  known: Known,
  hostile: boolean,
  depth = 0,
): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(s.properties ?? {});
  if (props.length === 0 || depth > 6) return fc.constant({});
  const model = Object.fromEntries(props.map(([k, p]) => [k, arbitraryFor(p, k, known, hostile, depth + 1)]));
  return fc.record(model, { requiredKeys: s.required ?? [] }) as fc.Arbitrary<Record<string, unknown>>;
}

/** Replaces one leaf of a valid body (chosen by `pick`) with a hostile value. */
export function mutateLeaf(body: unknown, pick: number, value: unknown): unknown {
  const leaves: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, [...path, i]);
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    else leaves.push(path);
  };
  walk(body, []);
  if (leaves.length === 0) return value;
  const path = leaves[pick % leaves.length];
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]] = value;
  return copy;
}

/** Percent-encodes a query or path value; a lone surrogate becomes its (invalid) UTF-8 bytes. */
export function encodeValue(v: string): string {
  let out = '';
  for (const ch of v) {
    const c = ch.charCodeAt(0);
    out += ch.length === 1 && c >= 0xd800 && c <= 0xdfff ? '%ED%A0%80' : encodeURIComponent(ch);
  }
  return out;
}
