/** Renders the B8 section of docs/benchmarks.md. */
import type { B8Result } from './b8.ts';
import type { Machine } from './machine.ts';
import { int, ms, ratio } from './stats.ts';

const lat = (s: { p50: number; p95: number; p99: number }) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`;

export function b8Section(r: B8Result, m: Machine, command: string): string {
  const c = r.counts;
  const rows = r.cases
    .map(
      (x) =>
        `| ${x.case.label} | ${lat(x.api)} | ${lat(x.sql)} | **${ratio(x.api.p50, x.sql.p50)}** | ${x.statements} | ${x.salesAmount} |`,
    )
    .join('\n');
  const worstP95 = Math.max(...r.cases.map((x) => x.api.p95));
  const worstRatio = Math.max(...r.cases.map((x) => x.api.p50 / x.sql.p50));
  return `## B8 — the monthly dashboard (indicator engine, issue 13)

Measured ${m.date} on the machine above (load average at start ${m.loadAvg}), database ${m.database},
PostgreSQL ${m.postgres}, with ${int(c.orders)} orders, ${int(c.lines)} order lines, ${int(c.facts)} indicator
facts and ${int(c.monthly_rows)} / ${int(c.monthly_product_rows)} / ${int(c.monthly_region_rows)} maintained monthly rows (totals / by product / by region).${r.rebuildSeconds === null ? '' : ` The facts were rebuilt from the documents by this run in ${r.rebuildSeconds.toFixed(0)} s (the backfill's set-based writers).`}
Command: \`${command}\`.

- **API**: \`GET /api/analytics/dashboard?period=month\` — 11 headline figures with last year's,
  amount / volume / margin / new customers by month over two years, funnel, channels, region /
  product / category / rep / department breakdowns, names; sequential requests, one in flight.
- **SQL**: the statements that request sent, captured from the app's pool with their parameters
  and replayed concurrently through \`pg\` on a pool of the app's size.

Every figure of a whole-month dashboard reads a maintained monthly summary (written by the
statement that writes the facts): the totals by rep / department / sub-kind / channel
(\`analytics_monthly\`), by product and category (\`analytics_monthly_product\`) and by region
(\`analytics_monthly_region\`); only finer queries (days, weeks, customers) read the facts.

| case | API p50 / p95 / p99 ms | SQL p50 / p95 / p99 ms | API / SQL (p50) | statements | sales amount |
| --- | ---: | ---: | ---: | ---: | ---: |
${rows}

Worst p95: **${ms(worstP95)} ms** (target ≤ 500 ms); worst API / SQL: **${worstRatio.toFixed(2)}×** (target ≤ 1.2×).
`;
}
