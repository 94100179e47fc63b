/** Observations derived from the measured numbers and plans, so a rerun after a fix says what changed. */
import type { B1Result } from './b1.ts';
import { type B5CaseResult, WHAT_IF_INDEXES } from './b5.ts';
import type { Machine } from './machine.ts';
import { median, ms } from './stats.ts';

const execMs = (plan: string) => Number(plan.match(/Execution Time: ([\d.]+) ms/)?.[1] ?? Number.NaN);
const sorts = (plan: string) => /^\s*(->\s+)?Sort \(/m.test(plan);
const usesTrgm = (plan: string) => plan.includes('customers_search_trgm_idx');
const seqScan = (plan: string) => plan.includes('Seq Scan on customers');

export function notesFor(
  b1: B1Result | undefined,
  b5: B5CaseResult[] | undefined,
  indexDefs: string[],
  machine?: Machine,
): string[] {
  const notes: string[] = [];
  if (machine && Number(machine.loadAvg.split(' / ')[0]) > machine.cores) {
    notes.push(
      `The machine was busy with other work while this ran (load average ${machine.loadAvg} on ${machine.cores} cores): ` +
        'absolute numbers are pessimistic and noisy; compare the sides of each comparison, which alternated round by round.',
    );
  }
  if (b1) {
    const full = median(b1.full.map((r) => r.rps));
    const bare = median(b1.bare.map((r) => r.rps));
    const bareDb = median(b1.bareDb.map((r) => r.rps));
    // Capacity cost per request (1 / throughput): how much of the full app's extra is the session query.
    const share = (1 / bareDb - 1 / bare) / (1 / full - 1 / bare);
    notes.push(
      `**B1**: the full app serves ${(b1.ratio * 100).toFixed(0)}% of the bare route's throughput. The bare route plus the ` +
        `app's session query alone reaches ${Math.round(bareDb)} req/s (full app ${Math.round(full)}): that one statement ` +
        '(session + user + department + roles + grants, sent unprepared, so parsed and planned each time) accounts for ' +
        `about ${Math.round(Math.min(1, share) * 100)}% of the full app's extra cost per request; the rest is plugins, hooks ` +
        'and zod serialisation.',
    );
  }
  if (!b5?.length) return notes;

  const nullsLastIdx = indexDefs.filter((d) => /updated_at DESC NULLS LAST/.test(d));
  const sorted = b5.filter((r) => !r.case.keyword && sorts(r.explainList));
  if (sorted.length && nullsLastIdx.length) {
    const ex = sorted
      .map((r) => `${r.case.label}: ${ms(execMs(r.explainList))} ms → ${ms(execMs(r.explainListNullsLast))} ms`)
      .join('; ');
    notes.push(
      '**The list sorts every matching row.** `ORDER BY updated_at DESC, id DESC` means `NULLS FIRST` in PostgreSQL, but ' +
        `the indexes are declared \`DESC NULLS LAST\` (drizzle \`.desc()\`: ${nullsLastIdx.map((d) => d.match(/INDEX (\S+)/)?.[1]).join(', ')}), ` +
        'so none of them can return rows in list order and each page reads and sorts all matching rows. The same query ' +
        `ordered \`desc nulls last\` (EXPLAIN ANALYZE, no other change): ${ex}. Fix in apps/server: declare the indexes ` +
        '`.desc().nullsFirst()` (plain `DESC`), or order the list `desc nulls last` to match them; `updated_at` is NOT NULL, so both orders return the same rows.',
    );
  }
  const short = b5.filter((r) => r.case.keyword && [...r.case.keyword].length < 3);
  if (short.some((r) => !usesTrgm(r.explainList))) {
    const r = short[0];
    notes.push(
      `**Two-character keywords cannot use the trigram index.** pg_trgm extracts no trigram from \`%${r.case.keyword}%\`, ` +
        `so "${r.case.keyword}" filters every row in scope (${short.map((x) => `${x.case.label}: list ${ms(execMs(x.explainList))} ms, count ${ms(execMs(x.explainCount))} ms`).join('; ')}). ` +
        'Chinese names are mostly searched by a two-character 字号, so this is the common case. Options: a bigram ' +
        'GIN index (e.g. a generated `text[]` of character bigrams, queried with `@>` and the LIKE as recheck), or pg_bigm where available.',
    );
  }
  const long = b5.filter((r) => r.case.keyword && [...r.case.keyword].length >= 3);
  if (long.length && long.every((r) => usesTrgm(r.explainList) || usesTrgm(r.explainCount)))
    notes.push(`Keywords of three or more characters ("${long[0].case.keyword}") use customers_search_trgm_idx.`);
  const slowCounts = b5.filter((r) => seqScan(r.explainCount) && execMs(r.explainCount) > 20);
  if (slowCounts.length) {
    notes.push(
      `**The capped count scans the table** when the filter is not selective enough for an index: ${slowCounts
        .map((r) => `${r.case.label} ${ms(execMs(r.explainCount))} ms`)
        .join('; ')}. With \`${WHAT_IF_INDEXES.join('`; `')}\` (tried in a rolled-back transaction): ${slowCounts
        .map(
          (r) =>
            `${r.case.label} ${ms(execMs(r.explainCountWhatIf))} ms${seqScan(r.explainCountWhatIf) ? ' (still a seq scan)' : ''}`,
        )
        .join('; ')}.`,
    );
  }
  const q = b5[0].appQueries;
  if (q.length) {
    const scopeQueries = q.filter((s) => s.includes('from departments where path like')).length;
    notes.push(
      `**API overhead per list request**: ${q.length} statements (above) against the 2 of the reference; ` +
        `the department-subtree query runs ${scopeQueries}× (the scope is resolved separately for the page and the count, ` +
        'and again for the masking rule), and most run one after another, so each adds a round trip.',
    );
  }
  return notes;
}
