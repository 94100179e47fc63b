/** Renders the B5 and B6 sections of docs/benchmarks.md (issue 10: lists and search) and splices them in. */
import type { B5CaseResult } from './b5.ts';
import type { B6CaseResult } from './b6.ts';
import type { Machine } from './machine.ts';
import { int, ms, ratio } from './stats.ts';

const lat = (s: { p50: number; p95: number; p99: number }) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`;
const verdict = (p95: number, goal: number) => (p95 <= goal ? `✅ ≤ ${goal}` : `❌ > ${goal}`);

export function b5Section(rows: B5CaseResult[], m: Machine, customers: number, command: string): string {
  const table = rows
    .map(
      (r) =>
        `| ${r.case.label} | ${r.case.username} (${r.scope}) | ${int(r.inScope)} | ${r.total >= 10000 ? '10000+' : int(r.total)} | ${lat(r.api)} | ${lat(r.sql)} | **${ratio(r.api.p50, r.sql.p50)}** | ${verdict(r.api.p95, 50)} |`,
    )
    .join('\n');
  const plans = rows
    .map(
      (r) =>
        `<details><summary>${r.case.label}: plans</summary>\n\nList:\n\n\`\`\`\n${r.explainList}\n\`\`\`\n\nCapped count:\n\n\`\`\`\n${r.explainCount}\n\`\`\`\n</details>`,
    )
    .join('\n\n');
  return `## B5 — customer list page at ${int(customers)} customers

Measured ${m.date} on the machine above (load average at start ${m.loadAvg}; the 2 cores were shared with
other work during the run). Command: \`${command}\`. One page of 50 (class A, newest first) with the capped
count (\`10000+\`) sent concurrently as the app does, through the API vs the best hand-written SQL for the same
answer in the same run (scope as an OR for the page; the count as one capped index scan per scope branch;
keywords through the search keys of docs/adr/0004). Goal: API p95 ≤ 50 ms.

| case | user (scope) | rows in scope | total shown | API p50 / p95 / p99 ms | SQL p50 / p95 / p99 ms | API / SQL (p50) | p95 goal |
| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |
${table}

${plans}
`;
}

export function b6Section(rows: B6CaseResult[], m: Machine, customers: number, command: string): string {
  const table = rows
    .map(
      (r) =>
        `| ${r.case.label} | ${r.case.username} (${r.scope}) | ${r.found} | ${lat(r.api)} | ${lat(r.sql)} | **${ratio(r.api.p50, r.sql.p50)}** | ${verdict(r.api.p95, 30)} |`,
    )
    .join('\n');
  const plans = rows
    .map((r) => `<details><summary>${r.case.label}: plan</summary>\n\n\`\`\`\n${r.explain}\n\`\`\`\n</details>`)
    .join('\n\n');
  return `## B6 — customer picker (typeahead) at ${int(customers)} customers

Measured ${m.date} on the machine above (load average at start ${m.loadAvg}). Command: \`${command}\`.
\`GET /api/customers/search?q=…\` (up to 20, most recently updated first, within scope) vs the same answer
from SQL over the search keys (docs/adr/0004) in the same run. Goal: API p95 ≤ 30 ms.

| keyword | user (scope) | found | API p50 / p95 / p99 ms | SQL p50 / p95 / p99 ms | API / SQL (p50) | p95 goal |
| --- | --- | ---: | ---: | ---: | ---: | --- |
${table}

${plans}
`;
}
