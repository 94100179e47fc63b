import type { ForecastInput, ForecastListQuery, ForecastUpdate } from '@sales/core';
import Decimal from 'decimal.js';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { type FieldIssue, ValidationError } from '../../platform/errors/errors.ts';
import { cappedCount, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { measure } from '../analytics/index.ts';
import { productCategories } from '../products/products.schema.ts';
import { findForecast, ownerScope } from './research.access.ts';
import { periodRange } from './research.periods.ts';
import { marketForecasts } from './research.schema.ts';
import './research.messages.ts';

const ENTITY = 'market_forecast';
const QTYS = [
  ['marketDemand', 'research.forecast.market_demand_required'],
  ['demandPotential', 'research.forecast.demand_potential_required'],
  ['salesPotential', 'research.forecast.sales_potential_required'],
] as const;

/**
 * Seed 000 4.1.2 b: the sales company forecasts THREE quantities — demand, demand potential and
 * our sales potential. Each missing one is its own field error; all are reported at once.
 */
export function checkForecast(input: ForecastInput): FieldIssue[] {
  const issues: FieldIssue[] = QTYS.filter(([f]) => !input[f]).map(([field, code]) => ({ field, code }));
  if (!issues.length && new Decimal(input.demandPotential as string).lt(input.marketDemand as string))
    issues.push({ field: 'demandPotential', code: 'research.forecast.potential_below_demand' });
  return issues;
}

async function assertValid(tx: Tx, input: ForecastInput, exceptId?: number) {
  const issues = checkForecast(input);
  const [cat] = await tx
    .select({ id: productCategories.id })
    .from(productCategories)
    .where(eq(productCategories.id, input.categoryId));
  if (!cat) issues.push({ field: 'categoryId', code: 'research.category_invalid' });
  const [dup] = await tx
    .select({ id: marketForecasts.id })
    .from(marketForecasts)
    .where(
      and(
        eq(marketForecasts.period, input.period),
        eq(marketForecasts.categoryId, input.categoryId),
        eq(marketForecasts.region, input.region),
        exceptId ? sql`${marketForecasts.id} <> ${exceptId}` : undefined,
      ),
    );
  if (dup) issues.push({ field: 'region', code: 'research.forecast_exists' });
  if (issues.length) throw new ValidationError(issues);
}

const values = (input: ForecastInput) => ({
  period: input.period,
  categoryId: input.categoryId,
  region: input.region,
  marketDemand: input.marketDemand as string,
  demandPotential: input.demandPotential as string,
  salesPotential: input.salesPotential as string,
  note: input.note,
});
const FIELDS = ['period', 'categoryId', 'region', 'marketDemand', 'demandPotential', 'salesPotential', 'note'] as const;

/** Records a forecast of one period, product line and region. */
export async function createForecast(ctx: Ctx, input: ForecastInput) {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727031, ${input.categoryId})`);
    await assertValid(tx, input);
    const v = values(input);
    const [row] = await tx
      .insert(marketForecasts)
      .values({
        ...v,
        ownerId: ctx.principal.userId,
        ownerDeptId: ctx.principal.deptId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    await recordAudit(tx, ctx, {
      entityType: ENTITY,
      entityId: row.id,
      action: 'create',
      changes: FIELDS.map((f) => ({ field: f, old: null, new: v[f] })),
    });
    return row;
  });
}

/** Corrects a forecast in scope. */
export async function updateForecast(ctx: Ctx, id: number, input: ForecastUpdate) {
  return ctx.db.transaction(async (tx) => {
    const f = await findForecast(ctx, id, tx, input.version);
    await tx.execute(sql`select pg_advisory_xact_lock(727031, ${input.categoryId})`);
    await assertValid(tx, input, id);
    const v = values(input);
    await tx
      .update(marketForecasts)
      .set({ ...v, version: f.version + 1, updatedAt: ctx.now() })
      .where(eq(marketForecasts.id, id));
    const same = (a: unknown, b: unknown) => (a === null || b === null ? a === b : String(a) === String(b));
    await recordAudit(tx, ctx, {
      entityType: ENTITY,
      entityId: id,
      action: 'update',
      changes: FIELDS.filter((k) => {
        const old = f[k];
        return k.endsWith('Demand') || k.endsWith('Potential')
          ? !new Decimal(String(old)).eq(String(v[k]))
          : !same(old, v[k]);
      }).map((k) => ({ field: k, old: f[k], new: v[k] })),
    });
  });
}

const forecastSelect = (ctx: Ctx) =>
  ctx.db
    .select({ f: marketForecasts, categoryName: productCategories.name, ownerName: users.name })
    .from(marketForecasts)
    .innerJoin(productCategories, eq(productCategories.id, marketForecasts.categoryId))
    .innerJoin(users, eq(users.id, marketForecasts.ownerId));
type Row = Awaited<ReturnType<ReturnType<typeof forecastSelect>['where']>>[number];

/**
 * The actual sales volume of each row's period, product line and region from the indicator engine
 * (analytics measure(), within the viewer's analytics scope); null when the viewer has no figures.
 */
async function withActuals(ctx: Ctx, rows: Row[]) {
  const actual = new Map<string, string>();
  if (can(ctx.principal, 'analytics.view')) {
    for (const period of new Set(rows.map((r) => r.f.period))) {
      const { from, to } = periodRange(period);
      const res = await measure(ctx.db, ctx, { measure: 'sales_volume', from, to, groupBy: ['category', 'region'] });
      for (const m of res) actual.set(`${period}|${m.keys.category}|${m.keys.region}`, m.value);
    }
  }
  const seesActuals = can(ctx.principal, 'analytics.view');
  return rows.map(({ f, ...rest }) => {
    const a = seesActuals ? (actual.get(`${f.period}|${f.categoryId}|${f.region}`) ?? '0') : null;
    return {
      ...f,
      ...rest,
      actualVolume: a,
      // Share of our sales potential reached so far (percent, 1 place), decimal arithmetic.
      potentialReached:
        a === null || new Decimal(f.salesPotential).isZero()
          ? null
          : new Decimal(a).div(f.salesPotential).mul(100).toDecimalPlaces(1).toString(),
      createdAt: f.createdAt.toISOString(),
      updatedAt: f.updatedAt.toISOString(),
    };
  });
}

/** Forecasts in scope, latest change first, each compared with the actual sales where known. */
export async function listForecasts(ctx: Ctx, q: ForecastListQuery) {
  const parts: SQL[] = [await ownerScope(ctx, 'research.view', marketForecasts.ownerId, marketForecasts.ownerDeptId)];
  if (q.period) parts.push(eq(marketForecasts.period, q.period));
  if (q.categoryId) parts.push(eq(marketForecasts.categoryId, q.categoryId));
  const where = and(...parts) as SQL;
  const [rows, count] = await Promise.all([
    forecastSelect(ctx)
      .where(where)
      .orderBy(...pageOrder(marketForecasts.updatedAt, 'desc', marketForecasts.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, marketForecasts, where),
  ]);
  return pageResult(await withActuals(ctx, rows), count, q);
}

/** One forecast in scope with its actuals. */
export async function getForecast(ctx: Ctx, id: number) {
  await findForecast(ctx, id);
  const rows = await forecastSelect(ctx).where(eq(marketForecasts.id, id));
  return (await withActuals(ctx, rows))[0];
}

/** The product lines (categories) a forecast may name, for the form. */
export async function forecastCategories(ctx: Ctx) {
  return ctx.db
    .select({ id: productCategories.id, name: productCategories.name })
    .from(productCategories)
    .orderBy(productCategories.name)
    .limit(500);
}
