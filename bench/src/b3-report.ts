/** Renders the B3 section of docs/benchmarks.md and splices it into an existing report. */
import type { B3Result } from './b3.ts';
import type { Machine } from './machine.ts';
import { int, ms, ratio } from './stats.ts';

const lat = (s: { p50: number; p90: number; p99: number }) => `${ms(s.p50)} / ${ms(s.p90)} / ${ms(s.p99)}`;

export function b3Section(b3: B3Result, m: Machine, command: string): string {
  return `## B3 — order with 10 lines: API (create → submit → review with reservation) vs the same SQL transaction

Measured ${m.date} on the machine above (load average at start ${m.loadAvg}), with
${int(b3.orders)} orders / ${int(b3.lines)} order lines in the database (scripts/src/seed/seed-orders.ts, set-based
\`generate_series\` chunks; the 2 M / 20 M option is \`npm run seed:large -- --customers 0 --orders 2000000\`, not run at that size here).
Command: \`${command}\`.

- **API**: \`POST /api/orders\` (10 lines priced against the product master, floor-price check, gapless
  \`SO-\` number, create audit, response = the full order detail), \`POST /api/orders/:id/submit\`, then
  \`POST /api/orders/:id/review\` as manager1 (credit exposure, stock rows locked in product order,
  10 reservations, order_reviews evidence row, approval, audit). Three sequential HTTP requests, one
  order in flight; time = all three.
- **SQL**: the same rows and locks as one transaction through \`pg\` (counter upsert, order + 10 lines,
  totals, audit rows, status changes, exposure query, \`select … for update\` of the stock rows,
  one conditional reserve update for the 10 products + one insert of the reservation rows, as the
  stock ledger does; review row).
- Rounds alternate API and SQL; ${b3.apiRoundP50.length} rounds; every order approved: API ${b3.approvedApi}/${b3.api.n}, SQL ${b3.approvedSql}/${b3.sql.n}.

| side | p50 / p90 / p99 ms | mean ms | samples |
| --- | ---: | ---: | ---: |
| API (3 requests) | ${lat(b3.api)} | ${ms(b3.api.mean)} | ${b3.api.n} |
| — create | ${lat(b3.apiSteps.create)} | ${ms(b3.apiSteps.create.mean)} | |
| — submit | ${lat(b3.apiSteps.submit)} | ${ms(b3.apiSteps.submit.mean)} | |
| — review + reservation | ${lat(b3.apiSteps.review)} | ${ms(b3.apiSteps.review.mean)} | |
| SQL (1 transaction) | ${lat(b3.sql)} | ${ms(b3.sql.mean)} | ${b3.sql.n} |
| **API / SQL** | **${ratio(b3.api.p50, b3.sql.p50)}** (p50), **${ratio(b3.api.p90, b3.sql.p90)}** (p90) | | |

Per-round p50 (ms): API ${b3.apiRoundP50.map(ms).join(', ')}; SQL ${b3.sqlRoundP50.map(ms).join(', ')}.

The API pays for three HTTP round trips with session lookup and permission/scope resolution each, three
transactions instead of one, the product pricing lookup (price lists), the customer scope check, the
order detail it returns after create, and field-level audit rows; the SQL side writes the same rows
without any of that.
`;
}
