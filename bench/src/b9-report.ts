/** Renders the B9 section of docs/benchmarks.md and splices it into an existing report. */
import type { B9Result } from './b9.ts';
import type { Machine } from './machine.ts';
import { int, ms, ratio } from './stats.ts';

const lat = (s: { p50: number; p95: number; p99: number }) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`;

export function b9Section(r: B9Result, m: Machine, command: string, seedNote: string): string {
  const c = r.counts;
  const rows = r.cases
    .map(
      (x) =>
        `| ${x.case.label} | ${lat(x.api)} | ${lat(x.sql)} | **${ratio(x.api.p50, x.sql.p50)}** | ${x.rows} of ${x.total} |`,
    )
    .join('\n');
  const worstP95 = Math.max(...r.cases.map((x) => x.api.p95));
  return `## B9 — receivables: aging and arrears pages from maintained balances (ADR 0003)

Measured ${m.date} on the machine above (load average at start ${m.loadAvg}; the two cores are shared
with two other engineers' test runs), database ${m.database}, PostgreSQL ${m.postgres}, with
${int(c.customers)} customers, ${int(c.orders)} orders, ${int(c.invoices)} invoices, ${int(c.payments)} payments,
${int(c.write_offs)} write-offs; ${int(c.open_invoices)} invoices open, ${int(c.customers_with_invoices)} customers with invoices.
${seedNote}
Command: \`${command}\`.

- **API**: \`GET /api/receivables\` (aging per customer, largest balance first) and
  \`GET /api/receivables/arrears\` (客户欠款明细表, customer-name order), 50 rows, with the capped
  total and the bucket totals over the whole scope; sequential requests, one in flight.
- **SQL**: the best SQL for the same answer — the same index reads of the maintained tables (page,
  capped count, bucket totals, and the page's buckets), sent concurrently through \`pg\` as the API does.

| case | API p50 / p95 / p99 ms | SQL p50 / p95 / p99 ms | API / SQL (p50) | rows |
| --- | ---: | ---: | ---: | ---: |
${rows}

Worst page p95: **${ms(worstP95)} ms** (target ≤ 200 ms).

Without maintained balances — the FIFO ledger computed from scratch in SQL, bucket totals only —
the same answer takes p50 **${ms(r.fromScratch.p50)} ms** (${r.fromScratch.n} runs). An aging page as of a past date
(90 days ago), which the maintained balances cannot answer and the API computes that way in SQL:
p50 ${ms(r.historical.p50)} ms. Either way no row is allocated in the request thread any more.

**Concurrency**: \`${r.simplePath}\` idle p50 / p95 / p99 ${lat(r.idle)} ms (${r.idle.n} requests); while two
clients page through aging and arrears back to back (${int(r.loadedRequests)} page requests meanwhile):
${lat(r.loaded)} ms (${r.loaded.n} requests) — p99 **${ratio(r.loaded.p99, r.idle.p99)}** of idle (target ≤ 2×).
Event-loop delay meanwhile: p99 ${ms(r.eventLoopP99Ms)} ms, max ${ms(r.eventLoopMaxMs)} ms. Process RSS (API and
bench client in one process) peaked at **${r.rssMaxMiB} MB** (target ≤ 400 MB).
`;
}
