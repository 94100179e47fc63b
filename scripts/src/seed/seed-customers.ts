/**
 * Set-based bulk insert of synthetic customers: `insert … select … from generate_series` in
 * chunks, numbered by incrementing doc_sequences in the same transaction, so the app keeps
 * numbering gaplessly afterwards. Values derive from a hash of a global row key, so
 * a run is deterministic for a given starting state.
 *
 * Uniqueness by construction (no retries): company names are a permutation of the row key over
 * city × 字号 × business (4.8M combinations), mobiles (19x…) and credit codes come from
 * permutations modulo 10⁹, ID numbers from a permutation over birth date × sequence (8M).
 * Demo data uses other cities, mobile prefixes, 'MA…' organisation codes and sequences 001–499.
 */
import type pg from 'pg';
import { pinyinKeys } from '../../../apps/server/src/modules/customers/customers.search.ts';
import { FEMALE_GIVEN, MALE_GIVEN, ROADS, SURNAMES } from '../demo/dictionaries.ts';
import { COUNTY_CITIES, LEGAL_FORMS, SEED_BUSINESS, TRADE_FIRST, TRADE_SECOND } from './vocabulary.ts';

const N_CITY = COUNTY_CITIES.length;
const N_FIRST = TRADE_FIRST.length;
const N_SECOND = TRADE_SECOND.length;
export const MAX_KEY = N_CITY * N_FIRST * N_SECOND * SEED_BUSINESS.length;

const CC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const weighted = (digits: string, weights: number[]) => [...digits].reduce((s, d, i) => s + Number(d) * weights[i], 0);

// Each step ends in 'offset 0' so PostgreSQL does not inline it and recompute its expressions
// at every reference (about three times faster).

/** Sum of 'digit × weight' over the organisation code's 9 digits (credit-code positions 9–17). */
const orgSum = CC_WEIGHTS.slice(8)
  .map((w, i) => `((o / ${10 ** (8 - i)}) % 10) * ${w}`)
  .join(' + ');
/** Same over the birth date (ID positions 7–14). */
const birthSum = ID_WEIGHTS.slice(6, 14)
  .map((w, i) => `substr(bd, ${i + 1}, 1)::int * ${w}`)
  .join(' + ');

export const INSERT_SQL = `
with src as (
  select g, $1::bigint + g as k, $2::int + g as n,
    hashint8extended($1::bigint + g, 1) & 9223372036854775807 as h1,
    hashint8extended($1::bigint + g, 2) & 9223372036854775807 as h2,
    hashint8extended($1::bigint + g, 3) & 9223372036854775807 as h3
  from generate_series(1, $3::int) g offset 0
), a as (
  select src.*,
    h1 % 100 < 70 as company,
    (k * 2654435761) % ${MAX_KEY} as p,
    (k * 2654435761) % 8000000 as q,
    (k * 387420489) % 1000000000 as o,
    (k * 123456791) % 1000000000 as m9,
    least(now(), $4::timestamptz + ((g - 0.5) / $3::int) * $5::float8 * interval '1 second'
      + ((h2 % 7200) - 3600) * interval '1 second') as created
  from src offset 0
), b as (
  select a.*,
    (1 + case when company then p % ${N_CITY} else h2 % ${N_CITY} end)::int as ci,
    (1 + p / ${N_CITY * N_FIRST * N_SECOND})::int as bz,
    500 + q % 500 as seq,
    to_char(date '1955-01-01' + (q / 500)::int, 'YYYYMMDD') as bd,
    'KH-' || $6::text || '-' || repeat('0', greatest(0, 6 - length(n::text))) || n as no,
    (1 + (p / ${N_CITY}) % ${N_FIRST})::int as fi,
    (1 + (p / ${N_CITY * N_FIRST}) % ${N_SECOND})::int as si,
    (1 + (h2 / 64) % array_length($14::text[], 1))::int as sn,
    (1 + (h3 / 64) % case when (500 + q % 500) % 2 = 1 then array_length($15::text[], 1) else array_length($16::text[], 1) end)::int as gi,
    (1 + (h3 / 1000) % array_length($17::text[], 1))::int as li
  from a offset 0
), c as (
  select b.*,
    case when company then
      ($7::text[])[ci] || ($8::text[])[fi] || ($9::text[])[si] || ($10::text[])[bz]
    else ($14::text[])[sn] || case when seq % 2 = 1 then ($15::text[])[gi] else ($16::text[])[gi] end
    end as base_name,
    case when company then
      ($25::text[])[ci] || ($26::text[])[fi] || ($27::text[])[si] || ($28::text[])[bz]
    else ($30::text[])[sn] || case when seq % 2 = 1 then ($31::text[])[gi] else ($32::text[])[gi] end
    end as base_py,
    case when company then
      ($33::text[])[ci] || ($34::text[])[fi] || ($35::text[])[si] || ($36::text[])[bz]
    else ($38::text[])[sn] || case when seq % 2 = 1 then ($39::text[])[gi] else ($40::text[])[gi] end
    end as base_ini,
    case when company and (h1 / 100) % 10 < 9 then
      '91' || ($12::text[])[ci] || lpad(o::text, 9, '0')
      || substr('0123456789ABCDEFGHJKLMNPQRTUWXY', ((31 - (12 + ($18::int[])[ci] + ${orgSum}) % 31) % 31 + 1)::int, 1)
    end as credit_code,
    case when not company then
      ($12::text[])[ci] || bd || seq::text
      || substr('10X98765432', ((($19::int[])[ci] + ${birthSum} + (seq / 100) * 8 + ((seq / 10) % 10) * 4 + (seq % 10) * 2) % 11 + 1)::int, 1)
    end as id_number,
    case when not company or (h1 / 1000) % 10 < 6 then '19' || lpad(m9::text, 9, '0') end as mobile,
    (1 + (h2 / 1000) % array_length($20::int[], 1))::int as oi
  from b offset 0
), d as (
  select c.*, case when company then base_name || ($17::text[])[li] else base_name end as name,
    case when company then base_py || ($29::text[])[li] else base_py end as py,
    case when company then base_ini || ($37::text[])[li] else base_ini end as ini,
    case when company and h2 % 2 = 0 then ($13::text[])[ci] || '-' || (5 + (h2 / 7) % 4) || lpad(((h2 / 100) % 10000000)::text, 7, '0') end as phone_no
  from c offset 0
)
insert into customers (no, kind, name, name_norm, credit_code, id_number, mobile, mobile_norm, phone, address,
  region, industry, source, class, tags, owner_id, owner_dept_id, last_follow_up_at, search_text, search_phone, search_grams,
  created_by, created_at, updated_at)
select no,
  case when company then 'company' else 'individual' end,
  name, base_name, credit_code, id_number, mobile, mobile,
  phone_no,
  ($22::text[])[ci] || ($7::text[])[ci] || '市' || ($21::text[])[(1 + (h3 / 100000) % array_length($21::text[], 1))::int] || (1 + (h3 / 10) % 999) || '号',
  ($23::text[])[ci],
  case when company then ($11::text[])[bz] when h3 % 3 = 0 then 'other' else 'retail' end,
  (array['exhibition','referral','online','phone','walk_in','conference','outdoor','other'])[(1 + (h3 / 1600) % 8)::int],
  case when (h3 / 16) % 100 < 5 then 'KEY' when (h3 / 16) % 100 < 25 then 'A' when (h3 / 16) % 100 < 60 then 'B'
       when (h3 / 16) % 100 < 95 then 'C' end,
  case (h3 / 5000000) % 12 when 0 then array['老客户'] when 1 then array['重点跟进'] when 2 then array['展会']
       when 3 then array['经销商'] when 4 then array['老客户','重点跟进'] else '{}'::text[] end,
  ($20::int[])[oi], ($24::int[])[oi],
  case when (h1 / 100000000) % 2 = 0 then created + (now() - created) * (((h2 / 10000) % 1000) / 1000.0) end,
  -- = customerSearchKeys (customers.search.ts): the pinyin of each name part comes from the
  -- vocabulary's pinyin computed in JS with the same pinyin-pro call; only number and code have letters.
  concat_ws(' ', 'kh' || substr(no, 3), name, lower(credit_code), py, ini),
  concat_ws(' ', mobile, nullif(regexp_replace(coalesce(phone_no, ''), '[^0-9]', '', 'g'), '')),
  array(select distinct x from unnest(array[name, ini]) s,
    lateral (select substr(s, i, 1) from generate_series(1, length(s)) i
             union all select substr(s, i, 2) from generate_series(1, length(s) - 1) i) g(x)),
  ($20::int[])[oi],
  created,
  case when (h1 / 10000) % 10 < 4 then created + (now() - created) * (((h1 / 100000) % 1000) / 1000.0) else created end
from d`;

/** Pinyin of each name-part vocabulary, in the order $7–$10, $17, $14–$16 (8 arrays). */
function pinyinParams(pick: (k: { full: string; initials: string }) => string): string[][] {
  const of = (words: readonly string[]) => words.map((w) => pick(pinyinKeys(w)));
  return [
    of(COUNTY_CITIES.map((c) => c[0])), // $25 / $33
    of(TRADE_FIRST),
    of(TRADE_SECOND),
    of(SEED_BUSINESS.map((b) => b[0])),
    of(LEGAL_FORMS), // $29 / $37
    of(SURNAMES), // $30 / $38
    of(MALE_GIVEN),
    of(FEMALE_GIVEN), // $32 / $40
  ];
}

export interface Owner {
  id: number;
  deptId: number;
}

/** Sales staff own the seeded customers (reps twice as many as their managers); anyone active otherwise. */
export async function seedOwners(pool: pg.Pool): Promise<Owner[]> {
  const res = await pool.query<{ id: number; dept_id: number; code: string }>(`
    select u.id, u.dept_id, r.code from users u join user_roles ur on ur.user_id = u.id join roles r on r.id = ur.role_id
    where u.active and r.code in ('sales_rep','sales_supervisor','sales_manager','sales_director') order by u.id`);
  const owners: Owner[] = [];
  for (const r of res.rows) {
    const times = r.code === 'sales_rep' ? 2 : 1;
    for (let i = 0; i < times; i++) owners.push({ id: Number(r.id), deptId: Number(r.dept_id) });
  }
  if (owners.length) return owners;
  const all = await pool.query<{ id: number; dept_id: number }>(
    'select id, dept_id from users where active order by id',
  );
  return all.rows.map((r) => ({ id: Number(r.id), deptId: Number(r.dept_id) }));
}

/** Calendar years (Asia/Shanghai) over the last `years` years, with the share of rows each gets. */
function yearSegments(now: Date, years: number) {
  const end = now.getTime();
  const start = end - years * 365.25 * 86400_000;
  const segs: { year: string; from: number; to: number }[] = [];
  const firstYear = Number(new Date(start + 8 * 3600_000).getUTCFullYear());
  const lastYear = Number(new Date(end + 8 * 3600_000).getUTCFullYear());
  for (let y = firstYear; y <= lastYear; y++) {
    const from = Math.max(start, Date.parse(`${y}-01-01T00:00:00+08:00`));
    const to = Math.min(end, Date.parse(`${y + 1}-01-01T00:00:00+08:00`));
    if (to > from) segs.push({ year: String(y), from, to });
  }
  return { segs, total: end - start };
}

interface IndexDef {
  name: string;
  def: string;
}

/** Secondary indexes of customers (not those backing constraints): dropped for a bulk load, rebuilt after. */
async function secondaryIndexes(client: pg.PoolClient): Promise<IndexDef[]> {
  const res = await client.query<IndexDef>(`
    select quote_ident(i.relname) as name, pg_get_indexdef(i.oid) as def
    from pg_index x join pg_class i on i.oid = x.indexrelid
    where x.indrelid = 'customers'::regclass
      and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
    order by i.relname`);
  return res.rows;
}

/**
 * Inserts `count` customers. Large loads run in one transaction that drops the secondary
 * indexes, inserts in chunks and rebuilds them (several times faster than maintaining a
 * trigram GIN index row by row); a failure rolls everything back, indexes included.
 */
export async function seedCustomers(
  pool: pg.Pool,
  count: number,
  opts: { chunk?: number; years?: number; log?: (m: string) => void } = {},
): Promise<void> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const chunk = opts.chunk ?? 100_000;
  const owners = await seedOwners(pool);
  if (!owners.length) throw new Error('seed: no active users to own customers');
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('set local synchronous_commit = off');
    await client.query(`set local maintenance_work_mem = '1GB'`);
    // Owners and departments come from the users table, so the foreign keys hold by construction:
    // skip their per-row triggers (a third of the insert time) when allowed to (superuser).
    const su = await client.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = current_user');
    if (su.rows[0]?.rolsuper) await client.query('set local session_replication_role = replica');
    // Nobody else numbers customers meanwhile: the counters stay locked until commit.
    await client.query('lock table customers in share row exclusive mode');
    const { rows } = await client.query<{ k: string; n: string }>(
      'select coalesce(max(id), 0) as k, count(*) as n from customers',
    );
    let key = Number(rows[0].k);
    if (key + count > MAX_KEY)
      throw new Error(`seed: at most ${MAX_KEY} customers can be generated uniquely (have ${key})`);
    const rebuild = count >= 50_000 && count >= Number(rows[0].n) / 4;
    const indexes = rebuild ? await secondaryIndexes(client) : [];
    for (const ix of indexes) await client.query(`drop index ${ix.name}`);
    if (indexes.length) log(`  dropped ${indexes.length} secondary indexes for the bulk load`);

    const cityCol = (i: number) => COUNTY_CITIES.map((c) => c[i]);
    const staticParams: unknown[] = [
      cityCol(0), // $7
      TRADE_FIRST,
      TRADE_SECOND,
      SEED_BUSINESS.map((b) => b[0]), // $10
      SEED_BUSINESS.map((b) => b[1]),
      cityCol(3),
      cityCol(4),
      SURNAMES,
      MALE_GIVEN, // $15
      FEMALE_GIVEN,
      LEGAL_FORMS,
      COUNTY_CITIES.map((c) => weighted(c[3], CC_WEIGHTS.slice(2, 8))),
      COUNTY_CITIES.map((c) => weighted(c[3], ID_WEIGHTS.slice(0, 6))),
      owners.map((o) => o.id), // $20
      ROADS,
      cityCol(1),
      cityCol(2),
      owners.map((o) => o.deptId), // $24
      // $25–$32 full pinyin, $33–$40 initials, of the same vocabularies as $7–$10, $17, $14–$16.
      ...pinyinParams((k) => k.full),
      ...pinyinParams((k) => k.initials),
    ];

    const { segs, total } = yearSegments(new Date(), opts.years ?? 3);
    let remaining = count;
    let done = 0;
    const t0 = performance.now();
    for (let s = 0; s < segs.length; s++) {
      const seg = segs[s];
      const segCount = s === segs.length - 1 ? remaining : Math.round((count * (seg.to - seg.from)) / total);
      remaining -= segCount;
      for (let off = 0; off < segCount; off += chunk) {
        const n = Math.min(chunk, segCount - off);
        const from = seg.from + ((seg.to - seg.from) * off) / segCount;
        const span = ((seg.to - seg.from) * n) / segCount / 1000;
        const seq = await client.query<{ last_value: number }>(
          `insert into doc_sequences (doc_type, period, last_value) values ('customer', $1, $2)
           on conflict (doc_type, period) do update set last_value = doc_sequences.last_value + $2 returning last_value`,
          [seg.year, n],
        );
        const firstNo = Number(seq.rows[0].last_value) - n;
        await client.query(INSERT_SQL, [
          key,
          firstNo,
          n,
          new Date(from).toISOString(),
          span,
          seg.year,
          ...staticParams,
        ]);
        key += n;
        done += n;
        const secs = (performance.now() - t0) / 1000;
        log(
          `  ${done.toLocaleString('en')} / ${count.toLocaleString('en')} customers (${seg.year}) — ${secs.toFixed(1)} s, ${Math.round(done / secs).toLocaleString('en')} rows/s`,
        );
      }
    }
    for (const ix of indexes) {
      const ti = performance.now();
      await client.query(ix.def);
      log(`  rebuilt ${ix.name} in ${((performance.now() - ti) / 1000).toFixed(1)} s`);
    }
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  // Vacuum too (sets the visibility map for index-only scans), as autovacuum would do later.
  const ta = performance.now();
  await pool.query('vacuum (analyze) customers');
  log(`  vacuum analyze: ${((performance.now() - ta) / 1000).toFixed(1)} s`);
}
