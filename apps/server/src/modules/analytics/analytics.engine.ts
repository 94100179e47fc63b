import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { ForbiddenError, ValidationError } from '../../platform/errors/errors.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { type Dimension, MEASURE_DEFS, type Measure } from './analytics.measures.ts';
import { SUMMARIES, type Summary, type SummaryCol } from './analytics.summaries.ts';

export interface MeasureQuery {
  measure: Measure;
  /** 'YYYY-MM-DD', inclusive. */
  from: string;
  /** 'YYYY-MM-DD', inclusive. */
  to: string;
  groupBy?: Dimension[];
  /** The department and its whole subtree. */
  departmentId?: number;
  repId?: number;
  productId?: number;
  categoryId?: number;
  region?: string;
  channel?: string;
  customerId?: number;
  /** Funnel: one stage (pipeline_stages.id). */
  stageId?: number;
  /** Rankings: order by value, largest first, and keep this many groups. */
  top?: number;
  /** false: always read the facts (tests and the consistency check compare both paths). */
  monthly?: boolean;
}

export interface MeasureRow {
  keys: Record<string, string | number | null>;
  value: string;
}

const f = sql.raw('f');

/** The SQL key of a dimension over the fact row `f` (and its department `d`). */
function dimensionSql(dim: Dimension, basePath: string | null): SQL {
  switch (dim) {
    case 'day':
      return sql`to_char(f.fact_date, 'YYYY-MM-DD')`;
    case 'week':
      return sql`to_char(f.fact_date, 'IYYY-"W"IW')`;
    case 'month':
      return sql`to_char(f.fact_date, 'YYYY-MM')`;
    case 'quarter':
      return sql`to_char(f.fact_date, 'YYYY-"Q"Q')`;
    case 'half':
      return sql`to_char(f.fact_date, 'YYYY') || '-H' || case when extract(month from f.fact_date) <= 6 then '1' else '2' end`;
    case 'year':
      return sql`to_char(f.fact_date, 'YYYY')`;
    case 'department':
      // Roll-up once (SPEC 5.1): each fact counts in exactly one group — the child of the base
      // department (or the root) whose subtree holds the fact's department; the base itself keeps
      // the facts booked directly on it. Parents are never added to their children.
      return basePath === null
        ? sql`nullif(split_part(d.path, '/', 2), '')::int`
        : sql`case when d.path = ${basePath} then ${Number(basePath.split('/').filter(Boolean).pop())}
            else nullif(split_part(substr(d.path, ${basePath.length + 1}), '/', 1), '')::int end`;
    case 'rep':
      return sql`f.rep_id`;
    case 'product':
      return sql`f.product_id`;
    case 'category':
      return sql`f.category_id`;
    case 'region':
      return sql`f.region`;
    case 'channel':
      return sql`f.channel`;
    case 'stage':
      return sql`case when f.kind = 'stage' then f.sub::int end`;
    case 'kind':
      return sql`f.kind`;
  }
}

function valueSql(m: Measure, monthly = false): SQL {
  const def = MEASURE_DEFS[m];
  if (def.value === 'margin' && monthly) return sql`coalesce(sum(f.margin_net - f.cost), 0)::numeric(20,2)::text`;
  switch (def.value) {
    case 'amount':
      return sql`coalesce(sum(f.amount), 0)::numeric(20,2)::text`;
    case 'net_amount':
      return sql`coalesce(sum(f.net_amount), 0)::numeric(20,2)::text`;
    case 'qty':
      return sql`trim_scale(coalesce(sum(f.qty), 0))::text`;
    case 'n':
      return sql`coalesce(sum(f.n), 0)::text`;
    case 'margin':
      return sql`coalesce(sum(f.net_amount - f.cost) filter (where f.cost is not null), 0)::numeric(20,2)::text`;
  }
}

/**
 * What each dimension needs of a monthly summary row: nothing beyond (month, kind, rep, department),
 * one of the summaries' own columns, or — day / week / customer — the facts themselves.
 */
const MONTHLY_DIMS: Partial<Record<Dimension, SummaryCol | null>> = {
  month: null,
  quarter: null,
  half: null,
  year: null,
  department: null,
  rep: null,
  kind: null,
  channel: 'channel',
  stage: 'sub',
  product: 'product_id',
  category: 'category_id',
  region: 'region',
};

/**
 * The maintained monthly summary that answers `q`, or null: whole months whose groupings and filters
 * are all columns of one summary (analytics.summaries.ts: sub / channel, product / category, or
 * region) are read from it (ARCHITECTURE: instant figures at scale, B8); anything finer — days,
 * weeks, customers, or dimensions of two summaries at once — from the facts. Both answer the same
 * (analytics.test.ts).
 */
export function monthlySummary(q: MeasureQuery): Summary | null {
  const monthStart = /^\d{4}-\d{2}-01$/.test(q.from);
  const next = new Date(`${q.to}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const monthEnd = next.getUTCDate() === 1;
  if (!monthStart || !monthEnd || q.customerId !== undefined) return null;
  const needed = new Set<SummaryCol>();
  for (const d of q.groupBy ?? []) {
    const col = MONTHLY_DIMS[d];
    if (col === undefined) return null;
    if (col) needed.add(col);
  }
  if (MEASURE_DEFS[q.measure]?.sub !== undefined || q.stageId !== undefined) needed.add('sub');
  if (q.channel !== undefined) needed.add('channel');
  if (q.productId !== undefined) needed.add('product_id');
  if (q.categoryId !== undefined) needed.add('category_id');
  if (q.region !== undefined) needed.add('region');
  return SUMMARIES.find((s) => [...needed].every((c) => (s.cols as readonly SummaryCol[]).includes(c))) ?? null;
}

/** Whether `q` is read from a maintained monthly summary rather than the facts. */
export function fitsMonthly(q: MeasureQuery): boolean {
  return monthlySummary(q) !== null;
}

/** Departments are joined only when a department filter or grouping needs their paths. */
export function needsDepartments(dims: Dimension[], basePath: string | null) {
  return basePath !== null || dims.includes('department');
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The path of a department ('/1/4/'), or a field error when it does not exist. */
async function departmentPath(db: DbOrTx, id: number): Promise<string> {
  const r = await db.execute<{ path: string }>(sql`select path from departments where id = ${id}`);
  if (!r.rows[0]) throw ValidationError.field('departmentId', 'analytics.department_unknown');
  return r.rows[0].path;
}

/** The WHERE of a query over facts `f` joined to departments `d`: scope, measure, period, filters. */
export async function factWhere(db: DbOrTx, ctx: Pick<Ctx, 'db' | 'principal'>, q: MeasureQuery) {
  const def = MEASURE_DEFS[q.measure];
  if (!def) throw ValidationError.field('measure', 'analytics.measure_unknown');
  if (!ISO.test(q.from)) throw ValidationError.field('from', 'validation.date');
  if (!ISO.test(q.to)) throw ValidationError.field('to', 'validation.date');
  if (q.from > q.to) throw ValidationError.field('from', 'analytics.period_invalid');
  if (def.needs && !ctx.principal.grants.has(def.needs)) throw new ForbiddenError();
  const scope = await resolveScope(ctx, 'analytics.view');
  const basePath = q.departmentId === undefined ? null : await departmentPath(db, q.departmentId);
  const parts: SQL[] = [
    scopeWhere(scope, sql`f.rep_id`, sql`f.dept_id`),
    sql`f.kind in (${sql.join(
      def.kinds.map((k) => sql`${k}`),
      sql`, `,
    )})`,
    sql`f.fact_date between ${q.from}::date and ${q.to}::date`,
  ];
  if (def.sub) parts.push(sql`f.sub = ${def.sub}`);
  if (basePath !== null) parts.push(sql`d.path like ${`${basePath}%`}`);
  if (q.repId !== undefined) parts.push(sql`f.rep_id = ${q.repId}`);
  if (q.productId !== undefined) parts.push(sql`f.product_id = ${q.productId}`);
  if (q.categoryId !== undefined) parts.push(sql`f.category_id = ${q.categoryId}`);
  if (q.region !== undefined) parts.push(sql`f.region = ${q.region}`);
  if (q.channel !== undefined) parts.push(sql`f.channel = ${q.channel}`);
  if (q.customerId !== undefined) parts.push(sql`f.customer_id = ${q.customerId}`);
  if (q.stageId !== undefined) parts.push(sql`f.sub = ${String(q.stageId)}`);
  return { where: sql.join(parts, sql` and `), basePath };
}

/**
 * THE indicator engine (SPEC 5.1): the value of `q.measure` over [from, to], grouped by the given
 * dimensions, within the viewer's data scope (analytics.view: own / department tree / all, over the
 * rep and department credited at booking time). Values are decimal strings; with no groupBy the
 * answer is one row with empty keys (0 when nothing was booked).
 */
export async function measure(db: DbOrTx, ctx: Pick<Ctx, 'db' | 'principal'>, q: MeasureQuery): Promise<MeasureRow[]> {
  const dims = q.groupBy ?? [];
  const { where, basePath } = await factWhere(db, ctx, q);
  const summary = q.monthly === false ? null : monthlySummary(q);
  const monthly = summary !== null;
  const table = sql.raw(summary?.table ?? 'analytics_facts');
  const v = valueSql(q.measure, monthly);
  const positions = sql.join(
    dims.map((_, i) => sql.raw(String(i + 1))),
    sql`, `,
  );
  const keyCols = dims.map((dim, i) => sql`${dimensionSql(dim, basePath)} as ${sql.raw(`k${i}`)}`);
  const select = sql.join([...keyCols, sql`${v} as v`], sql`, `);
  const groupBy = dims.length ? sql` group by ${positions}` : sql``;
  const def = MEASURE_DEFS[q.measure];
  const ranked =
    def.value === 'margin' ? (monthly ? 'f.margin_net - f.cost' : 'f.net_amount - f.cost') : `f.${def.value}`;
  const orderBy =
    q.top !== undefined
      ? sql` order by sum(${sql.raw(ranked)}) desc nulls last limit ${q.top}`
      : dims.length
        ? sql` order by ${positions}`
        : sql``;
  const join = needsDepartments(dims, basePath) ? sql` left join departments d on d.id = f.dept_id` : sql``;
  const res = await db.execute<Record<string, string | number | null>>(
    sql`select ${select} from ${table} ${f}${join} where ${where}${groupBy}${orderBy}`,
  );
  return res.rows.map((r) => ({
    keys: Object.fromEntries(dims.map((dim, i) => [dim, r[`k${i}`] ?? null])),
    value: String(r.v),
  }));
}
