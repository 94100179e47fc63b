/** Renders the B1 and B2 sections of docs/benchmarks.md for runs that replace only those. */
import type { B1Result } from './b1.ts';
import type { B2Result } from './b2.ts';
import type { Machine } from './machine.ts';
import { b1Table } from './report.ts';
import { int, ms, ratio } from './stats.ts';

const lat = (s: { p50: number; p90: number; p99: number }) => `${ms(s.p50)} / ${ms(s.p90)} / ${ms(s.p99)}`;

export function b1Section(
  b1: B1Result,
  m: Machine,
  command: string,
  o: { connections: number; duration: number; rounds: number },
): string {
  return `## B1 — authenticated \`/api/auth/me\` vs bare Fastify

Measured ${m.date} on the machine above (load average at start ${m.loadAvg}). Command: \`${command}\`.
\`GET /api/auth/me\` through the full application (\`buildApp\`: cookie parsing, principal from the
in-process cache of ADR 0005 — invalidated from the database by NOTIFY — auth hook, zod response
serialisation) with a real session cookie, against a bare Fastify 5 route returning the same JSON
body; autocannon, ${o.connections} connections × ${o.duration} s per round, ${o.rounds} rounds alternating, after a 2 s
warm-up of each. The third variant is the bare route plus the uncached session query
(\`loadPrincipal\`): what every request cost before the cache.

${b1Table(b1)}
`;
}

export function b2Section(b2: B2Result, m: Machine, command: string): string {
  return `## B2 — order by id with 10 lines: API vs its SQL

Measured ${m.date} on the machine above (load average at start ${m.loadAvg}). Command: \`${command}\`.

- **API**: \`GET /api/orders/:id\` as the owning rep (session from the principal cache, scope,
  contact masking policy and its access-log row, lines with label checkers, latest review,
  reservations, credit-approval instance, 大写 amount, allowed actions, JSON). ${int(b2.orderIds)} of the
  rep's 10-line orders in turn, one request in flight.
- **SQL**: the best single statement for the same answer — the order scoped to its owner, customer
  and owner names, the lines, the latest review and the reservations as JSON — through \`pg\`.
- Response: ${int(b2.bodyBytes)} bytes. Statements the app sends for one request (after its cache is warm), ${b2.statements.length} in all,
  the ones after the order row side by side on the pool:

\`\`\`sql
${b2.statements.map((q) => q.replace(/\s+/g, ' ').trim().slice(0, 150)).join('\n')}
\`\`\`

| side | p50 / p90 / p99 ms | mean ms | samples |
| --- | ---: | ---: | ---: |
| API | ${lat(b2.api)} | ${ms(b2.api.mean)} | ${b2.api.n} |
| SQL (1 statement) | ${lat(b2.sql)} | ${ms(b2.sql.mean)} | ${b2.sql.n} |
| **API / SQL** | **${ratio(b2.api.p50, b2.sql.p50)}** (p50), **${ratio(b2.api.p90, b2.sql.p90)}** (p90) | | |

Per-round p50 (ms): API ${b2.apiRoundP50.map(ms).join(', ')}; SQL ${b2.sqlRoundP50.map(ms).join(', ')}.
`;
}
