import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { foldInto, SUMMARIES, SUMMED_FACT_COLS } from './analytics.summaries.ts';

/**
 * Fact writers (SPEC 5.1). Each is ONE set-based INSERT … SELECT over the source document, used both
 * by the booking hook (filter: this document, inside the document's own transaction) and by the
 * backfill (filter: every document), so history rebuilt from scratch equals history booked live.
 * Raw table names on purpose: analytics reads every module, and importing their schemas would make
 * analytics a dependency cycle of the modules that call it.
 *
 * Choice of source per measure (documented in docs/admin-guide.md "Indicators"):
 * - sales amount / volume / margin come from ORDERS, booked on the day the order passed review
 *   (订单评审通过 = confirmed sale), reversed on cancellation, netted by completed returns;
 * - invoiced amount comes from INVOICES (issue date; red-letter negative; void reverses);
 * - collections come from PAYMENTS counted by finance (confirmed / cleared), on the received date.
 */

const COLS = sql`(kind, fact_date, rep_id, dept_id, customer_id, product_id, category_id, region, channel, sub,
  source_type, source_id, line_id, n, qty, amount, net_amount, cost)`;
const TZ = sql.raw(`'Asia/Shanghai'`);

/**
 * Inserts fact rows and adds them to every monthly summary in the same statement (so in the same
 * transaction): the summaries can never disagree with the facts they sum (analytics.summaries.ts).
 */
function insertFacts(tx: Tx, select: SQL) {
  const [first, ...rest] = SUMMARIES;
  return tx.execute(sql`with ins as (insert into analytics_facts ${COLS} ${select} returning ${SUMMED_FACT_COLS})${sql.join(
    rest.map((s, i) => sql`, ${sql.raw(`s${i}`)} as (${foldInto(s, 'ins')})`),
    sql``,
  )}
    ${foldInto(first, 'ins')}`);
}

/** Order lines of orders that passed review: the confirmed sale, credited to the order's owner then. */
export function bookOrders(tx: Tx, where: SQL) {
  return insertFacts(
    tx,
    sql`select 'order', (o.approved_at at time zone ${TZ})::date, o.owner_id, o.owner_dept_id, o.customer_id,
      l.product_id, p.category_id, c.region, o.channel, null, 'order', o.id, l.id,
      case when row_number() over (partition by o.id order by l.line_no) = 1 then 1 else 0 end,
      l.qty, l.gross_amount, l.net_amount, round(p.cost * l.qty, 2)
    from orders o
    join order_lines l on l.order_id = o.id
    join customers c on c.id = o.customer_id
    left join products p on p.id = l.product_id
    where o.approved_at is not null and ${where}`,
  );
}

/**
 * A lead turned deal (集客成交): the customer's first confirmed order, when the customer came in
 * through a front-desk registration before it; credited to the order's owner, channel = the
 * registration's channel (for channel effectiveness and the 4S lead-to-deal conversion).
 */
export function bookLeadDeals(tx: Tx, where: SQL) {
  return insertFacts(
    tx,
    sql`select 'lead_deal', (o.approved_at at time zone ${TZ})::date, o.owner_id, o.owner_dept_id, o.customer_id,
      null, null, c.region, r.channel, r.kind, 'order', o.id, null, 1, 0, o.total_gross, o.total_net, null
    from orders o
    join customers c on c.id = o.customer_id
    join lateral (
      select r.channel, r.kind from front_desk_registrations r
      where (r.customer_id = o.customer_id or r.matched_customer_id = o.customer_id) and r.registered_at <= o.approved_at
      order by r.registered_at, r.id limit 1
    ) r on true
    where o.approved_at is not null and ${where}
      and not exists (select 1 from orders o2 where o2.customer_id = o.customer_id and o2.approved_at is not null
        and (o2.approved_at, o2.id) < (o.approved_at, o.id))`,
  );
}

/** Reverses every fact an order booked (its lines → order_cancel, its lead deal → −1), on `date`. */
export function bookOrderCancel(tx: Tx, orderId: number, date: string) {
  return insertFacts(
    tx,
    sql`select case when kind = 'order' then 'order_cancel' else kind end, ${date}::date, rep_id, dept_id, customer_id,
      product_id, category_id, region, channel, sub, source_type, source_id, line_id, -n, -qty, -amount, -net_amount, -cost
    from analytics_facts
    where source_type = 'order' and source_id = ${orderId} and kind in ('order','lead_deal')`,
  );
}

/** Completed sales returns (not exchanges): negative lines credited like the sale they reverse. */
export function bookReturns(tx: Tx, where: SQL) {
  return insertFacts(
    tx,
    sql`select 'return', (r.completed_at at time zone ${TZ})::date, f.rep_id, f.dept_id, f.customer_id,
      f.product_id, f.category_id, f.region, f.channel, null, 'sales_return', r.id, rl.id, 0,
      -rl.qty, -rl.amount, -round(f.net_amount * rl.amount / nullif(f.amount, 0), 2),
      -round(f.cost * rl.qty / nullif(f.qty, 0), 2)
    from sales_returns r
    join sales_return_lines rl on rl.return_id = r.id
    join analytics_facts f on f.kind = 'order' and f.line_id = rl.order_line_id
    where r.status = 'completed' and r.kind = 'return' and ${where}`,
  );
}

/** Issued invoices (红字 negative), credited to the invoice's owner, on the issue date. */
export function bookInvoices(tx: Tx, where: SQL) {
  return insertFacts(
    tx,
    sql`select 'invoice', i.issue_date, i.owner_id, i.owner_dept_id, i.customer_id, null, null, c.region, null, null,
      'invoice', i.id, null, case when i.total_gross >= 0 then 1 else 0 end, 0, i.total_gross, i.total_net, null
    from invoices i join customers c on c.id = i.customer_id
    where ${where}`,
  );
}

/** A voided invoice's facts, reversed on `date`. */
export function bookInvoiceVoid(tx: Tx, invoiceId: number, date: string) {
  return insertFacts(
    tx,
    sql`select kind, ${date}::date, rep_id, dept_id, customer_id, product_id, category_id, region, channel, sub,
      source_type, source_id, line_id, -n, -qty, -amount, -net_amount, -cost
    from analytics_facts where source_type = 'invoice' and source_id = ${invoiceId} and kind = 'invoice'`,
  );
}

/** Payments counted by finance (confirmed / cleared), once each, on the received date. */
export function bookPayments(tx: Tx, where: SQL) {
  return insertFacts(
    tx,
    sql`select 'payment', p.received_date, p.owner_id, p.owner_dept_id, p.customer_id, null, null, c.region, p.method, p.kind,
      'payment', p.id, null, 1, 0, p.amount, p.amount, null
    from payments p join customers c on c.id = p.customer_id
    where p.status in ('confirmed','cleared') and ${where}
      and not exists (select 1 from analytics_facts x where x.source_type = 'payment' and x.source_id = p.id)`,
  );
}

/** New customers (新增客户), credited to the first owner; channel = the customer's source. */
export function bookCustomers(tx: Tx, where: SQL, date: string | null = null) {
  return insertFacts(
    tx,
    sql`select 'customer', coalesce(${date}::date, (c.created_at at time zone ${TZ})::date), c.owner_id, c.owner_dept_id, c.id, null, null,
      c.region, c.source, c.kind, 'customer', c.id, null, 1, 0, 0, 0, null
    from customers c where ${where}`,
  );
}

/** Front-desk registrations (集客: calls and showroom visits), credited to the rep they were routed to. */
export function bookLeads(tx: Tx, where: SQL) {
  return insertFacts(
    tx,
    sql`select 'lead', r.reg_date, r.routed_to, r.routed_dept_id, coalesce(r.customer_id, r.matched_customer_id), null, null,
      null, r.channel, r.kind, 'frontdesk_registration', r.id, null, 1, 0, 0, 0, null
    from front_desk_registrations r where ${where}`,
  );
}

/** Quotes created, credited to the quote's owner, with their gross amount. */
export function bookQuotes(tx: Tx, where: SQL, date: string | null = null) {
  return insertFacts(
    tx,
    sql`select 'quote', coalesce(${date}::date, (q.created_at at time zone ${TZ})::date), q.owner_id, q.owner_dept_id, q.customer_id, null, null,
      c.region, null, null, 'quote', q.id, null, 1, 0, q.total_gross, q.total_net, null
    from quotes q join customers c on c.id = q.customer_id where ${where}`,
  );
}

/** Follow-ups logged, credited to the writer and their department at that time. */
export function bookFollowUps(tx: Tx, where: SQL, date: string | null = null) {
  return insertFacts(
    tx,
    sql`select 'follow_up', coalesce(${date}::date, (f.created_at at time zone ${TZ})::date), f.created_by, u.dept_id, f.customer_id, null, null,
      null, null, f.type, 'follow_up', f.id, null, 1, 0, 0, 0, null
    from follow_ups f join users u on u.id = f.created_by where ${where}`,
  );
}

/** An opportunity entering a stage (for conversion per stage), credited to its owner then. */
export function bookStageEntry(tx: Tx, opportunityId: number, stageId: number, date: string) {
  return insertFacts(
    tx,
    sql`select 'stage', ${date}::date, o.owner_id, o.owner_dept_id, o.customer_id, null, null, null, null, ${String(stageId)},
      'opportunity', o.id, null, 1, 0, o.amount, o.amount, null
    from opportunities o where o.id = ${opportunityId}
      and not exists (select 1 from analytics_facts x where x.source_type = 'opportunity' and x.source_id = o.id
        and x.kind = 'stage' and x.sub = ${String(stageId)})`,
  );
}

/**
 * Stage entries of existing opportunities, reconstructed for the backfill: every open stage up to
 * the current (or last open) one, plus the won/lost stage, dated at creation.
 */
function backfillStages(tx: Tx) {
  return insertFacts(
    tx,
    sql`select 'stage', (o.created_at at time zone ${TZ})::date, o.owner_id, o.owner_dept_id, o.customer_id, null, null,
      null, null, s.id::text, 'opportunity', o.id, null, 1, 0, o.amount, o.amount, null
    from opportunities o
    join pipeline_stages cur on cur.id = coalesce(o.last_open_stage_id, o.stage_id)
    join pipeline_stages s on s.pipeline_id = o.pipeline_id
      and ((s.kind = 'open' and s.position <= cur.position) or (s.id = o.stage_id and s.kind <> 'open'))`,
  );
}

/**
 * Rebuilds every fact from the documents (backfill and demo data). Reps and departments are the
 * documents' own owner columns — the best record of who held them when they were booked.
 */
export async function rebuildFacts(tx: Tx): Promise<number> {
  await tx.execute(sql`delete from analytics_facts`);
  for (const s of SUMMARIES) await tx.execute(sql`delete from ${sql.raw(s.table)}`);
  const all = sql`true`;
  await bookOrders(tx, all);
  await bookLeadDeals(tx, all);
  // Orders cancelled after approval: reversed on the day of the cancellation (last change).
  await insertFacts(
    tx,
    sql`select case when f.kind = 'order' then 'order_cancel' else f.kind end, (o.updated_at at time zone ${TZ})::date,
      f.rep_id, f.dept_id, f.customer_id, f.product_id, f.category_id, f.region, f.channel, f.sub, f.source_type,
      f.source_id, f.line_id, -f.n, -f.qty, -f.amount, -f.net_amount, -f.cost
    from analytics_facts f join orders o on o.id = f.source_id
    where f.source_type = 'order' and f.kind in ('order','lead_deal') and o.status = 'cancelled'`,
  );
  await bookReturns(tx, all);
  await bookInvoices(tx, all);
  await insertFacts(
    tx,
    sql`select f.kind, coalesce((i.voided_at at time zone ${TZ})::date, i.issue_date), f.rep_id, f.dept_id, f.customer_id,
      null, null, f.region, null, null, f.source_type, f.source_id, null, -f.n, 0, -f.amount, -f.net_amount, null
    from analytics_facts f join invoices i on i.id = f.source_id
    where f.source_type = 'invoice' and f.kind = 'invoice' and i.status = 'void'`,
  );
  await bookPayments(tx, all);
  await bookCustomers(tx, all);
  await bookLeads(tx, all);
  await bookQuotes(tx, all);
  await bookFollowUps(tx, all);
  await backfillStages(tx);
  const res = await tx.execute<{ n: number }>(sql`select count(*)::int n from analytics_facts`);
  return Number(res.rows[0].n);
}
